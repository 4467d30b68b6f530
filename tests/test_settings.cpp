// The shipped defaults load, and every kind of mistake in limber.toml gets one precise message.
#include "limber/catalog.hpp"
#include "limber/error.hpp"
#include "limber/settings.hpp"
#include "support/temp_dir.hpp"

#include <filesystem>
#include <fstream>

#include "support/catch.hpp"
#include "support/fixtures.hpp"


using namespace std::chrono_literals;
using limber::ConfigError;
using limber::Settings;

namespace {

const limber::Catalog& catalog()
{
    return limber::test::shipped_catalog();
}

Settings parse(const std::string& text) { return limber::parse_settings(text, "limber.toml", catalog()); }

std::string error_of(const std::string& text)
{
    try {
        parse(text);
    } catch (const ConfigError& e) {
        return e.what();
    }
    FAIL("no error for: " << text);
    return {};
}

std::chrono::local_time<std::chrono::nanoseconds> at(std::chrono::local_days day, std::chrono::minutes t)
{
    return std::chrono::local_time<std::chrono::nanoseconds>{day.time_since_epoch() + t};
}

constexpr std::chrono::local_days monday{std::chrono::year{2026} / 11 / 23};

}  // namespace

TEST_CASE("the shipped limber.toml gives the documented defaults")
{
    const Settings s = limber::load_settings(LIMBER_CONFIG_DIR "/limber.toml", catalog());
    const Settings d;
    CHECK(s.every == 45min);
    CHECK(s.warn_before == 1min);
    CHECK(s.snooze == 5min);
    CHECK(s.max_snoozes == 2);
    CHECK(s.natural_break == 5min);
    CHECK(s.idle_counts_as_sitting);
    CHECK(s.routine == "quick-daily-reset");
    CHECK(s.daily.routine == "end-of-day-relief");
    CHECK(s.daily.at == 17h + 30min);
    CHECK(s.working_hours.days == d.working_hours.days);
    CHECK(s.working_hours.enabled);
    CHECK(s.sounds);
    CHECK_FALSE(s.voice);
    CHECK(s.smart_pause == limber::SmartPause{});
    CHECK(s.smart_pause.grace == 2min);
    CHECK(s.smart_pause.microphone);
}

TEST_CASE("an empty file means every default")
{
    const Settings s = parse("");
    CHECK(s.every == 45min);
    CHECK(s.working_hours.days[1] == std::vector<limber::DaySpan>{{9h, 18h}});
    CHECK(s.working_hours.days[0].empty());
}

TEST_CASE("settings read every key")
{
    const Settings s = parse(R"(
[breaks]
every = "25m"
warn_before = "30s"
routine = "posture-support"
snooze = "10m"
max_snoozes = 0
[idle]
natural_break = "2m"
idle_counts_as_sitting = false
[working_hours]
enabled = false
monday = "08:00-12:00, 13:00-16:30"
saturday = "10:00-12:00"
[daily_routine]
enabled = false
routine = "quick-daily-reset"
at = "16:00"
[sounds]
enabled = false
voice = true
)");
    CHECK(s.every == 25min);
    CHECK(s.warn_before == 30s);
    CHECK(s.routine == "posture-support");
    CHECK(s.snooze == 10min);
    CHECK(s.max_snoozes == 0);
    CHECK(s.natural_break == 2min);
    CHECK_FALSE(s.idle_counts_as_sitting);
    CHECK_FALSE(s.working_hours.enabled);
    CHECK(s.working_hours.days[1] == std::vector<limber::DaySpan>{{8h, 12h}, {13h, 16h + 30min}});
    CHECK(s.working_hours.days[6] == std::vector<limber::DaySpan>{{10h, 12h}});
    CHECK_FALSE(s.daily.enabled);
    CHECK(s.daily.routine == "quick-daily-reset");
    CHECK(s.daily.at == 16h);
    CHECK_FALSE(s.sounds);
    CHECK(s.voice);
}

