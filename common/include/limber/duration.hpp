// Human durations ("45m", "1h30m", "90s"), times of day ("17:30") and UTC time stamps
// ("2026-12-07T18:45:00Z"), parsed and printed.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace limber {

// "45m", "1h30m", "90s", "2h", "0s". Returns nullopt for anything else.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

// The shortest form parse_duration reads back: 2700s -> "45m", 5400s -> "1h30m".
std::string format_duration(std::chrono::seconds d);

// "HH:MM" on a 24-hour clock, as minutes after midnight. "24:00" is accepted as the day's end.
std::optional<std::chrono::minutes> parse_time_of_day(std::string_view text);
std::string format_time_of_day(std::chrono::minutes m);

// "YYYY-MM-DDTHH:MM:SSZ", the form limberd writes its times in, as seconds since the epoch.
// Nullopt for anything else, a day that does not exist included.
std::optional<std::chrono::sys_seconds> parse_utc_stamp(std::string_view text);

}  // namespace limber
