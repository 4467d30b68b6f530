// Progression at the edges of the guide's ranges.
#include "limber/progression.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using limber::DoseStep;
using limber::Progression;
using limber::Rating;
using namespace std::chrono_literals;

namespace {

const limber::Catalog& catalog()
{
    return limber::test::shipped_catalog();
}

const limber::WallTime t0{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23}.time_since_epoch()};

}  // namespace

TEST_CASE("each exercise's ladder runs from the easy end of the guide's range to the full dose")
{
    for (const auto& e : catalog().exercises) {
        INFO(e.id);
        CHECK(limber::step_at(e, 0) == e.easiest());
        CHECK(limber::step_at(e, limber::levels(e) - 1) == e.fullest());
        CHECK(limber::step_at(e, -5) == e.easiest());
        CHECK(limber::step_at(e, 999) == e.fullest());
        for (int l = 1; l < limber::levels(e); ++l) {
            const auto a = limber::step_at(e, l - 1);
            const auto b = limber::step_at(e, l);
            CHECK(b.reps >= a.reps);
            CHECK(b.hold_seconds >= a.hold_seconds);
            CHECK((b.reps > a.reps || b.hold_seconds > a.hold_seconds));
        }
    }
    const auto& chin = *catalog().find_exercise("chin-tucks");
    CHECK(limber::levels(chin) == 6);
    CHECK(limber::step_at(chin, 1) == DoseStep{11, 5});
    const auto& pec = *catalog().find_exercise("doorway-pec-stretch");
    CHECK(limber::levels(pec) == 11);
    CHECK(limber::step_at(pec, 5) == DoseStep{3, 25});
    CHECK(limber::levels(*catalog().find_exercise("wall-angels")) == 1);
}

TEST_CASE("two easy reports in a row step up; hard steps down; never outside the range")
{
    Progression p(catalog());
    CHECK(p.dose("chin-tucks") == DoseStep{10, 5});
    p.rate("chin-tucks", Rating::Easy, t0);
    CHECK(p.level("chin-tucks") == 0);
    CHECK(p.rate("chin-tucks", Rating::Easy, t0).stepped_up);
    CHECK(p.dose("chin-tucks") == DoseStep{11, 5});

    p.rate("chin-tucks", Rating::Easy, t0);
    p.rate("chin-tucks", Rating::Ok, t0);  // breaks the run
    p.rate("chin-tucks", Rating::Easy, t0);
    CHECK(p.level("chin-tucks") == 1);

    CHECK(p.rate("chin-tucks", Rating::Hard, t0).stepped_down);
    CHECK(p.level("chin-tucks") == 0);
    CHECK_FALSE(p.rate("chin-tucks", Rating::Hard, t0).stepped_down);  // already at the bottom
    CHECK(p.level("chin-tucks") == 0);

    for (int i = 0; i < 40; ++i) p.rate("chin-tucks", Rating::Easy, t0);
    CHECK(p.dose("chin-tucks") == DoseStep{15, 5});
    CHECK_FALSE(p.rate("chin-tucks", Rating::Easy, t0).stepped_up);
    CHECK_FALSE(p.rate("chin-tucks", Rating::Easy, t0).stepped_up);
    CHECK(p.dose("chin-tucks") == DoseStep{15, 5});

    p.rate("wall-angels", Rating::Easy, t0);
    CHECK_FALSE(p.rate("wall-angels", Rating::Easy, t0).stepped_up);  // one-level ladder
    CHECK_THROWS_WITH(p.rate("handstands", Rating::Easy, t0), "unknown exercise \"handstands\"");
}

TEST_CASE("three pain reports within 14 days pause an exercise until it is re-enabled")
{
    Progression p(catalog());
    const auto& quick = *catalog().find_routine("quick-daily-reset");
    CHECK_FALSE(p.rate("scapular-squeezes", Rating::Pain, t0).paused);
    CHECK_FALSE(p.rate("scapular-squeezes", Rating::Pain, t0 + 24h * 6).paused);
    CHECK(p.rate("scapular-squeezes", Rating::Pain, t0 + 24h * 13).paused);
    CHECK(p.paused("scapular-squeezes"));
    const auto plan = p.plan(quick);
    REQUIRE(plan.size() == 2);
    CHECK(plan[0].first == "chin-tucks");
    CHECK(plan[1].first == "doorway-pec-stretch");

    p.reenable("scapular-squeezes");
    CHECK_FALSE(p.paused("scapular-squeezes"));
    CHECK(p.plan(quick).size() == 3);
    CHECK_FALSE(p.rate("scapular-squeezes", Rating::Pain, t0 + 24h * 14).paused);  // the count starts over
}

TEST_CASE("pain reports spread over more than 14 days do not pause")
{
    Progression p(catalog());
    p.rate("cat-cow", Rating::Pain, t0);
    p.rate("cat-cow", Rating::Pain, t0 + 24h * 7);
    CHECK_FALSE(p.rate("cat-cow", Rating::Pain, t0 + 24h * 14).paused);
    CHECK_FALSE(p.paused("cat-cow"));
    CHECK(p.rate("cat-cow", Rating::Pain, t0 + 24h * 15).paused);
}

TEST_CASE("progression is saved and restored, clamped to the catalog")
{
    Progression p(catalog());
    for (int i = 0; i < 6; ++i) p.rate("doorway-pec-stretch", Rating::Easy, t0);
    p.rate("thread-the-needle", Rating::Easy, t0);
    p.rate("cat-cow", Rating::Pain, t0);
    Progression q(catalog());
    q.load_json(p.to_json());
    CHECK(q.to_json() == p.to_json());
    CHECK(q.dose("doorway-pec-stretch") == DoseStep{2, 23});
    q.rate("thread-the-needle", Rating::Easy, t0);
    CHECK(q.level("thread-the-needle") == 1);  // the half-finished run survived

    q.load_json(R"({"version":1,"exercises":{"chin-tucks":{"level":99,"easy_in_a_row":0,"paused":false,"pain_ms":[]},
                   "gone":{"level":1,"easy_in_a_row":0,"paused":false,"pain_ms":[]}}})");
    CHECK(q.level("chin-tucks") == 5);
    CHECK_THROWS_WITH(q.load_json("[]"), Catch::Contains("saved progression:"));
}
