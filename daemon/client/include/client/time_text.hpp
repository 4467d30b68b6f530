// How Limber's clients write times for people: "23 min", "14:30" in local time.
#pragma once

#include <string>

namespace limber {

// "1 min", "23 min", "1 h 5 min", rounding seconds up to the minute.
std::string minutes_text(long long seconds);
// An ISO 8601 UTC time ("2026-11-24T13:30:00Z") as local "14:30", or "Wed 14:30" when not today.
std::string local_clock(const std::string& iso_utc);

}  // namespace limber