TEST_CASE("every kind of mistake names the line, column and key")
{
    CHECK(error_of("[breaks]\nevery = \"45m\"\nevery = \"30m\"\n") ==
          "limber.toml:3:9: syntax error: Error while parsing key-value pair: cannot redefine existing string 'every'");
    CHECK(error_of("[breaks\n") == "limber.toml:1:8: syntax error: Error while parsing table header: expected ']', saw '\\n'");
    CHECK(error_of("[breaks]\nevry = \"45m\"\n") == "limber.toml:2:1: breaks.evry: unknown key");
    CHECK(error_of("[brakes]\n") == "limber.toml:1:2: brakes: unknown key");
    CHECK(error_of("[breaks]\nevery = 45\n") ==
          "limber.toml:2:9: breaks.every: expected a duration in quotes such as \"45m\", \"90s\" or \"1h30m\", found an integer");
    CHECK(error_of("[breaks]\nevery = \"45 minutes\"\n") ==
          "limber.toml:2:9: breaks.every: \"45 minutes\" is not a duration; write it like \"45m\", \"90s\" or \"1h30m\"");
    CHECK(error_of("[breaks]\nevery = \"9h\"\n") == "limber.toml:2:9: breaks.every: \"9h\" is out of range (1s to 8h)");
    CHECK(error_of("[breaks]\nevery = \"10m\"\nwarn_before = \"10m\"\n") ==
          "limber.toml:3:15: breaks.warn_before: must be shorter than breaks.every (10m)");
    CHECK(error_of("[breaks]\nmax_snoozes = 11\n") == "limber.toml:2:15: breaks.max_snoozes: 11 is out of range (0 to 10)");
    CHECK(error_of("[breaks]\nmax_snoozes = true\n") ==
          "limber.toml:2:15: breaks.max_snoozes: expected an integer, found a boolean");
    CHECK(error_of("[breaks]\nroutine = \"yoga\"\n") ==
          "limber.toml:2:11: breaks.routine: unknown routine \"yoga\" (known: quick-daily-reset, end-of-day-relief, posture-support)");
    CHECK(error_of("[idle]\nidle_counts_as_sitting = \"yes\"\n") ==
          "limber.toml:2:26: idle.idle_counts_as_sitting: expected true or false, found a string");
    CHECK(error_of("[working_hours]\nmonday = \"9 to 5\"\n") ==
          "limber.toml:2:10: working_hours.monday: \"9 to 5\" is not a list of hours; write it like \"09:00-18:00\", "
          "\"09:00-12:00, 13:00-17:30\" or \"off\"");
    CHECK(parse("[working_hours]\nmonday = \"18:00-09:00\"\n").working_hours.days[1] == std::vector<limber::DaySpan>{{18h, 33h}});
    CHECK(error_of("[working_hours]\nmonday = \"09:00-09:00\"\n") ==
          "limber.toml:2:10: working_hours.monday: \"09:00-09:00\" ends when it starts; a span that ends the next day ends "
          "earlier than it starts, like \"22:00-06:00\"");
    CHECK(error_of("[working_hours]\nmonday = \"09:00-13:00, 12:00-17:00\"\n") ==
          "limber.toml:2:10: working_hours.monday: \"12:00-17:00\" overlaps or comes before the span before it");
    CHECK(error_of("[daily_routine]\nat = \"5pm\"\n") ==
          "limber.toml:2:6: daily_routine.at: \"5pm\" is not a time of day; write it like \"17:30\"");
    CHECK(error_of("[daily_routine]\nat = \"24:00\"\n") == "limber.toml:2:6: daily_routine.at: must be before 24:00");
    CHECK(error_of("breaks = 5\n") == "limber.toml:1:10: breaks: expected a table, found an integer");
    CHECK(error_of("[sounds]\nenabled = 1\n") == "limber.toml:2:11: sounds.enabled: expected true or false, found an integer");
    CHECK(error_of("[sounds]\nvolume = 3\n") == "limber.toml:2:1: sounds.volume: unknown key");
    CHECK(error_of("[smart_pause]\ncamera = \"yes\"\n") ==
          "limber.toml:2:10: smart_pause.camera: expected true or false, found a string");
    CHECK(error_of("[smart_pause]\napps = \"zoom\"\n") ==
          "limber.toml:2:8: smart_pause.apps: expected an array of strings, found a string");
    CHECK(error_of("[smart_pause]\ngrace = \"2h\"\n") == "limber.toml:2:9: smart_pause.grace: \"2h\" is out of range (0s to 1h)");
    CHECK(error_of("[smart_pause]\nteams = true\n") == "limber.toml:2:1: smart_pause.teams: unknown key");
}

TEST_CASE("a settings file that is missing, a directory or unreadable is reported")
{
    limber::test::TempDir dir;
    CHECK_THROWS_WITH(limber::load_settings((dir.path() / "limber.toml").string(), catalog()),
                      Catch::EndsWith("limber.toml: file not found"));
    std::filesystem::create_directory(dir.path() / "sub.toml");
    CHECK_THROWS_WITH(limber::load_settings((dir.path() / "sub.toml").string(), catalog()),
                      Catch::EndsWith("sub.toml: is a directory, expected a TOML file"));
    const auto path = dir.write("locked.toml", "[breaks]\n");
    std::filesystem::permissions(path, std::filesystem::perms::none);
    // Only where that made it unreadable: root reads anything, and on Windows it only sets the
    // read-only attribute.
    if (!std::ifstream(path)) CHECK_THROWS_WITH(limber::load_settings(path, catalog()), Catch::Contains("locked.toml: cannot read"));
}

