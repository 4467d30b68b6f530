// A clock that moves only when a test says so, with a calendar that can jump and a UTC offset
// that can change (DST) independently of the monotonic time.
#pragma once

#include "limber/clock.hpp"

#include <chrono>

namespace limber::test {

class FakeClock final : public Clock {
public:
    // Starts at the given local date and time with the given UTC offset.
    FakeClock(std::chrono::local_days day, std::chrono::minutes time_of_day, std::chrono::minutes utc_offset = std::chrono::minutes{60})
    {
        now_.mono = MonoTime{std::chrono::hours{1000}};
        now_.utc_offset = utc_offset;
        now_.wall = WallTime{(day.time_since_epoch() + time_of_day) - utc_offset};
    }

    [[nodiscard]] Instant now() const override { return now_; }

    // Real time passes: both clocks move.
    void advance(std::chrono::nanoseconds d)
    {
        now_.mono += d;
        now_.wall += d;
    }
    // The calendar is set (NTP step, the user, a DST bug): only the wall clock moves.
    void jump_calendar(std::chrono::nanoseconds d) { now_.wall += d; }
    // A DST change: the same instant, a different local time.
    void set_utc_offset(std::chrono::minutes offset) { now_.utc_offset = offset; }

    [[nodiscard]] std::chrono::local_time<std::chrono::nanoseconds> local() const { return now_.local(); }

private:
    Instant now_{};
};

}  // namespace limber::test
