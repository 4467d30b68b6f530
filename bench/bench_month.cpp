// The scheduler through a simulated 30-day month, the way limberd drives it: fed on every
// activity change and whenever next_wake() asks, never on a tick. Weekdays 09:00-17:30 at the
// desk with a lunch away, every due break started a minute later and done in five, weekends
// away. Prints the median of 7 months and one JSON line for bench/compare.py.
// Target (docs/PERFORMANCE.md): a month <= 50 ms.
#include "limber/scheduler.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace {

using namespace std::chrono;
using limber::ActivityKind;
using limber::Event;

struct Month {
    std::size_t events = 0;
    std::size_t wakes = 0;
};

Month simulate()
{
    limber::Settings settings;
    settings.working_hours.enabled = true;
    limber::Scheduler scheduler(settings);
    limber::Instant now;
    now.mono = limber::MonoTime{hours{1000}};
    now.utc_offset = minutes{60};
    const local_days first{year{2026} / 11 / 2};  // a Monday
    now.wall = limber::WallTime{first.time_since_epoch() - now.utc_offset};
    Month m;
    ActivityKind activity = ActivityKind::Asleep;
    constexpr nanoseconds never = nanoseconds::max();
    nanoseconds routine_ends = never;  // in a routine: when it is done
    nanoseconds start_at = never;      // a break came due: when the user starts it
    auto handle = [&](const std::vector<Event>& events, nanoseconds t) {
        m.events += events.size();
        for (const Event& e : events)
            if (e.kind == Event::Kind::BreakDue) start_at = t + minutes{1};
    };
    auto local_minute = [&] {
        const auto local = now.local();
        return duration_cast<minutes>(local - floor<days>(local));
    };
    handle(scheduler.feed(now, activity), nanoseconds{0});
    const nanoseconds month = days{30};
    nanoseconds t{0};
    while (t < month) {
        // What the user does at this moment of the day.
        const auto day = floor<days>(now.local());
        const bool weekday = year_month_weekday{local_days{day.time_since_epoch()}}.weekday().iso_encoding() <= 5;
        const minutes minute = local_minute();
        ActivityKind want = ActivityKind::Asleep;
        if (weekday && minute >= hours{9} && minute < hours{17} + minutes{30})
            want = minute >= hours{12} + minutes{30} && minute < hours{13} + minutes{15} ? ActivityKind::Locked : ActivityKind::Active;
        if (routine_ends != never) want = ActivityKind::Idle;
        if (want != activity) {
            activity = want;
            handle(scheduler.feed(now, activity), t);
        }
        if (t >= start_at) {
            start_at = never;
            handle(scheduler.start(now, "").events, t);
            routine_ends = t + minutes{5};
        }
        if (t >= routine_ends) {
            routine_ends = never;
            handle(scheduler.finish(now, true).events, t);
        }
        // Sleep until the scheduler, the user or the next minute of the day has something.
        nanoseconds step = minutes{1} - (now.local().time_since_epoch() % minutes{1});
        if (const auto wake = scheduler.next_wake(now)) step = std::min(step, std::max(nanoseconds{1}, duration_cast<nanoseconds>(*wake)));
        if (start_at != never) step = std::min(step, std::max(nanoseconds{1}, start_at - t));
        if (routine_ends != never) step = std::min(step, std::max(nanoseconds{1}, routine_ends - t));
        t += step;
        now.mono += step;
        now.wall += step;
        ++m.wakes;
        handle(scheduler.feed(now, activity), t);
    }
    return m;
}

}  // namespace

int main()
{
    std::vector<double> ms;
    Month m;
    for (int i = 0; i < 7; ++i) {
        const auto t0 = steady_clock::now();
        m = simulate();
        ms.push_back(duration<double, std::milli>(steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("a simulated month: median %.2f ms, best %.2f ms (%zu events, %zu wakes)\n", ms[3], ms[0], m.events, m.wakes);
    std::printf("{\"month_ms\":%.3f,\"month_events\":%zu}\n", ms[3], m.events);
    return m.events > 0 ? 0 : 1;
}