TEST_CASE("working hours know their spans and the next change")
{
    limber::WorkingHours w = limber::WorkingHours::office_default();
    CHECK_FALSE(w.contains(at(monday, 8h + 59min)));
    CHECK(w.contains(at(monday, 9h)));
    CHECK(w.contains(at(monday, 17h + 59min)));
    CHECK_FALSE(w.contains(at(monday, 18h)));
    CHECK_FALSE(w.contains(at(monday + std::chrono::days{5}, 12h)));  // Saturday
    CHECK(w.next_change(at(monday, 7h)) == at(monday, 9h));
    CHECK(w.next_change(at(monday, 9h)) == at(monday, 18h));
    CHECK(w.next_change(at(monday + std::chrono::days{4}, 19h)) == at(monday + std::chrono::days{7}, 9h));
    w.enabled = false;
    CHECK(w.contains(at(monday + std::chrono::days{6}, 3h)));
    CHECK_FALSE(w.next_change(at(monday, 7h)));
}

TEST_CASE("a span that ends earlier than it starts is a night shift, until that time the next day")
{
    const Settings s = parse("[working_hours]\nmonday = \"22:00-02:00\"\ntuesday = \"09:00-12:00, 22:00-06:00\"\n"
                             "sunday = \"23:30-00:30\"\nsaturday = \"22:00-00:00\"\n");
    using Spans = std::vector<limber::DaySpan>;
    CHECK(s.working_hours.days[1] == Spans{{22h, 26h}});
    CHECK(s.working_hours.days[2] == Spans{{9h, 12h}, {22h, 30h}});
    CHECK(s.working_hours.days[0] == Spans{{23h + 30min, 24h + 30min}});  // into Monday, the next week
    CHECK(s.working_hours.days[6] == Spans{{22h, 24h}});                   // until midnight: Saturday's own
    CHECK(limber::format_spans(s.working_hours.days[2]) == "09:00-12:00, 22:00-06:00");
    CHECK(limber::format_spans(s.working_hours.days[6]) == "22:00-24:00");
    // Saved and read back, a night shift stays one.
    CHECK(parse(limber::format_settings(s)).working_hours.days == s.working_hours.days);

    // A night shift is over before the next day's hours start, Sunday's before Monday's too.
    CHECK(error_of("[working_hours]\nmonday = \"22:00-10:00\"\n") ==
          "limber.toml:2:10: working_hours.monday: \"22:00-10:00\" runs into tuesday's \"09:00-18:00\"");
    CHECK(error_of("[working_hours]\nsunday = \"20:00-09:30\"\n") ==
          "limber.toml:2:10: working_hours.sunday: \"20:00-09:30\" runs into monday's \"09:00-18:00\"");
    CHECK(parse("[working_hours]\nsunday = \"20:00-09:00\"\n").working_hours.days[0] == Spans{{20h, 33h}});
    // Nothing comes after a night shift on its own day, and no span starts at 24:00.
    CHECK(error_of("[working_hours]\nfriday = \"22:00-02:00, 23:00-23:30\"\n") ==
          "limber.toml:2:10: working_hours.friday: \"23:00-23:30\" overlaps or comes before the span before it");
    CHECK(error_of("[working_hours]\nfriday = \"24:00-02:00\"\n") ==
          "limber.toml:2:10: working_hours.friday: \"24:00-02:00\" starts at 24:00; start it at 00:00 on the next day");
}

TEST_CASE("a night shift's hours after midnight belong to the day it started")
{
    using std::chrono::days;
    limber::WorkingHours w;
    w.days[1] = {{22h, 26h}};  // Monday 22:00 to Tuesday 02:00
    w.days[0] = {{23h, 30h}};  // Sunday 23:00 to Monday 06:00, across the week's end
    CHECK_FALSE(w.contains(at(monday, 21h + 59min)));
    CHECK(w.contains(at(monday, 22h)));
    CHECK(w.contains(at(monday + days{1}, 0h)));
    CHECK(w.contains(at(monday + days{1}, 1h + 59min)));
    CHECK_FALSE(w.contains(at(monday + days{1}, 2h)));
    CHECK_FALSE(w.contains(at(monday + days{6}, 22h + 59min)));
    CHECK(w.contains(at(monday + days{6}, 23h)));
    CHECK(w.contains(at(monday + days{7}, 5h + 59min)));
    CHECK_FALSE(w.contains(at(monday + days{7}, 6h)));
    CHECK(w.contains(at(monday, 5h)));  // the week before's Sunday night
    // Tuesday morning is the end of Monday's shift, not a working day of its own.
    CHECK(w.is_working_day(monday));
    CHECK_FALSE(w.is_working_day(monday + days{1}));

    CHECK(w.next_change(at(monday, 3h)) == at(monday, 6h));
    CHECK(w.next_change(at(monday, 6h)) == at(monday, 22h));
    CHECK(w.next_change(at(monday, 23h)) == at(monday + days{1}, 2h));
    CHECK(w.next_change(at(monday + days{1}, 2h)) == at(monday + days{6}, 23h));
    CHECK(w.next_change(at(monday + days{6}, 23h)) == at(monday + days{7}, 6h));

    // The daily time after a night shift is the next morning; before its start, the same day.
    CHECK(w.daily_time(monday, 1h + 30min) == at(monday + days{1}, 1h + 30min));
    CHECK(w.daily_time(monday, 23h) == at(monday, 23h));
    CHECK(w.daily_time(monday + days{6}, 5h + 30min) == at(monday + days{7}, 5h + 30min));
    CHECK(w.daily_time(monday + days{1}, 1h + 30min) == at(monday + days{1}, 1h + 30min));
    CHECK(limber::WorkingHours::office_default().daily_time(monday, 17h + 30min) == at(monday, 17h + 30min));
    w.enabled = false;
    CHECK(w.daily_time(monday, 1h + 30min) == at(monday, 1h + 30min));
}

