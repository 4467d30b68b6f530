// set_setting changes one key of a settings file and leaves the user's own lines alone.
#include "limber/catalog.hpp"
#include "limber/settings.hpp"
#include "limber/settings_edit.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using limber::set_setting;

namespace {

const std::string hand_written = R"(# my own notes: keep breaks short
[breaks]
every = "45m"   # was 30m, too often
# the routine I like
routine = "quick-daily-reset"
custom_thing = 3

[idle]
natural_break = "5m"
)";

}  // namespace

TEST_CASE("an existing key is replaced in its own section, comments and other keys kept")
{
    const std::string out = set_setting(hand_written, "breaks", "every", "\"50m\"");
    CHECK(out == R"(# my own notes: keep breaks short
[breaks]
every = "50m"
# the routine I like
routine = "quick-daily-reset"
custom_thing = 3

[idle]
natural_break = "5m"
)");
}

TEST_CASE("a key of the same name in another section is not touched")
{
    const std::string text = "[breaks]\nroutine = \"a\"\n\n[daily_routine]\nroutine = \"b\"\n";
    CHECK(set_setting(text, "daily_routine", "routine", "\"c\"") == "[breaks]\nroutine = \"a\"\n\n[daily_routine]\nroutine = \"c\"\n");
    CHECK(set_setting(text, "breaks", "routine", "\"c\"") == "[breaks]\nroutine = \"c\"\n\n[daily_routine]\nroutine = \"b\"\n");
}

TEST_CASE("a missing key is added at the end of its section, before the blank line")
{
    const std::string out = set_setting(hand_written, "breaks", "snooze", "\"10m\"");
    CHECK(out == R"(# my own notes: keep breaks short
[breaks]
every = "45m"   # was 30m, too often
# the routine I like
routine = "quick-daily-reset"
custom_thing = 3
snooze = "10m"

[idle]
natural_break = "5m"
)");
    CHECK(set_setting(hand_written, "idle", "idle_counts_as_sitting", "false").ends_with("natural_break = \"5m\"\nidle_counts_as_sitting = false\n"));
}

TEST_CASE("a missing section is appended with its key")
{
    CHECK(set_setting(hand_written, "daily_routine", "enabled", "true") == hand_written + "\n[daily_routine]\nenabled = true\n");
    CHECK(set_setting("", "breaks", "every", "\"1h\"") == "[breaks]\nevery = \"1h\"\n");
    CHECK(set_setting("[idle]\nnatural_break = \"5m\"", "breaks", "every", "\"1h\"") ==
          "[idle]\nnatural_break = \"5m\"\n\n[breaks]\nevery = \"1h\"\n");
}

TEST_CASE("keys that only start like the key, and headers with spaces, are told apart")
{
    const std::string text = "[ working_hours ]\nenabled_days = 1\nenabled = false\n";
    CHECK(set_setting(text, "working_hours", "enabled", "true") == "[ working_hours ]\nenabled_days = 1\nenabled = true\n");
}

TEST_CASE("the edited file still reads as the settings it says")
{
    const auto& catalog = limber::test::shipped_catalog();
    std::string text = limber::format_settings(limber::Settings{});
    text = set_setting(text, "breaks", "every", "\"50m\"");
    text = set_setting(text, "working_hours", "monday", "\"08:00-12:00\"");
    text = set_setting(text, "daily_routine", "at", "\"15:30\"");
    const auto s = limber::parse_settings(text, "limber.toml", catalog);
    CHECK(s.every == std::chrono::minutes{50});
    CHECK(s.daily.at == std::chrono::minutes{15 * 60 + 30});
}
