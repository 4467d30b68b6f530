#include "client/time_text.hpp"

#include "limber/clock.hpp"
#include "limber/duration.hpp"

#include <chrono>
#include <ctime>

namespace limber {

std::string minutes_text(long long seconds)
{
    const long long m = (seconds + 59) / 60;
    if (m <= 1) return "1 min";
    if (m < 60) return std::to_string(m) + " min";
    return std::to_string(m / 60) + " h" + (m % 60 ? " " + std::to_string(m % 60) + " min" : "");
}

std::string local_clock(const std::string& iso)
{
    const auto at = parse_utc_stamp(iso);
    if (!at) return iso;  // shown as it came
    const std::tm local = local_calendar(std::chrono::system_clock::to_time_t(*at));
    const std::tm today = local_calendar(std::time(nullptr));
    const bool same_day = local.tm_yday == today.tm_yday && local.tm_year == today.tm_year;
    char buf[32];
    std::strftime(buf, sizeof buf, same_day ? "%H:%M" : "%a %H:%M", &local);
    return buf;
}

}  // namespace limber