TEST_CASE("a moment's working day is its night shift's day in the hours after midnight")
{
    using std::chrono::days;
    limber::WorkingHours w;
    w.days[1] = {{22h, 26h}};  // Monday 22:00 to Tuesday 02:00
    w.days[0] = {{23h, 30h}};  // Sunday 23:00 to Monday 06:00, across the week's end
    w.days[3] = {{9h, 12h}};   // Wednesday, a day shift
    CHECK(w.after_midnight(std::chrono::Monday) == 2h);
    CHECK(w.after_midnight(std::chrono::Sunday) == 6h);
    CHECK(w.after_midnight(std::chrono::Wednesday) == 0min);
    CHECK(w.day_of(at(monday, 23h)) == monday);
    CHECK(w.day_of(at(monday + days{1}, 0h)) == monday);
    CHECK(w.day_of(at(monday + days{1}, 1h + 59min)) == monday);
    CHECK(w.day_of(at(monday + days{1}, 2h)) == monday + days{1});  // the shift is over
    CHECK(w.day_of(at(monday, 5h + 59min)) == monday - days{1});    // the week before's Sunday night
    CHECK(w.day_of(at(monday, 6h)) == monday);
    CHECK(w.day_of(at(monday + days{2}, 1h)) == monday + days{2});  // no night shift on Tuesday
    CHECK(w.day_of(at(monday + days{3}, 1h)) == monday + days{3});  // nor after Wednesday's day shift
    w.enabled = false;
    CHECK(w.after_midnight(std::chrono::Monday) == 0min);
    CHECK(w.day_of(at(monday + days{1}, 1h)) == monday + days{1});
}

TEST_CASE("saved settings read back the same, shipped defaults and edited ones")
{
    Settings s = parse("");
    CHECK(parse(limber::format_settings(s)).every == s.every);
    s.every = 25min;
    s.warn_before = 0s;
    s.routine = "posture-support";
    s.snooze = 10min;
    s.max_snoozes = 0;
    s.natural_break = 3min;
    s.idle_counts_as_sitting = false;
    s.working_hours.enabled = false;
    s.working_hours.days[1] = {{8h, 12h}, {13h, 16h + 30min}};
    s.working_hours.days[0] = {{10h, 11h}};
    s.daily.enabled = false;
    s.daily.routine = "quick-daily-reset";
    s.daily.at = 16h + 15min;
    s.sounds = false;
    s.voice = true;
    s.smart_pause.camera = false;
    s.smart_pause.do_not_disturb = false;
    s.smart_pause.apps = {"zoom", "obs \"studio\"", "C:\\odd"};
    s.smart_pause.grace = 5min;
    const std::string text = limber::format_settings(s);
    const Settings back = parse(text);
    CHECK(back.every == s.every);
    CHECK(back.warn_before == s.warn_before);
    CHECK(back.routine == s.routine);
    CHECK(back.snooze == s.snooze);
    CHECK(back.max_snoozes == s.max_snoozes);
    CHECK(back.natural_break == s.natural_break);
    CHECK(back.idle_counts_as_sitting == s.idle_counts_as_sitting);
    CHECK(back.working_hours.enabled == s.working_hours.enabled);
    CHECK(back.working_hours.days == s.working_hours.days);
    CHECK(back.daily.enabled == s.daily.enabled);
    CHECK(back.sounds == s.sounds);
    CHECK(back.voice == s.voice);
    CHECK(back.smart_pause == s.smart_pause);
    CHECK(back.daily.routine == s.daily.routine);
    CHECK(back.daily.at == s.daily.at);
    CHECK_THAT(text, Catch::Contains("monday = \"08:00-12:00, 13:00-16:30\""));
    CHECK_THAT(text, Catch::Contains("saturday = \"off\""));
}
