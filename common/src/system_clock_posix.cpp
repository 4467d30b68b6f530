// The real clock on Linux: CLOCK_BOOTTIME for durations (it counts through suspend), the system
// clock and the local zone for the calendar.
#include "limber/clock.hpp"

#include <ctime>

namespace limber {

std::tm local_calendar(std::time_t t)
{
    std::tm local{};
    localtime_r(&t, &local);
    return local;
}

std::tm utc_calendar(std::time_t t)
{
    std::tm utc{};
    gmtime_r(&t, &utc);
    return utc;
}

Minutes local_utc_offset(WallTime t)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(std::chrono::time_point_cast<std::chrono::seconds>(t));
    return std::chrono::duration_cast<Minutes>(std::chrono::seconds{local_calendar(seconds).tm_gmtoff});
}

Instant SystemClock::now() const
{
    timespec boot{};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    const auto wall = std::chrono::system_clock::now();
    const std::tm local = local_calendar(std::chrono::system_clock::to_time_t(wall));

    Instant i;
    i.mono = MonoTime{std::chrono::seconds{boot.tv_sec} + std::chrono::nanoseconds{boot.tv_nsec}};
    i.wall = std::chrono::time_point_cast<std::chrono::nanoseconds>(wall);
    i.utc_offset = std::chrono::duration_cast<Minutes>(std::chrono::seconds{local.tm_gmtoff});
    return i;
}

}  // namespace limber
