// The weekly compliance summary: did I take my breaks, and is my sitting getting better?
// Counted by the store (SqliteStore: in SQL, on its indexes) through WeekQueries; rendered as
// a terminal table, JSON, and CSV exports.
#pragma once

#include "limber/calendar.hpp"
#include "limber/settings.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace limber {

class Catalog;
class Store;

struct SummaryOptions {
    Seconds natural_break{5 * 60};       // away this long ends a sitting stretch
    bool idle_counts_as_sitting = true;  // short idle adds to a stretch
    std::optional<LocalDay> today;       // for the streak: today is not over yet (a shift's day, see below)
    // Decide the days: what happens in the hours after midnight of a night shift counts for the
    // day the shift started on. Only night shifts matter; without any, days are calendar days.
    WorkingHours working_hours{};
};

struct DayFigures {
    LocalDay day = 0;            // a working day: a night shift's hours after midnight included
    Seconds active{0};           // keyboard and mouse time
    Seconds longest_stretch{0};  // longest sitting without a break
    int due = 0;                 // breaks that came due that day, counted as the week's are
    int taken = 0;               // of them, the ones whose routine was completed
    friend bool operator==(const DayFigures&, const DayFigures&) = default;
};

using Counts = std::vector<std::pair<std::string, int>>;  // most first, then by name

// held_by's one group: a call is the microphone or the camera signal, and the summary counts
// them together, as the user lived them.
inline constexpr const char* calls_held_by = "call";

struct WeekFigures {
    IsoWeek week;
    int due = 0;          // breaks that came due (a snoozed break coming back is not a new one)
    int taken = 0;        // due breaks whose routine was completed
    int partial = 0;      // due breaks whose routine was stopped early
    int snoozed = 0;
    int skipped = 0;
    int missed = 0;       // due breaks neither taken, partly done, skipped nor settled by stepping away
    int natural = 0;      // times the user stepped away long enough
    int held_long = 0;    // breaks that waited over an hour for a smart-pause signal to end
    Counts held_by;       // of them, by signal (to_string(HoldKind)); a call's two as calls_held_by
    std::optional<double> compliance;  // taken / due; empty when nothing was due
    std::vector<DayFigures> days;      // Monday to Sunday
    Seconds active{0};
    Seconds longest_stretch{0};
    Counts routines;      // completed routines by id, due or not
    Counts exercises;     // completed exercises by id
    int pain_reports = 0;
    Counts pain_by_exercise;
    int streak_days = 0;  // days in a row, up to the week's end, with a routine done
    friend bool operator==(const WeekFigures&, const WeekFigures&) = default;
};

struct WeeklySummary {
    WeekFigures week;
    WeekFigures previous;
    friend bool operator==(const WeeklySummary&, const WeeklySummary&) = default;
};

// What the summary asks of the store: one week's figures.
class WeekQueries {
public:
    virtual ~WeekQueries() = default;
    // Throws StoreError naming the store and the week when it cannot answer.
    virtual WeekFigures week_figures(IsoWeek week, const SummaryOptions& options) = 0;
};

WeekFigures week_figures(WeekQueries& store, IsoWeek week, const SummaryOptions& options);
// The week and the week before it.
WeeklySummary weekly_summary(WeekQueries& store, IsoWeek week, const SummaryOptions& options);

// An aligned table for a terminal. Names come from the catalog when given, else ids are shown.
std::string format_text(const WeeklySummary& summary, const Catalog* catalog = nullptr);
// Stable field names, documented in docs/SUMMARY.md.
std::string format_json(const WeeklySummary& summary);
nlohmann::json summary_json(const WeeklySummary& summary);  // format_json's object
// summary_json() read back; `change`, `first_day` and `last_day` follow from the rest. Throws
// MessageError naming the field ("summary: \"previous.breaks.due\" is missing"); `what` leads it.
WeeklySummary summary_from_json(const nlohmann::json& j, const std::string& what = "summary");

// Raw events and feedback between two local days (inclusive), oldest first.
std::string export_csv(Store& store, LocalDay first, LocalDay last);
std::string export_json(Store& store, LocalDay first, LocalDay last);

}  // namespace limber
