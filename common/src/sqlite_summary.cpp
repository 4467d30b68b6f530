// The weekly summary's figures, counted in SQL on the store's indexes.
#include "limber/store.hpp"

#include "limber/hold.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace limber {
namespace {

using std::chrono::nanoseconds;

// The day each row counts for. The store files a row under its local calendar day (local_day);
// what lies in the hours after midnight of a night shift counts for the day before, the shift's
// day. The working hours decide that here, when the summary is read, so rows written before
// night shifts were known, or under other hours, are counted by the hours in force now.
class ShiftDays {
public:
    explicit ShiftDays(const WorkingHours& hours)
    {
        for (unsigned d = 0; d < 7; ++d) {
            after_midnight_[d] = hours.after_midnight(std::chrono::weekday{d}).count();
            any_ = any_ || after_midnight_[d] > 0;
        }
    }

    // Some day has a night shift: days must be mapped, and a week's rows reach into the next day.
    [[nodiscard]] bool any() const { return any_; }

    // SQL: how many minutes of the row's calendar day (the local_day column of `table`, "e." or
    // "") belong to the night shift of the day before.
    [[nodiscard]] std::string cut(const std::string& table) const
    {
        if (!any_) return "0";
        // 1970-01-01 (day 0) was a Thursday, 4 in std::chrono::weekday's encoding: the day before
        // day D is weekday (D + 3) % 7.
        std::string out = "(CASE (" + table + "local_day + 3) % 7";
        for (unsigned d = 0; d < 7; ++d)
            if (after_midnight_[d] > 0) out += " WHEN " + std::to_string(d) + " THEN " + std::to_string(after_midnight_[d]);
        return out + " ELSE 0 END)";
    }

    // SQL: the day a row at `ms` (a column holding UTC milliseconds) counts for. Without night
    // shifts that is local_day itself, so the index alone answers.
    [[nodiscard]] std::string day(const std::string& table, const std::string& ms) const
    {
        if (!any_) return table + "local_day";
        const std::string minute = "(" + table + ms + " / 60000 + " + table + "utc_offset_min - " + table + "local_day * 1440)";
        return "(" + table + "local_day - (" + minute + " < " + cut(table) + "))";
    }

    // SQL: the rows of `table` at `ms` that count for days ?1 to ?2. The range on local_day keeps
    // the query on the index; it takes in the next day, whose small hours may be the last day's.
    [[nodiscard]] std::string within(const std::string& table, const std::string& ms) const
    {
        if (!any_) return table + "local_day BETWEEN ?1 AND ?2";
        return table + "local_day BETWEEN ?1 AND ?2 + 1 AND " + day(table, ms) + " BETWEEN ?1 AND ?2";
    }

    // When the night shift of the day before `day` ends on `day`, on a row's own UTC offset: its
    // local midnight when there is none.
    [[nodiscard]] WallTime shift_end(LocalDay day, Minutes utc_offset) const
    {
        const auto before = static_cast<std::size_t>(((day + 3) % 7 + 7) % 7);
        return WallTime{std::chrono::days{day} + Minutes{after_midnight_[before]} - utc_offset};
    }

private:
    std::array<std::int64_t, 7> after_midnight_{};  // minutes, by weekday (0 = Sunday)
    bool any_ = false;
};

Counts grouped(SQLite::Database& db, const std::string& sql, LocalDay first, LocalDay last)
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
std::string break_events(const ShiftDays& days)
{
    return R"(
    WITH attributed AS (
      SELECT e.kind, e.was_due,
             CASE WHEN e.was_due = 1 AND e.kind IN ('break_completed', 'break_stopped', 'skipped', 'away_started')
                  THEN coalesce((SELECT )" + days.day("d.", "at_ms") + R"( FROM events d
                                 WHERE d.kind IN ('break_due', 'held') AND (d.was_due = 0 OR d.kind = 'held')
                                   AND d.local_day BETWEEN e.local_day - 1 AND e.local_day AND d.id < e.id
                                 ORDER BY d.id DESC LIMIT 1), )" + days.day("e.", "at_ms") + R"()
                  ELSE )" + days.day("e.", "at_ms") + R"( END AS day
      FROM events e
      WHERE e.local_day BETWEEN ?1 AND ?2 + 1
        AND e.kind IN ('break_due', 'held', 'break_completed', 'break_stopped', 'snoozed', 'skipped',
                       'natural_break', 'away_started'))
    )";
}

