// The user's settings (limber.toml): the break schedule, idle rules, working hours, sounds.
#pragma once

#include "limber/clock.hpp"

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace limber {

class Catalog;

// A span of a day in minutes after local midnight, [start, end). A night shift ends the next
// day: its end is past 24:00 ("22:00-02:00" is 22:00 to 26:00), and it belongs to the day it
// starts on.
struct DaySpan {
    Minutes start{0};
    Minutes end{0};
    // It runs past midnight into the next day.
    [[nodiscard]] bool overnight() const { return end > std::chrono::hours{24}; }
    friend bool operator==(const DaySpan&, const DaySpan&) = default;
};

// "09:00-12:30, 13:30-18:00", "22:00-02:00" or "off", as limber.toml writes a day's hours.
std::string format_spans(const std::vector<DaySpan>& spans);

class WorkingHours {
public:
    bool enabled = true;
    // Indexed by weekday, 0 = Sunday (std::chrono::weekday::c_encoding()).
    std::array<std::vector<DaySpan>, 7> days;

    // Monday to Friday 09:00-18:00.
    static WorkingHours office_default();

    // Inside a span of t's day, or in the part after midnight of a night shift of the day before.
    [[nodiscard]] bool contains(std::chrono::local_time<std::chrono::nanoseconds> t) const;
    // A span starts on `day` (a night shift's morning after is not a working day of its own).
    [[nodiscard]] bool is_working_day(std::chrono::local_days day) const;
    // How far into the next day the night shift of `day` runs (02:00 for "22:00-02:00"); zero
    // when that weekday has none, or working hours are off.
    [[nodiscard]] Minutes after_midnight(std::chrono::weekday day) const;
    // The working day t counts for: the day before when t is in the hours after midnight of that
    // day's night shift, else t's own day. The summary files its days by it.
    [[nodiscard]] std::chrono::local_days day_of(std::chrono::local_time<std::chrono::nanoseconds> t) const;
    // When a daily time `at` comes for the working day `day`: at `at` on that day, unless the
    // day's hours run past midnight and `at` is earlier than that night shift's start, when it
    // comes the next morning, at the shift's end of day ("01:30" with "22:00-02:00").
    [[nodiscard]] std::chrono::local_time<Minutes> daily_time(std::chrono::local_days day, Minutes at) const;
    // The next start or end of a span strictly after t, looking at most eight days ahead.
    [[nodiscard]] std::optional<std::chrono::local_time<std::chrono::nanoseconds>>
    next_change(std::chrono::local_time<std::chrono::nanoseconds> t) const;
};

struct DailyRoutineRule {
    bool enabled = true;
    std::string routine = "end-of-day-relief";
    Minutes at{17 * 60 + 30};
    // How long after `at` the routine may still come due (the user was away at `at`).
    Minutes window{120};
};

// Smart pause: signals during which a break that comes due waits (held), to be offered once
// the last of them has ended and `grace` has passed. Each can be turned off.
struct SmartPause {
    bool fullscreen = true;   // the active window is full screen (a video, a presentation, a game)
    bool inhibitors = true;   // an application asks the desktop not to go idle (players, slides)
    bool camera = true;       // a camera is open (a call)
    bool microphone = true;   // an application records from a microphone (a call)
    bool do_not_disturb = true;         // the desktop's do-not-disturb is on
    std::vector<std::string> apps;  // window classes or process names during which breaks wait
    Seconds grace{2 * 60};    // the held break is offered this long after the last signal ends
    friend bool operator==(const SmartPause&, const SmartPause&) = default;
};

struct Settings {
    Seconds every{45 * 60};          // sitting time that earns a break
    Seconds warn_before{60};         // warning this long before the break is due (0 = none)
    std::string routine = "quick-daily-reset";
    Seconds snooze{5 * 60};
    int max_snoozes = 2;
    Seconds natural_break{5 * 60};   // away this long counts as a break taken
    bool idle_counts_as_sitting = true;  // short idle (reading, thinking) keeps the count going
    WorkingHours working_hours = WorkingHours::office_default();
    DailyRoutineRule daily;
    bool sounds = true;              // soft event sounds: a break due, hold, release, done
    bool voice = false;              // routines spoken step by step (speech-dispatcher)
    SmartPause smart_pause;
};

// Reads limber.toml; every key is optional and falls back to the default above. Throws
// ConfigError (file, line, column, key) for syntax errors, unknown keys, wrong types, values
// out of range and routines the catalog does not have.
Settings load_settings(const std::string& path, const Catalog& catalog);
Settings parse_settings(std::string_view text, const std::string& name, const Catalog& catalog);

}  // namespace limber

namespace limber {

// The settings as a limber.toml, with the same comments as the shipped file, for the
// settings dialog to save. parse_settings() reads it back to the same Settings.
std::string format_settings(const Settings& settings);

}  // namespace limber
