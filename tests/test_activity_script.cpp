#include "limber/activity_script.hpp"
#include "limber/error.hpp"

#include "support/catch.hpp"

#include <string>

using namespace std::chrono_literals;
using limber::ActivityKind;
using limber::parse_activity_script;
using limber::ScriptStep;

namespace {

// The message a bad script gives, or "" when it parses.
std::string error_of(const std::string& text)
{
    try {
        parse_activity_script(text, "day.script");
    } catch (const limber::ConfigError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("an activity script reads as timed state changes")
{
    const auto steps = parse_activity_script(
        "# a short morning\n"
        "+0s active\n"
        "\n"
        "  +45m idle   # reading\n"
        "+1h30m\tasleep\r\n"
        "+5m locked#no space before the comment\n"
        "   \t\n"
        "+2s active",
        "day.script");
    const std::vector<ScriptStep> expected{
        {0s, ActivityKind::Active, 2},
        {45min, ActivityKind::Idle, 4},
        {90min, ActivityKind::Asleep, 5},
        {5min, ActivityKind::Locked, 6},
        {2s, ActivityKind::Active, 8},
    };
    CHECK(steps == expected);
}

TEST_CASE("an empty or comment-only activity script has no steps")
{
    CHECK(parse_activity_script("", "x").empty());
    CHECK(parse_activity_script("# nothing yet\n\n", "x").empty());
}

TEST_CASE("a bad activity script line names file, line and column")
{
    CHECK(error_of("+0s active\n10m idle\n") == "day.script:2:1: expected '+' and a duration, like '+10m active'");
    CHECK(error_of("  idle\n") == "day.script:1:3: expected '+' and a duration, like '+10m active'");
    CHECK(error_of("+ idle\n") == "day.script:1:2: expected a duration after '+', like 30s, 10m or 1h30m");
    CHECK(error_of("# x\n+10x idle\n") == "day.script:2:2: '10x' is not a duration (like 30s, 10m or 1h30m)");
    CHECK(error_of("+1m1h idle\n") == "day.script:1:2: '1m1h' is not a duration (like 30s, 10m or 1h30m)");
    CHECK(error_of("+10m\n") == "day.script:1:5: expected a state after the duration: active, idle, locked or asleep");
    CHECK(error_of("+10m   # later\n") == "day.script:1:8: expected a state after the duration: active, idle, locked or asleep");
    CHECK(error_of("+10m sleeping\n") == "day.script:1:6: 'sleeping' is not a state (active, idle, locked or asleep)");
    CHECK(error_of("+10m Idle\n") == "day.script:1:6: 'Idle' is not a state (active, idle, locked or asleep)");
    CHECK(error_of("+10m idle now\n") == "day.script:1:11: unexpected text after the state");
}

TEST_CASE("an unreadable activity script is a configuration error")
{
    CHECK_THROWS_WITH(limber::load_activity_script("/nonexistent/day.script"),
                      "/nonexistent/day.script: cannot read the activity script");
}
