// The real clock on Windows: the performance counter for durations, the system clock and the
// local zone for the calendar.
//
// The monotonic reading must keep counting through sleep and hibernation, as CLOCK_BOOTTIME
// does on Linux, or an hour with the lid closed would not be a break. QueryPerformanceCounter
// counts the time since boot including sleep (as GetTickCount64 and QueryInterruptTime do, at
// the resolution of the clock tick); QueryUnbiasedInterruptTime leaves sleep out, so it is not
// used. The counter also has the finest resolution of these and is what Wine provides.
#include "limber/clock.hpp"

#include <windows.h>

#include <ctime>

namespace limber {
namespace {

MonoTime performance_counter()
{
    static const std::int64_t frequency = [] {
        LARGE_INTEGER f{};
        QueryPerformanceFrequency(&f);
        return static_cast<std::int64_t>(f.QuadPart);
    }();
    LARGE_INTEGER count{};
    QueryPerformanceCounter(&count);
    const std::int64_t ticks = count.QuadPart;
    // Whole seconds and the rest apart, so that ticks * 10^9 never overflows.
    const std::int64_t seconds = ticks / frequency;
    const std::int64_t rest = ticks % frequency;
    return MonoTime{std::chrono::seconds{seconds} + std::chrono::nanoseconds{rest * 1'000'000'000 / frequency}};
}

}  // namespace

std::tm local_calendar(std::time_t t)
{
    std::tm local{};
    localtime_s(&local, &t);
    return local;
}

std::tm utc_calendar(std::time_t t)
{
    std::tm utc{};
    gmtime_s(&utc, &t);
    return utc;
}

Minutes local_utc_offset(WallTime t)
{
    // The local calendar read back as if it were UTC, minus the moment itself (Windows' tm has
    // no tm_gmtoff).
    const std::time_t seconds = std::chrono::system_clock::to_time_t(std::chrono::time_point_cast<std::chrono::seconds>(t));
    std::tm local = local_calendar(seconds);
    return std::chrono::duration_cast<Minutes>(std::chrono::seconds{_mkgmtime(&local) - seconds});
}

Instant SystemClock::now() const
{
    Instant i;
    i.mono = performance_counter();
    const auto wall = std::chrono::system_clock::now();
    i.wall = std::chrono::time_point_cast<std::chrono::nanoseconds>(wall);
    i.utc_offset = local_utc_offset(i.wall);
    return i;
}

}  // namespace limber
