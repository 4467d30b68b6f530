#include "client/time_text.hpp"

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
    std::tm tm{};
    if (!strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm)) return iso;
    const std::time_t t = timegm(&tm);
    std::tm local{};
    localtime_r(&t, &local);
    const std::time_t now = std::time(nullptr);
    std::tm today{};
    localtime_r(&now, &today);
    const bool same_day = local.tm_yday == today.tm_yday && local.tm_year == today.tm_year;
    char buf[32];
    std::strftime(buf, sizeof buf, same_day ? "%H:%M" : "%a %H:%M", &local);
    return buf;
}

}  // namespace limber
