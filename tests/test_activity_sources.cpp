#include "activity/activity_source.hpp"
#include "activity/combined_activity.hpp"
#include "activity/script_source.hpp"
#include "limber/activity_script.hpp"
#include "limber/error.hpp"

#include "support/catch.hpp"
#include "support/temp_dir.hpp"

#include <cstdlib>
#include <fstream>

using namespace std::chrono_literals;
using limber::Activity;
using limber::ActivityKind;

namespace {

const limber::SystemClock clock_;

std::unique_ptr<limber::ActivitySource> script(boost::asio::io_context& io, const char* text, double speed)
{
    return std::make_unique<limber::ScriptSource>(io, limber::parse_activity_script(text, "t"), speed, "t");
}

}  // namespace

TEST_CASE("merged activity: the strongest state wins and only changes are reported")
{
    limber::ActivityMerger m(2);  // 0: idle source, 1: lock/sleep source
    const limber::MonoTime t{100s};
    CHECK(m.current().kind == ActivityKind::Active);
    CHECK_FALSE(m.update(1, Activity{ActivityKind::Active, {}}));

    auto idle = m.update(0, Activity{ActivityKind::Idle, t});
    REQUIRE(idle);
    CHECK(idle->kind == ActivityKind::Idle);
    CHECK(idle->since == t);  // the reporting source's own start time is kept

    CHECK(m.update(1, Activity{ActivityKind::Locked, {}})->kind == ActivityKind::Locked);
    CHECK_FALSE(m.update(0, Activity{ActivityKind::Active, {}}));  // hidden under the lock
    CHECK_FALSE(m.update(0, Activity{ActivityKind::Idle, t}));
    CHECK(m.update(1, Activity{ActivityKind::Asleep, {}})->kind == ActivityKind::Asleep);

    // Waking reveals the idle beneath; it counts from now, not from before the sleep.
    auto woke = m.update(1, Activity{ActivityKind::Active, {}});
    REQUIRE(woke);
    CHECK(woke->kind == ActivityKind::Idle);
    CHECK_FALSE(woke->since);
    CHECK(m.update(0, Activity{ActivityKind::Active, {}})->kind == ActivityKind::Active);
}

TEST_CASE("combined sources report the merged state once at start, then each change")
{
    boost::asio::io_context io;
    std::vector<std::unique_ptr<limber::ActivitySource>> parts;
    // At 100x: idle at 0.2 s, locked 0.3-0.5 s, active again at 0.7 s.
    parts.push_back(script(io, "+20s idle\n+50s active\n", 100));
    parts.push_back(script(io, "+30s locked\n+20s active\n", 100));
    limber::CombinedActivity combined(std::move(parts));
    CHECK(combined.name() == "script:t+script:t");

    std::vector<ActivityKind> seen;
    combined.start([&](const Activity& a) { seen.push_back(a.kind); });
    io.run();
    const std::vector<ActivityKind> expected{ActivityKind::Active, ActivityKind::Idle, ActivityKind::Locked,
                                             ActivityKind::Idle, ActivityKind::Active};
    CHECK(seen == expected);
}

TEST_CASE("a script reports only the lines that change the state")
{
    boost::asio::io_context io;
    limber::ScriptSource source(io, limber::parse_activity_script("+0s idle\n+1s idle\n+1s active\n+0s active\n", "t"), 100, "t");
    std::vector<ActivityKind> seen;
    source.start([&](const Activity& a) { seen.push_back(a.kind); });
    io.run();
    CHECK(seen == std::vector<ActivityKind>{ActivityKind::Idle, ActivityKind::Active});
}

TEST_CASE("a source stopped from its own callback says nothing more")
{
    boost::asio::io_context io;
    limber::ScriptSource source(io, limber::parse_activity_script("+0s idle\n+1s active\n+1s idle\n", "t"), 100, "t");
    int calls = 0;
    source.start([&](const Activity&) {
        ++calls;
        source.stop();
    });
    io.run();
    CHECK(calls == 1);
}

TEST_CASE("a script on a clock plays from its origin and stamps each change with the script's moment")
{
    // limberd began counting 60 s of (fast) clock time before the source started, as a slow
    // start under valgrind does: the lines already due come at once, stamped when the script
    // says, and the rest keep the script's spacing from the origin, not from start().
    boost::asio::io_context io;
    const limber::ScaledClock fast(clock_, 600);
    const limber::MonoTime origin = fast.now().mono - 60s;
    limber::ScriptSource source(io, limber::parse_activity_script("+0s idle\n+30s active\n+60s locked\n", "t"), 600,
                                "t", &fast, origin);
    std::vector<Activity> seen;
    source.start([&](const Activity& a) { seen.push_back(a); });
    io.run();
    REQUIRE(seen.size() == 3);
    CHECK(seen[0].kind == ActivityKind::Idle);
    CHECK(seen[0].since == origin);
    CHECK(seen[1].kind == ActivityKind::Active);
    CHECK(seen[1].since == origin + 30s);
    CHECK(seen[2].kind == ActivityKind::Locked);
    // Its timer fires after its moment and is stamped with the moment, not with the firing
    // (the timer's clock and the clock's own can differ by a hair: 1 s here is 1.7 ms).
    REQUIRE(seen[2].since);
    CHECK(*seen[2].since <= origin + 90s);
    CHECK(*seen[2].since > origin + 89s);
}

TEST_CASE("the activity spec picks sources, and a missing display or bus is no error")
{
    boost::asio::io_context io;
    CHECK(limber::make_activity_sources(io, "none", 2s, clock_).empty());
    CHECK_THROWS_AS(limber::make_activity_sources(io, "x12", 2s, clock_), std::invalid_argument);

    ::setenv("DISPLAY", ":999", 1);
    CHECK(limber::make_activity_sources(io, "x11", 2s, clock_).empty());
    ::setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/limber-test-bus", 1);
    CHECK(limber::make_activity_sources(io, "logind", 2s, clock_).empty());
    CHECK(limber::make_activity_sources(io, "auto", 2s, clock_).empty());

    ::setenv("WAYLAND_DISPLAY", "/nonexistent/limber-test-wayland", 1);
    CHECK(limber::make_activity_sources(io, "wayland", 2s, clock_).empty());
    CHECK(limber::make_activity_sources(io, "auto", 2s, clock_).empty());  // then X11, then nothing
    ::unsetenv("WAYLAND_DISPLAY");
}

TEST_CASE("script specs take a file and an optional speed")
{
    boost::asio::io_context io;
    limber::test::TempDir dir;
    const auto file = (dir.path() / "a.script").string();
    std::ofstream(file) << "+0s idle\n";

    const auto sources = limber::make_activity_sources(io, "script:" + file + "@60", 2s, clock_);
    REQUIRE(sources.size() == 1);
    CHECK(sources[0]->name() == "script:" + file);
    CHECK_THROWS_WITH(limber::make_activity_sources(io, "script:" + file + "@0", 2s, clock_),
                      Catch::Contains("the speed after '@' must be a positive number"));
    // What follows '@' is a speed only when it is a number; otherwise it is part of the name.
    CHECK_THROWS_WITH(limber::make_activity_sources(io, "script:" + file + "@fast", 2s, clock_),
                      Catch::Contains("a.script@fast: cannot read the activity script"));
    std::ofstream(file) << "+0s dozing\n";
    CHECK_THROWS_WITH(limber::make_activity_sources(io, "script:" + file, 2s, clock_),
                      Catch::Contains("a.script:1:5: 'dozing' is not a state"));
}
