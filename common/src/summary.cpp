#include "limber/summary.hpp"

#include "limber/hold.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <map>
#include <set>

namespace limber {
namespace {

using std::chrono::nanoseconds;

Counts grouped(SQLite::Database& db, const char* sql, LocalDay first, LocalDay last)
{
    SQLite::Statement q(db, sql);
    q.bind(1, first);
    q.bind(2, last);
    Counts out;
    while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getInt());
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    return out;
}

// The break events between days ?1 and ?2 (bound once each), each on the day it counts for: what
// settled a due break (done, stopped, skipped, stepped away from) counts on the day that break
// came due, so a break due at 23:57 and done at 00:02 is due and taken on the same day, and in
// the same week. A routine never runs for days, so the break is looked for on that day and the
// one before.
constexpr const char* break_events = R"(
    WITH attributed AS (
      SELECT e.kind, e.was_due,
             CASE WHEN e.was_due = 1 AND e.kind IN ('break_completed', 'break_stopped', 'skipped', 'away_started')
                  THEN coalesce((SELECT d.local_day FROM events d
                                 WHERE d.kind IN ('break_due', 'held') AND (d.was_due = 0 OR d.kind = 'held')
                                   AND d.local_day BETWEEN e.local_day - 1 AND e.local_day AND d.id < e.id
                                 ORDER BY d.id DESC LIMIT 1), e.local_day)
                  ELSE e.local_day END AS day
      FROM events e
      WHERE e.local_day BETWEEN ?1 AND ?2 + 1
        AND e.kind IN ('break_due', 'held', 'break_completed', 'break_stopped', 'snoozed', 'skipped',
                       'natural_break', 'away_started'))
    )";

void count_breaks(SQLite::Database& db, WeekFigures& f, LocalDay first, LocalDay last)
{
    SQLite::Statement q(db, std::string(break_events) + R"(
        SELECT kind, was_due, count(*) FROM attributed
        WHERE day BETWEEN ?1 AND ?2
        GROUP BY kind, was_due)");
    q.bind(1, first);
    q.bind(2, last);
    int skipped_due = 0;
    int settled_by_stepping_away = 0;
    while (q.executeStep()) {
        const std::string kind = q.getColumn(0).getString();
        const bool was_due = q.getColumn(1).getInt() != 0;
        const int n = q.getColumn(2).getInt();
        if ((kind == "break_due" && !was_due) || kind == "held") f.due += n;
        else if (kind == "break_completed" && was_due) f.taken += n;
        else if (kind == "break_stopped" && was_due) f.partial += n;
        else if (kind == "snoozed") f.snoozed += n;
        else if (kind == "skipped") {
            f.skipped += n;
            if (was_due) skipped_due += n;
        } else if (kind == "natural_break") f.natural += n;
        else if (kind == "away_started" && was_due) settled_by_stepping_away += n;
    }
    f.missed = std::max(0, f.due - f.taken - f.partial - skipped_due - settled_by_stepping_away);
    if (f.due > 0) f.compliance = static_cast<double>(f.taken) / f.due;
}

// Breaks offered after waiting over an hour for a smart-pause signal, by the signal that held
// each when it came due (the 'held' event before it).
void count_held(SQLite::Database& db, WeekFigures& f, LocalDay first, LocalDay last)
{
    SQLite::Statement q(db, R"(
        SELECT (SELECT h.detail FROM events h WHERE h.kind = 'held' AND h.id < e.id ORDER BY h.id DESC LIMIT 1)
        FROM events e
        WHERE e.local_day BETWEEN ? AND ? AND e.kind = 'break_due' AND e.detail = 'held' AND e.length_s >= 3600)");
    q.bind(1, first);
    q.bind(2, last);
    std::map<std::string, int> by;
    while (q.executeStep()) {
        const HoldReason why = HoldReason::parse(q.getColumn(0).isNull() ? "" : q.getColumn(0).getString());
        ++by[why.is_call() ? "call" : to_string(why.kind)];
        ++f.held_long;
    }
    f.held_by.assign(by.begin(), by.end());
    std::stable_sort(f.held_by.begin(), f.held_by.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
}

// Routines run as [start, end) intervals: sitting stops while the user does them.
std::vector<std::pair<WallTime, WallTime>> routine_intervals(SQLite::Database& db, LocalDay first, LocalDay last)
{
    SQLite::Statement q(db, R"(
        SELECT kind, at_ms FROM events
        WHERE local_day BETWEEN ? AND ? AND kind IN ('break_started', 'break_completed', 'break_stopped', 'skipped')
        ORDER BY at_ms, id)");
    q.bind(1, first);
    q.bind(2, last);
    std::vector<std::pair<WallTime, WallTime>> out;
    std::optional<WallTime> open;
    while (q.executeStep()) {
        const WallTime at{std::chrono::milliseconds{q.getColumn(1).getInt64()}};
        if (q.getColumn(0).getString() == "break_started") open = at;
        else if (open) {
            out.emplace_back(*open, at);
            open.reset();
        }
    }
    if (open) out.emplace_back(*open, *open);
    return out;
}

// The longest stretch of sitting: active time and short idle, ended by a stretch away of
// natural_break or more, by a routine, or by a gap that long with nothing recorded (the
// computer was off); paused, not ended, by a short lock or sleep.
Seconds longest_stretch(const std::vector<Span>& spans, const std::vector<std::pair<WallTime, WallTime>>& routines,
                        const SummaryOptions& o)
{
    nanoseconds best{0};
    nanoseconds current{0};
    auto close = [&] {
        best = std::max(best, current);
        current = nanoseconds{0};
    };
    std::optional<WallTime> previous_end;
    for (const Span& s : spans) {
        if (previous_end && s.start.utc - *previous_end >= nanoseconds{o.natural_break}) close();
        previous_end = s.end;
        const nanoseconds length = s.end - s.start.utc;
        if (s.kind != ActivityKind::Active && length >= nanoseconds{o.natural_break}) {
            close();
            continue;
        }
        const bool counts = s.kind == ActivityKind::Active || (s.kind == ActivityKind::Idle && o.idle_counts_as_sitting);
        if (!counts) continue;
        WallTime cursor = s.start.utc;
        for (const auto& [start, end] : routines) {
            if (end < s.start.utc || start >= s.end) continue;
            if (start > cursor) current += start - cursor;
            close();
            cursor = std::max(cursor, end);
        }
        if (s.end > cursor) current += s.end - cursor;
    }
    close();
    return std::chrono::floor<Seconds>(best);
}

int streak(SQLite::Database& db, LocalDay end, const SummaryOptions& o)
{
    auto days_of = [&](const char* sql) {
        SQLite::Statement q(db, sql);
        q.bind(1, end);
        std::set<LocalDay> out;
        while (q.executeStep()) out.insert(q.getColumn(0).getInt64());
        return out;
    };
    const auto done = days_of("SELECT DISTINCT local_day FROM events WHERE kind = 'break_completed' AND local_day <= ?");
    const auto present = days_of("SELECT DISTINCT local_day FROM activity WHERE kind = 'active' AND local_day <= ?");
    if (done.empty()) return 0;
    int n = 0;
    // Days the user was not at the computer (weekends, holidays) neither count nor break it.
    for (LocalDay d = end; d >= *done.begin(); --d) {
        if (done.contains(d)) ++n;
        else if (present.contains(d) && d != o.today) break;
    }
    return n;
}

}  // namespace

