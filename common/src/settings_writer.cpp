#include "limber/duration.hpp"
#include "limber/settings.hpp"

#include <sstream>

namespace limber {
namespace {

// A TOML basic string; names are checked to hold no control characters.
std::string quoted(const std::string& s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::string format_spans(const std::vector<DaySpan>& spans)
{
    if (spans.empty()) return "off";
    std::string out;
    for (const auto& s : spans) {
        // A night shift's end is written as the time on the next day's clock.
        const Minutes end = s.overnight() ? s.end - std::chrono::hours{24} : s.end;
        out += (out.empty() ? "" : ", ") + format_time_of_day(s.start) + "-" + format_time_of_day(end);
    }
    return out;
}

std::string format_settings(const Settings& s)
{
    static const char* const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    std::ostringstream out;
    out << "# Limber settings, saved by the settings window. Every key is optional: leave one out\n"
           "# and the default applies. Durations are written like \"45m\", \"90s\" or \"1h30m\".\n\n"
           "[breaks]\n"
           "# Sitting time that earns a break. Short idle (reading, thinking) counts as sitting.\n"
        << "every = " << quoted(format_duration(s.every)) << "\n"
        << "# A gentle heads-up this long before the break is due. \"0s\" turns it off.\n"
        << "warn_before = " << quoted(format_duration(s.warn_before)) << "\n"
        << "# The routine a regular break offers (see routines.toml).\n"
        << "routine = " << quoted(s.routine) << "\n"
        << "# \"Not now\" puts the break off by this much sitting time, at most max_snoozes times in a row.\n"
        << "snooze = " << quoted(format_duration(s.snooze)) << "\n"
        << "max_snoozes = " << s.max_snoozes << "\n\n"
        << "[idle]\n"
        << "# Away from the keyboard and mouse this long counts as a break taken (a natural break).\n"
        << "natural_break = " << quoted(format_duration(s.natural_break)) << "\n"
        << "# true: idle shorter than natural_break still counts as sitting. false: the count stops.\n"
        << "idle_counts_as_sitting = " << (s.idle_counts_as_sitting ? "true" : "false") << "\n\n"
        << "[working_hours]\n"
        << "# No breaks come due outside these hours: \"off\" or spans like \"09:00-12:30, 13:30-18:00\".\n"
           "# A span that ends earlier than it starts ends the next day, a night shift: \"22:00-06:00\".\n"
        << "enabled = " << (s.working_hours.enabled ? "true" : "false") << "\n";
    for (int i = 0; i < 7; ++i)
        out << days[i] << " = " << quoted(format_spans(s.working_hours.days[static_cast<std::size_t>((i + 1) % 7)])) << "\n";
    out << "\n[daily_routine]\n"
        << "# A longer routine offered once a day, on working days, at a set time. On a day whose hours\n"
        << "# run past midnight, a time earlier than that night shift's start comes the next morning.\n"
        << "enabled = " << (s.daily.enabled ? "true" : "false") << "\n"
        << "routine = " << quoted(s.daily.routine) << "\n"
        << "at = " << quoted(format_time_of_day(s.daily.at)) << "\n"
        << "\n[sounds]\n"
        << "# Soft sounds from the desktop's sound theme: a break due, hold, release, routine done.\n"
        << "enabled = " << (s.sounds ? "true" : "false") << "\n"
        << "# Routines spoken step by step, in your language where the desktop has a voice for it.\n"
        << "voice = " << (s.voice ? "true" : "false") << "\n";
    const SmartPause& p = s.smart_pause;
    auto flag = [](bool b) { return b ? "true" : "false"; };
    out << "\n[smart_pause]\n"
        << "# A break that comes due during one of these waits, and is offered once they are over.\n"
        << "fullscreen = " << flag(p.fullscreen) << "\n"
        << "inhibitors = " << flag(p.inhibitors) << "\n"
        << "camera = " << flag(p.camera) << "\n"
        << "microphone = " << flag(p.microphone) << "\n"
        << "do_not_disturb = " << flag(p.dnd) << "\n"
        << "# Window classes or process names during which breaks wait, such as [\"zoom\", \"obs\"].\n"
        << "apps = [";
    for (std::size_t i = 0; i < p.apps.size(); ++i) out << (i ? ", " : "") << quoted(p.apps[i]);
    out << "]\n"
        << "# How long after the last of them ends the waiting break is offered.\n"
        << "grace = " << quoted(format_duration(p.grace)) << "\n";
    return out.str();
}

}  // namespace limber
