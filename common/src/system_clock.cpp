// The real clock: CLOCK_BOOTTIME for durations, the system clock and local zone for the calendar.
#include "limber/clock.hpp"

#include <ctime>

namespace limber {

Minutes local_utc_offset(WallTime t)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(std::chrono::time_point_cast<std::chrono::seconds>(t));
    std::tm local{};
    localtime_r(&seconds, &local);
    return std::chrono::duration_cast<Minutes>(std::chrono::seconds{local.tm_gmtoff});
}

Instant SystemClock::now() const
{
    timespec boot{};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    const auto wall = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(wall);
    std::tm local{};
    localtime_r(&t, &local);

    Instant i;
    i.mono = MonoTime{std::chrono::seconds{boot.tv_sec} + std::chrono::nanoseconds{boot.tv_nsec}};
    i.wall = std::chrono::time_point_cast<std::chrono::nanoseconds>(wall);
    i.utc_offset = std::chrono::duration_cast<Minutes>(std::chrono::seconds{local.tm_gmtoff});
    return i;
}

}  // namespace limber
