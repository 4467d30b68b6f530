// The cue timeline: what a person following a routine by ear hears, and when. The three
// routines at the easy end of their doses are checked against whole timelines written out in
// tests/data/cues/ (read and checked by hand: every rep, hold, countdown, release, side and
// breath); smaller cases pin each rule.
#include "limber/cues.hpp"

#include "support/catch.hpp"
#include "support/fixtures.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

using limber::Cue;
using namespace std::chrono_literals;
using K = Cue::Kind;

limber::Catalog shipped()
{
    return limber::test::shipped_catalog();
}

std::vector<std::pair<std::string, limber::DoseStep>> easy_plan(const limber::Catalog& c, const std::string& routine)
{
    std::vector<std::pair<std::string, limber::DoseStep>> plan;
    for (const auto& id : c.find_routine(routine)->exercises) plan.emplace_back(id, c.find_exercise(id)->easiest());
    return plan;
}

std::string render(const std::vector<Cue>& cues)
{
    std::string out;
    for (const auto& c : cues) out += limber::describe(c) + "\n";
    return out;
}

std::string slurp(const std::filesystem::path& p)
{
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<Cue> timeline(const limber::Catalog& c, std::vector<std::pair<std::string, limber::DoseStep>> plan)
{
    return limber::cue_timeline(c, limber::routine_steps(c, plan));
}

}  // namespace

TEST_CASE("each routine's timeline at the easy end of its doses is the one written out")
{
    const auto c = shipped();
    for (const char* routine : {"quick-daily-reset", "posture-support", "end-of-day-relief"}) {
        INFO(routine);
        const auto cues = timeline(c, easy_plan(c, routine));
        const std::string expected = slurp(std::filesystem::path(LIMBER_TEST_DATA_DIR) / "cues" / (std::string(routine) + ".txt"));
        REQUIRE_FALSE(expected.empty());
        CHECK(render(cues) == expected);
        // The timeline ends where the steps do.
        CHECK(cues.back().kind == K::RoutineEnd);
        CHECK(cues.back().at == std::chrono::milliseconds(limber::total_length(limber::routine_steps(c, easy_plan(c, routine)))));
    }
}

TEST_CASE("a hold is announced, counted down over its last three seconds, and released")
{
    const auto c = shipped();
    // Chin tucks, one rep with a 5 s hold: ease in 1 s, hold 5 s, release 2 s.
    const auto cues = timeline(c, {{"chin-tucks", {1, 5}}});
    std::vector<std::pair<K, long>> got;
    for (const auto& q : cues) got.emplace_back(q.kind, static_cast<long>(q.at.count()));
    CHECK(got == std::vector<std::pair<K, long>>{{K::ExerciseStart, 0}, {K::Rep, 0}, {K::HoldStart, 1000}, {K::Countdown, 3000},
                                                 {K::Countdown, 4000}, {K::Countdown, 5000}, {K::Release, 6000},
                                                 {K::ExerciseEnd, 8000}, {K::RoutineEnd, 8000}});
    CHECK(cues[3].count == 3);
    CHECK(cues[5].count == 1);
}

TEST_CASE("a hold too short to count down is only announced and released")
{
    const auto c = shipped();
    const auto cues = timeline(c, {{"chin-tucks", {2, 1}}});
    int countdowns = 0;
    int holds = 0;
    for (const auto& q : cues) {
        countdowns += q.kind == K::Countdown;
        holds += q.kind == K::HoldStart;
    }
    CHECK(holds == 2);
    CHECK(countdowns == 0);
}

TEST_CASE("one-sided exercises switch sides once, and each side counts its own reps")
{
    const auto c = shipped();
    const limber::Exercise* thread = c.find_exercise("thread-the-needle");
    REQUIRE(thread != nullptr);
    REQUIRE(thread->dose.per_side);
    const auto cues = timeline(c, {{"thread-the-needle", {2, thread->dose.hold_seconds.low}}});
    std::vector<std::string> reps;
    int switches = 0;
    for (const auto& q : cues) {
        if (q.kind == K::Rep) reps.push_back(q.side + " " + std::to_string(q.rep));
        if (q.kind == K::SwitchSides) {
            ++switches;
            CHECK(q.side == "right");
        }
    }
    CHECK(reps == std::vector<std::string>{"left 1", "left 2", "right 1", "right 2"});
    CHECK(switches == 1);
    // Getting down to the floor comes first.
    CHECK(cues[1].kind == K::Position);
}

TEST_CASE("cat-cow breathes in, then out halfway through each rep")
{
    const auto c = shipped();
    const limber::Exercise* cat_cow = c.find_exercise("cat-cow");
    REQUIRE(cat_cow != nullptr);
    const auto cues = timeline(c, {{"cat-cow", {2, 0}}});
    const auto setup = std::chrono::milliseconds(std::chrono::seconds(cat_cow->dose.setup_seconds));
    const auto rep = std::chrono::milliseconds(std::chrono::seconds(cat_cow->dose.rep_seconds));
    std::vector<std::pair<K, std::chrono::milliseconds>> breaths;
    for (const auto& q : cues)
        if (q.kind == K::BreatheIn || q.kind == K::BreatheOut) breaths.emplace_back(q.kind, q.at);
    CHECK(breaths == std::vector<std::pair<K, std::chrono::milliseconds>>{
                         {K::BreatheIn, setup}, {K::BreatheOut, setup + rep / 2}, {K::BreatheIn, setup + rep}, {K::BreatheOut, setup + rep + rep / 2}});
}

TEST_CASE("between exercises, one ends before the next begins, at the same moment")
{
    const auto c = shipped();
    const auto cues = timeline(c, easy_plan(c, "quick-daily-reset"));
    for (std::size_t i = 1; i < cues.size(); ++i) {
        INFO(limber::describe(cues[i]));
        CHECK(cues[i].at >= cues[i - 1].at);
        if (cues[i].kind == K::ExerciseStart && i > 0) {
            CHECK(cues[i - 1].kind == K::ExerciseEnd);
            CHECK(cues[i - 1].at == cues[i].at);
        }
    }
    CHECK(limber::cue_timeline(c, {}).empty());
}

TEST_CASE("every shipped exercise has its own short spoken line")
{
    for (const auto& e : shipped().exercises) {
        INFO(e.id);
        CHECK_FALSE(e.say.empty());
        CHECK(e.say.size() <= 80);  // a few seconds of speech, not a paragraph
        CHECK(e.say != e.steps.front());
    }
}