void count_breaks(SQLite::Database& db, const ShiftDays& days, WeekFigures& f, LocalDay first, LocalDay last)
{
    SQLite::Statement q(db, break_events(days) + R"(
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
void count_held(SQLite::Database& db, const ShiftDays& days, WeekFigures& f, LocalDay first, LocalDay last)
{
    SQLite::Statement q(db, R"(
        SELECT (SELECT h.detail FROM events h WHERE h.kind = 'held' AND h.id < e.id ORDER BY h.id DESC LIMIT 1)
        FROM events e
        WHERE )" + days.within("e.", "at_ms") + R"( AND e.kind = 'break_due' AND e.detail = 'held' AND e.length_s >= 3600)");
    q.bind(1, first);
    q.bind(2, last);
    std::map<std::string, int> by;
    while (q.executeStep()) {
        const HoldReason why = HoldReason::parse(q.getColumn(0).isNull() ? "" : q.getColumn(0).getString());
        ++by[why.is_call() ? calls_held_by : to_string(why.kind)];
        ++f.held_long;
    }
    f.held_by.assign(by.begin(), by.end());
    std::stable_sort(f.held_by.begin(), f.held_by.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
}

// Routines run as [start, end) intervals, between calendar days `first` and `last`: sitting stops
// while the user does them.
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

// The days with active time. A row after midnight, cut there by the store, may lie in the night
// shift of the day before, after it, or across its end: then both days were at the computer.
std::set<LocalDay> days_present(SQLite::Database& db, const ShiftDays& days, LocalDay end)
{
    std::set<LocalDay> out;
    if (!days.any()) {
        SQLite::Statement q(db, "SELECT DISTINCT local_day FROM activity WHERE kind = 'active' AND local_day <= ?");
        q.bind(1, end);
        while (q.executeStep()) out.insert(q.getColumn(0).getInt64());
        return out;
    }
    const std::string cut_ms = "local_day * 86400000 + " + days.cut("") + " * 60000";
    SQLite::Statement q(db, "SELECT local_day, max(start_ms + utc_offset_min * 60000 < " + cut_ms +
                                "), max(end_ms + utc_offset_min * 60000 > " + cut_ms +
                                ") FROM activity WHERE kind = 'active' AND local_day <= ? + 1 GROUP BY local_day");
    q.bind(1, end);
    while (q.executeStep()) {
        const LocalDay day = q.getColumn(0).getInt64();
        if (q.getColumn(1).getInt() != 0) out.insert(day - 1);
        if (q.getColumn(2).getInt() != 0) out.insert(day);
    }
    return out;
}

int streak(SQLite::Database& db, const ShiftDays& days, LocalDay end, const SummaryOptions& o)
{
    std::set<LocalDay> done;
    {
        // The next day's small hours may be the end day's; days after it are never looked at.
        SQLite::Statement q(db, "SELECT DISTINCT " + days.day("", "at_ms") + " FROM events WHERE kind = 'break_completed' AND local_day <= ?");
        q.bind(1, end + (days.any() ? 1 : 0));
        while (q.executeStep()) done.insert(q.getColumn(0).getInt64());
    }
    const auto present = days_present(db, days, end);
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

WeekFigures SqliteStore::week_figures(IsoWeek week, const SummaryOptions& options)
{
    WeekFigures f;
    f.week = week;
    const LocalDay first = week.monday();
    const LocalDay last = week.sunday();
    const ShiftDays days(options.working_hours);
    // The calendar days holding the week's working days: a night shift on Sunday ends on Monday.
    const LocalDay last_calendar = last + (days.any() ? 1 : 0);
    try {
        SQLite::Database& db = database();
        count_breaks(db, days, f, first, last);
        count_held(db, days, f, first, last);

        std::map<LocalDay, std::pair<int, int>> breaks;  // due, taken
        {
            SQLite::Statement q(db, break_events(days) + R"(
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
        const auto routines = routine_intervals(db, first, last_calendar);
        // Each row holds one calendar day (the store cuts at midnight); its part before the end of
        // the night shift of the day before is that day's.
        std::map<LocalDay, std::vector<Span>> spans;
        for (const Span& s : SqliteStore::spans(first, last_calendar)) {
            const LocalDay calendar = s.start.local_day();
            const WallTime shift_end = days.shift_end(calendar, s.start.utc_offset);
            if (s.start.utc < shift_end) spans[calendar - 1].push_back({s.kind, s.start, std::min(s.end, shift_end)});
            if (s.end > shift_end) spans[calendar].push_back({s.kind, {std::max(s.start.utc, shift_end), s.start.utc_offset}, s.end});
        }
        for (LocalDay d = first; d <= last; ++d) {
            const std::vector<Span>& of_day = spans[d];
            nanoseconds active{0};
            for (const Span& s : of_day)
                if (s.kind == ActivityKind::Active) active += s.end - s.start.utc;
            DayFigures day{d, std::chrono::floor<Seconds>(active), Seconds{0}, breaks[d].first, breaks[d].second};
            day.longest_stretch = longest_stretch(of_day, routines, options);
            f.active += day.active;
            f.longest_stretch = std::max(f.longest_stretch, day.longest_stretch);
            f.days.push_back(day);
        }
        f.routines = grouped(db, "SELECT routine, count(*) FROM events WHERE " + days.within("", "at_ms") +
                                     " AND kind = 'break_completed' GROUP BY routine", first, last);
        f.exercises = grouped(db, "SELECT exercise, count(*) FROM events WHERE " + days.within("", "at_ms") +
                                      " AND kind = 'exercise_completed' GROUP BY exercise", first, last);
        f.pain_by_exercise = grouped(db, "SELECT exercise, count(*) FROM feedback WHERE " + days.within("", "at_ms") +
                                             " AND rating = 'pain' GROUP BY exercise", first, last);
        for (const auto& [_, n] : f.pain_by_exercise) f.pain_reports += n;
        const LocalDay streak_end = options.today && *options.today >= first && *options.today < last ? *options.today : last;
        f.streak_days = streak(db, days, streak_end, options);
    } catch (const SQLite::Exception& e) {
        throw StoreError(path_ + ": computing the summary for " + week.to_string() + ": " + e.what(), e.getErrorCode());
    }
    return f;
}

}  // namespace limber
