// The engine ties scheduler, record and progression together: what it records, and what
// survives a restart.
#include "limber/engine.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"
#include "support/fake_clock.hpp"

using namespace std::chrono_literals;
using limber::ActivityKind;
using limber::Engine;
using limber::SqliteStore;

namespace {

const limber::Catalog& catalog()
{
    return limber::test::shipped_catalog();
}

limber::Settings settings() { return limber::test::plain_settings(); }

struct Rig {
    limber::test::FakeClock clock{std::chrono::local_days{std::chrono::year{2026} / 11 / 23}, 9h};
    SqliteStore store{":memory:"};
    std::vector<limber::Event> events;
    std::vector<std::string> warnings;

    Engine make(ActivityKind initial = ActivityKind::Active)
    {
        return Engine(catalog(), settings(), store, clock.now(), initial,
                      [this](const limber::Event& e) { events.push_back(e); },
                      [this](const std::string& w) { warnings.push_back(w); });
    }
    // Advance, waking the engine whenever it asks, as the daemon's loop does.
    void run(Engine& e, std::chrono::nanoseconds length)
    {
        const auto end = clock.now().mono + length;
        while (clock.now().mono < end) {
            auto step = end - clock.now().mono;
            if (auto w = e.next_wake(clock.now())) step = std::min(step, std::max(*w, std::chrono::nanoseconds{1ms}));
            clock.advance(step);
            e.wake(clock.now());
        }
    }
    std::vector<std::string> kinds()
    {
        std::vector<std::string> out;
        for (const auto& r : store.records(0, 100000)) out.push_back(r.kind);
        return out;
    }
};

}  // namespace

TEST_CASE("every event is recorded and handed to the sink")
{
    Rig rig;
    Engine engine = rig.make();
    rig.run(engine, 45min);
    REQUIRE(engine.snooze(rig.clock.now()).ok());
    CHECK(rig.kinds() == std::vector<std::string>{"warning", "break_due", "snoozed"});
    REQUIRE(rig.events.size() == 3);
    CHECK(rig.events[1].kind == limber::Event::Kind::BreakDue);
}

TEST_CASE("activity is recorded as merged spans, with late idle counted from its start")
{
    Rig rig;
    Engine engine = rig.make();
    rig.run(engine, 10min);
    const auto idle_began = rig.clock.now().mono;
    rig.run(engine, 1min);
    engine.activity(rig.clock.now(), {ActivityKind::Idle, idle_began});
    rig.run(engine, 9min);
    engine.activity(rig.clock.now(), {ActivityKind::Active, {}});
    rig.run(engine, 5min);
    engine.save(rig.clock.now());
    rig.run(engine, 5min);
    engine.save(rig.clock.now());
    const auto spans = rig.store.spans(0, 100000);
    REQUIRE(spans.size() == 3);
    CHECK(spans[0].kind == ActivityKind::Active);
    CHECK(spans[0].end - spans[0].start.utc == 10min);
    CHECK(spans[1].kind == ActivityKind::Idle);
    CHECK(spans[1].end - spans[1].start.utc == 10min);
    CHECK(spans[2].end - spans[2].start.utc == 10min);  // two saves, one merged span
    CHECK(rig.kinds() == std::vector<std::string>{"away_started", "natural_break"});
}

TEST_CASE("the schedule and progression survive a restart")
{
    Rig rig;
    {
        Engine engine = rig.make();
        rig.run(engine, 30min);
        REQUIRE(engine.start(rig.clock.now(), "quick-daily-reset").ok());
        for (int i = 0; i < 2; ++i)
            REQUIRE(engine.step(rig.clock.now(), {"chin-tucks", 10, 5, "", limber::Rating::Easy}).ok());
        REQUIRE(engine.finish(rig.clock.now(), true, "").ok());
        rig.run(engine, 20min);
        engine.save(rig.clock.now());
    }
    rig.clock.advance(1min);
    Engine engine = rig.make();
    CHECK(engine.status(rig.clock.now()).earned == 20min);
    CHECK(engine.progression().dose("chin-tucks") == limber::DoseStep{11, 5});
    CHECK(rig.warnings.empty());
    const auto records = rig.store.records(0, 100000);
    CHECK(std::count_if(records.begin(), records.end(), [](const auto& r) { return r.kind == "exercise_completed"; }) == 2);
    CHECK(records[1].routine == "quick-daily-reset");
    CHECK(rig.store.feedback(0, 100000).size() == 2);
}

TEST_CASE("a damaged saved state is reported and replaced by a fresh start")
{
    Rig rig;
    rig.store.set_value(Engine::state_key, "{not json");
    rig.store.set_value(limber::Progression::store_key, "[]");
    Engine engine = rig.make();
    REQUIRE(rig.warnings.size() == 2);
    CHECK_THAT(rig.warnings[0], Catch::Contains("the saved schedule could not be restored, starting fresh"));
    CHECK_THAT(rig.warnings[1], Catch::Contains("starting at the easy end"));
    CHECK(engine.status(rig.clock.now()).earned == 0s);
}

TEST_CASE("unknown routines and exercises are refused by name")
{
    Rig rig;
    Engine engine = rig.make();
    CHECK(engine.start(rig.clock.now(), "yoga").error == limber::CommandError{limber::CommandError::Kind::Unknown, "unknown routine \"yoga\""});
    CHECK(engine.step(rig.clock.now(), {"handstands", {}, {}, "", {}}).error == limber::CommandError{limber::CommandError::Kind::Unknown, "unknown exercise \"handstands\""});
    CHECK(engine.routine("single:cat-cow")->exercises == std::vector<std::string>{"cat-cow"});
    CHECK_FALSE(engine.routine("single:nope"));
    REQUIRE(engine.start(rig.clock.now(), "single:cat-cow").ok());
    CHECK(engine.status(rig.clock.now()).in_break_routine == "single:cat-cow");
}

TEST_CASE("repeated pain pauses an exercise, and it can be re-enabled")
{
    Rig rig;
    Engine engine = rig.make();
    for (int i = 0; i < 3; ++i) engine.step(rig.clock.now(), {"cat-cow", {}, {}, "", limber::Rating::Pain});
    CHECK(engine.progression().paused("cat-cow"));
    CHECK_THAT(rig.warnings.back(), Catch::Contains("\"cat-cow\" is paused"));
    REQUIRE(engine.reenable("cat-cow").ok());
    CHECK_FALSE(engine.progression().paused("cat-cow"));
}

TEST_CASE("a scaled clock runs faster from the moment it is made")
{
    limber::test::FakeClock base{std::chrono::local_days{std::chrono::year{2026} / 11 / 23}, 9h};
    const limber::ScaledClock fast(base, 60);
    const auto start = fast.now();
    base.advance(1min);
    CHECK(fast.now().mono - start.mono == 1h);
    CHECK(fast.now().wall - start.wall == 1h);
    CHECK(fast.real(1h) == 1min);
}
