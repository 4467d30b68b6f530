#include "limber/duration.hpp"
#include "limber/settings.hpp"
#include "limber/settings_schema.hpp"

namespace limber {

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
    std::string out = "# Limber settings, saved by the settings window. Every key is optional: leave one out\n"
                      "# and the default applies. Durations are written like \"45m\", \"90s\" or \"1h30m\".\n";
    for (const SettingSection& section : settings_sections()) {
        out += "\n[" + std::string(section.name) + "]\n" + std::string(section.comment);
        for (const SettingKey& k : settings_schema())
            if (k.section == section.name) out += std::string(k.comment) + std::string(k.key) + " = " + format_setting(k, s) + "\n";
    }
    return out;
}

}  // namespace limber
