#include "generate_history.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <random>

namespace limber::bench {
namespace {

using namespace std::chrono_literals;

struct Writer {
    SqliteStore& store;
    Minutes offset;
    std::size_t events = 0;

    Stamp at(WallTime t) const { return {t, offset}; }
    void event(WallTime t, const char* kind, const char* routine = "quick-daily-reset", bool was_due = false)
    {
        Record r;
        r.at = at(t);
        r.kind = kind;
        r.routine = routine;
        r.was_due = was_due;
        store.append(r);
        ++events;
    }
    void span(ActivityKind kind, WallTime from, WallTime to) { store.append(Span{kind, at(from), to}); }
};

const char* const quick[] = {"chin-tucks", "scapular-squeezes", "doorway-pec-stretch"};

}  // namespace

std::size_t generate_history(SqliteStore& store, const HistoryShape& shape)
{
    std::mt19937 rng(shape.seed);
    auto chance = [&](int percent) { return std::uniform_int_distribution<int>(0, 99)(rng) < percent; };
    auto minutes = [&](int lo, int hi) { return Minutes{std::uniform_int_distribution<int>(lo, hi)(rng)}; };

    Writer w{store, Minutes{60}};
    store.database().exec("BEGIN");
    for (LocalDay day = shape.first_day; day < shape.first_day + shape.days; ++day) {
        const int weekday = static_cast<int>(((day % 7) + 7 + 3) % 7);  // Monday = 0
        if (weekday >= 5) continue;
        w.offset = Minutes{(day % 365) > 88 && (day % 365) < 298 ? 120 : 60};  // summer time, roughly
        WallTime t{std::chrono::days{day} + 9h - w.offset + minutes(-20, 20)};
        const WallTime lunch = t + 3h;
        const WallTime end = t + 8h + minutes(0, 60);
        bool had_lunch = false;
        while (t < end) {
            const WallTime due = t + 45min;
            w.span(ActivityKind::Active, t, due - 3min);
            w.span(ActivityKind::Idle, due - 3min, due - 2min);
            w.span(ActivityKind::Active, due - 2min, due);
            w.event(due - 1min, "warning");
            w.event(due, "break_due");
            t = due;
            if (chance(20)) {
                w.event(t, "snoozed");
                w.span(ActivityKind::Active, t, t + 5min);
                t += 5min;
                w.event(t, "break_due", "quick-daily-reset", true);
            }
            if (chance(70)) {
                w.event(t, "break_started", "quick-daily-reset", true);
                for (const char* ex : quick) {
                    Record r;
                    r.at = w.at(t + 1min);
                    r.kind = "exercise_completed";
                    r.routine = "quick-daily-reset";
                    r.exercise = ex;
                    r.reps = 10;
                    r.hold_seconds = 5;
                    store.append(r);
                    ++w.events;
                    if (chance(10)) store.append(Feedback{w.at(t + 1min), ex, chance(90) ? Rating::Easy : Rating::Pain});
                }
                w.span(ActivityKind::Active, t, t + 5min);
                t += 5min;
                w.event(t, "break_completed", "quick-daily-reset", true);
            } else if (chance(50)) {
                w.event(t, "skipped", "quick-daily-reset", true);
            }
            if (!had_lunch && t >= lunch) {
                had_lunch = true;
                w.span(ActivityKind::Idle, t, t + 45min);
                w.event(t + 5min, "away_started", "");
                w.event(t + 45min, "natural_break", "");
                t += 45min;
            }
        }
    }
    store.database().exec("COMMIT");
    return w.events;
}

}  // namespace limber::bench