WeekFigures week_figures(SqliteStore& store, IsoWeek week, const SummaryOptions& options)
{
    WeekFigures f;
    f.week = week;
    const LocalDay first = week.monday();
    const LocalDay last = week.sunday();
    try {
        SQLite::Database& db = store.database();
        count_breaks(db, f, first, last);
        count_held(db, f, first, last);

        std::map<LocalDay, Seconds> active;
        {
            SQLite::Statement q(db, "SELECT local_day, sum(end_ms - start_ms) FROM activity "
                                    "WHERE local_day BETWEEN ? AND ? AND kind = 'active' GROUP BY local_day");
            q.bind(1, first);
            q.bind(2, last);
            while (q.executeStep())
                active[q.getColumn(0).getInt64()] = std::chrono::floor<Seconds>(std::chrono::milliseconds{q.getColumn(1).getInt64()});
        }
        std::map<LocalDay, std::pair<int, int>> breaks;  // due, taken
        {
            SQLite::Statement q(db, std::string(break_events) + R"(
                SELECT day,
                       sum((kind = 'break_due' AND was_due = 0) OR kind = 'held'),
                       sum(kind = 'break_completed' AND was_due = 1)
                FROM attributed
                WHERE day BETWEEN ?1 AND ?2 AND kind IN ('break_due', 'held', 'break_completed')
                GROUP BY day)");
            q.bind(1, first);
            q.bind(2, last);
            while (q.executeStep())
                breaks[q.getColumn(0).getInt64()] = {q.getColumn(1).getInt(), q.getColumn(2).getInt()};
        }
        const auto routines = routine_intervals(db, first, last);
        const auto spans = store.spans(first, last);
        for (LocalDay d = first; d <= last; ++d) {
            DayFigures day{d, active[d], Seconds{0}, breaks[d].first, breaks[d].second};
            std::vector<Span> of_day;
            std::copy_if(spans.begin(), spans.end(), std::back_inserter(of_day),
                         [&](const Span& s) { return s.start.local_day() == d; });
            day.longest_stretch = longest_stretch(of_day, routines, options);
            f.active += day.active;
            f.longest_stretch = std::max(f.longest_stretch, day.longest_stretch);
            f.days.push_back(day);
        }
        f.routines = grouped(db, "SELECT routine, count(*) FROM events WHERE local_day BETWEEN ? AND ? "
                                 "AND kind = 'break_completed' GROUP BY routine", first, last);
        f.exercises = grouped(db, "SELECT exercise, count(*) FROM events WHERE local_day BETWEEN ? AND ? "
                                  "AND kind = 'exercise_completed' GROUP BY exercise", first, last);
        f.pain_by_exercise = grouped(db, "SELECT exercise, count(*) FROM feedback WHERE local_day BETWEEN ? AND ? "
                                         "AND rating = 'pain' GROUP BY exercise", first, last);
        for (const auto& [_, n] : f.pain_by_exercise) f.pain_reports += n;
        const LocalDay streak_end = options.today && *options.today >= first && *options.today < last ? *options.today : last;
        f.streak_days = streak(db, streak_end, options);
    } catch (const SQLite::Exception& e) {
        throw StoreError(store.path() + ": computing the summary for " + week.to_string() + ": " + e.what(), e.getErrorCode());
    }
    return f;
}

WeeklySummary weekly_summary(SqliteStore& store, IsoWeek week, const SummaryOptions& options)
{
    return {week_figures(store, week, options), week_figures(store, week.previous(), options)};
}

}  // namespace limber
