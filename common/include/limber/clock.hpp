// Time as the core sees it: a monotonic reading for durations and a calendar reading for the day.
#pragma once

#include <chrono>
#include <ctime>
#include <optional>

namespace limber {

using Seconds = std::chrono::seconds;
using Millis = std::chrono::milliseconds;
using Minutes = std::chrono::minutes;

// Monotonic time that keeps counting through suspend (CLOCK_BOOTTIME on Linux), so a
// duration measured across a sleep is the real time the user was gone.
struct MonoClock {
    using rep = std::int64_t;
    using period = std::nano;
    using duration = std::chrono::nanoseconds;
    using time_point = std::chrono::time_point<MonoClock>;
    static constexpr bool is_steady = true;
};
using MonoTime = MonoClock::time_point;
using WallTime = std::chrono::sys_time<std::chrono::nanoseconds>;

// One reading of every clock at the same moment.
struct Instant {
    MonoTime mono{};
    WallTime wall{};          // UTC
    Minutes utc_offset{0};    // local time = wall + utc_offset

    [[nodiscard]] std::chrono::local_time<std::chrono::nanoseconds> local() const
    {
        return std::chrono::local_time<std::chrono::nanoseconds>{wall.time_since_epoch() + utc_offset};
    }
};

// Source of Instants. The daemon uses SystemClock; tests use a fake that they advance by hand.
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual Instant now() const = 0;
    // How many of this clock's seconds pass in a real second.
    [[nodiscard]] virtual double rate() const { return 1.0; }
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] Instant now() const override;
};

// The local zone's UTC offset at `t` (DST included), as the system's time zone rules say.
Minutes local_utc_offset(WallTime t);

// The calendar fields of `t` in the local zone and in UTC, as the system's rules say. These
// and the two above are what the core asks of the operating system's clocks: each OS has its
// own system_clock_<os>.cpp.
std::tm local_calendar(std::time_t t);
std::tm utc_calendar(std::time_t t);

// Another clock running `factor` times faster from the moment this one is made, for demos
// and tests that play a day into the real daemon in seconds; its calendar may start at a
// chosen moment, so such a test is the same whenever it runs.
class ScaledClock final : public Clock {
public:
    ScaledClock(const Clock& base, double factor, std::optional<WallTime> start = std::nullopt)
        : base_(base), factor_(factor), anchor_(base.now()), start_(start.value_or(anchor_.wall))
    {
    }
    [[nodiscard]] Instant now() const override
    {
        const Instant b = base_.now();
        Instant i = b;
        i.mono = anchor_.mono + scaled(b.mono - anchor_.mono);
        i.wall = start_ + scaled(b.wall - anchor_.wall);
        // The offset in force at this clock's own moment, so its calendar crosses DST changes.
        i.utc_offset = local_utc_offset(i.wall);
        return i;
    }
    // How long to really wait for `d` of this clock's time to pass.
    [[nodiscard]] std::chrono::nanoseconds real(std::chrono::nanoseconds d) const
    {
        return std::chrono::nanoseconds{static_cast<std::int64_t>(static_cast<double>(d.count()) / factor_)};
    }
    [[nodiscard]] double factor() const { return factor_; }
    [[nodiscard]] double rate() const override { return factor_; }

private:
    [[nodiscard]] std::chrono::nanoseconds scaled(std::chrono::nanoseconds d) const
    {
        return std::chrono::nanoseconds{static_cast<std::int64_t>(static_cast<double>(d.count()) * factor_)};
    }
    const Clock& base_;
    double factor_;
    Instant anchor_;
    WallTime start_;
};

}  // namespace limber
