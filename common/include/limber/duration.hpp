// Human durations ("45m", "1h30m", "90s") and times of day ("17:30"), parsed and printed.
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

}  // namespace limber
