// Plays a simulated day into a Scheduler the way limberd does: feed on every activity change
// and whenever next_wake() asks, never on a fixed tick. A whole day runs in milliseconds.
#pragma once

#include "limber/scheduler.hpp"
#include "support/fake_clock.hpp"
#include "support/fixtures.hpp"

#include "support/catch.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace limber::test {

// 2026-11-23 is a Monday.
inline constexpr std::chrono::local_days monday{std::chrono::year{2026} / 11 / 23};

struct Logged {
    Event event;
    std::chrono::minutes local_minute;  // local time of day of the event
};

class Day {
public:
    explicit Day(Settings settings = {}, std::chrono::local_days day = monday,
                 std::chrono::minutes start = std::chrono::hours{9})
        : clock(day, start), scheduler(std::move(settings))
    {
        record(scheduler.feed(clock.now(), activity_));
    }

    // The user switches to `kind` now.
    void set(ActivityKind kind, std::optional<MonoTime> since = {})
    {
        activity_ = kind;
        record(scheduler.feed(clock.now(), Activity{kind, since}));
    }

    // Time passes with the current activity; the scheduler is woken when it asks.
    void run(std::chrono::nanoseconds length)
    {
        const MonoTime end = clock.now().mono + length;
        int zero_wakes = 0;
        while (clock.now().mono < end) {
            const auto wake = scheduler.next_wake(clock.now());
            auto step = end - clock.now().mono;
            if (wake) step = std::min(step, *wake);
            if (step <= std::chrono::nanoseconds{0}) {
                REQUIRE(++zero_wakes < 3);  // asking to be woken "now" forever is a busy loop
            } else {
                zero_wakes = 0;
            }
            clock.advance(step);
            ++wakes;
            record(scheduler.feed(clock.now(), activity_));
        }
    }

    // Run until the local time of day reaches `hh:mm`.
    void run_until(std::chrono::minutes time_of_day)
    {
        const auto local = clock.local();
        const auto target = std::chrono::floor<std::chrono::days>(local) + time_of_day;
        REQUIRE(target >= local);
        run(target - local);
    }

    CommandResult command(CommandResult r)
    {
        record(r.events);
        return r;
    }

    [[nodiscard]] std::vector<Logged> of(Event::Kind kind) const
    {
        std::vector<Logged> out;
        std::copy_if(log.begin(), log.end(), std::back_inserter(out), [&](const Logged& l) { return l.event.kind == kind; });
        return out;
    }
    [[nodiscard]] std::size_t count(Event::Kind kind) const { return of(kind).size(); }
    [[nodiscard]] std::vector<std::chrono::minutes> minutes_of(Event::Kind kind) const
    {
        std::vector<std::chrono::minutes> out;
        for (const auto& l : of(kind)) out.push_back(l.local_minute);
        return out;
    }
    [[nodiscard]] Status status() const { return scheduler.status(clock.now()); }
    [[nodiscard]] Instant now() const { return clock.now(); }

    FakeClock clock;
    Scheduler scheduler;
    std::vector<Logged> log;
    int wakes = 0;

private:
    void record(const std::vector<Event>& events)
    {
        for (const auto& e : events) {
            const auto local = e.at.local();
            const auto minute = std::chrono::floor<std::chrono::minutes>(local - std::chrono::floor<std::chrono::days>(local));
            log.push_back({e, minute});
        }
    }

    ActivityKind activity_ = ActivityKind::Active;
};

inline std::chrono::minutes hm(int h, int m) { return std::chrono::hours{h} + std::chrono::minutes{m}; }

}  // namespace limber::test
