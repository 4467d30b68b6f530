// Rendering the weekly summary (text, JSON) and exporting raw events (CSV, JSON).
#include "limber/catalog.hpp"
#include "limber/duration.hpp"
#include "limber/store.hpp"
#include "limber/summary.hpp"

#include "json_fields.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <sstream>

namespace limber {
namespace {

using nlohmann::json;

std::string hours_minutes(Seconds s)
{
    if (s < Seconds{60}) return "0m";
    return format_duration(std::chrono::floor<Minutes>(s));
}

std::string day_label(LocalDay day)
{
    static const char* const names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    const std::string date = format_local_day(day);  // YYYY-MM-DD
    return std::string(names[((day % 7) + 7 + 3) % 7]) + " " + date.substr(8, 2) + "/" + date.substr(5, 2);
}

std::string signed_number(long long n) { return (n > 0 ? "+" : "") + std::to_string(n); }

std::string percent(const std::optional<double>& c)
{
    return c ? std::to_string(static_cast<int>(std::lround(*c * 100))) + "%" : "-";
}

std::string pad(const std::string& s, std::size_t width, bool right)
{
    if (s.size() >= width) return s;
    return right ? std::string(width - s.size(), ' ') + s : s + std::string(width - s.size(), ' ');
}

std::string name_of(const Catalog* c, const std::string& id, bool routine)
{
    if (c) {
        if (routine) {
            if (const Routine* r = c->find_routine(id)) return r->name;
        } else if (const Exercise* e = c->find_exercise(id)) {
            return e->name;
        }
    }
    return id;
}

std::string counts_line(const Counts& counts, const Catalog* c, bool routines)
{
    if (counts.empty()) return "none";
    std::string out;
    for (const auto& [id, n] : counts) out += (out.empty() ? "" : ", ") + name_of(c, id, routines) + " x" + std::to_string(n);
    return out;
}

json counts_json(const Counts& counts)
{
    json a = json::array();
    for (const auto& [id, n] : counts) a.push_back({{"id", id}, {"count", n}});
    return a;
}

json figures_json(const WeekFigures& f)
{
    json days = json::array();
    for (const auto& d : f.days)
        days.push_back({{"date", format_local_day(d.day)},
                        {"active_seconds", d.active.count()},
                        {"longest_stretch_seconds", d.longest_stretch.count()},
                        {"breaks_due", d.due},
                        {"breaks_taken", d.taken}});
    return {
        {"week", f.week.to_string()},
        {"first_day", format_local_day(f.week.monday())},
        {"last_day", format_local_day(f.week.sunday())},
        {"breaks",
         {{"due", f.due}, {"taken", f.taken}, {"partial", f.partial}, {"snoozed", f.snoozed},
          {"skipped", f.skipped}, {"missed", f.missed}, {"natural", f.natural}}},
        {"compliance", f.compliance ? json(*f.compliance) : json()},
        {"days", days},
        {"active_seconds", f.active.count()},
        {"longest_stretch_seconds", f.longest_stretch.count()},
        {"routines", counts_json(f.routines)},
        {"exercises", counts_json(f.exercises)},
        {"pain_reports", f.pain_reports},
        {"pain_by_exercise", counts_json(f.pain_by_exercise)},
        {"held_over_an_hour", f.held_long},
        {"held_by", counts_json(f.held_by)},
        {"streak_days", f.streak_days},
    };
}

Counts counts_from(const json_fields::Fields& f, const char* key)
{
    Counts out;
    for (std::size_t i = 0; i < f.array(key).size(); ++i) {
        const auto c = f.element(key, i);
        out.emplace_back(c.string("id"), static_cast<int>(c.integer("count")));
    }
    return out;
}

// figures_json() read back.
WeekFigures figures_from(const json_fields::Fields& f)
{
    WeekFigures w;
    const auto week = parse_iso_week(f.string("week"));
    if (!week) f.bad("week", "an ISO week like \"2024-W19\"");
    w.week = *week;
    const auto b = f.object("breaks");
    w.due = static_cast<int>(b.integer("due"));
    w.taken = static_cast<int>(b.integer("taken"));
    w.partial = static_cast<int>(b.integer("partial"));
    w.snoozed = static_cast<int>(b.integer("snoozed"));
    w.skipped = static_cast<int>(b.integer("skipped"));
    w.missed = static_cast<int>(b.integer("missed"));
    w.natural = static_cast<int>(b.integer("natural"));
    w.compliance = f.number_or_null("compliance");
    for (std::size_t i = 0; i < f.array("days").size(); ++i) {
        const auto d = f.element("days", i);
        const auto day = parse_local_day(d.string("date"));
        if (!day) d.bad("date", "a date like \"2024-05-06\"");
        w.days.push_back({*day, Seconds{d.integer("active_seconds")}, Seconds{d.integer("longest_stretch_seconds")},
                          static_cast<int>(d.integer("breaks_due")), static_cast<int>(d.integer("breaks_taken"))});
    }
    w.active = Seconds{f.integer("active_seconds")};
    w.longest_stretch = Seconds{f.integer("longest_stretch_seconds")};
    w.routines = counts_from(f, "routines");
    w.exercises = counts_from(f, "exercises");
    w.pain_reports = static_cast<int>(f.integer("pain_reports"));
    w.pain_by_exercise = counts_from(f, "pain_by_exercise");
    w.held_long = static_cast<int>(f.integer("held_over_an_hour"));
    w.held_by = counts_from(f, "held_by");
    w.streak_days = static_cast<int>(f.integer("streak_days"));
    return w;
}

std::string iso_utc(WallTime t)
{
    const auto ms = std::chrono::floor<std::chrono::milliseconds>(t);
    const auto day = std::chrono::floor<std::chrono::days>(ms);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss tod{ms - day};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<int>(tod.hours().count()),
                  static_cast<int>(tod.minutes().count()), static_cast<int>(tod.seconds().count()),
                  static_cast<int>(tod.subseconds().count()));
    return buf;
}

std::string iso_local(const Stamp& s)
{
    std::string t = iso_utc(s.utc + s.utc_offset);
    t.pop_back();  // the Z
    const auto m = s.utc_offset.count();
    char buf[8];
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", m < 0 ? '-' : '+', static_cast<int>(std::abs(m) / 60), static_cast<int>(std::abs(m) % 60));
    return t + buf;
}

std::string csv_field(const std::string& s)
{
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// Events and feedback merged in time order, as the rows both exports share.
struct Row {
    Stamp at;
    Record record;
};

std::vector<Row> rows(Store& store, LocalDay first, LocalDay last)
{
    std::vector<Row> out;
    for (auto& r : store.records(first, last)) out.push_back({r.at, r});
    for (auto& f : store.feedback(first, last)) {
        Record r;
        r.at = f.at;
        r.kind = "feedback";
        r.exercise = f.exercise;
        r.detail = to_string(f.rating);
        out.push_back({f.at, r});
    }
    std::stable_sort(out.begin(), out.end(), [](const Row& a, const Row& b) { return a.at.utc < b.at.utc; });
    return out;
}

}  // namespace

std::string format_text(const WeeklySummary& s, const Catalog* catalog)
{
    const WeekFigures& w = s.week;
    const WeekFigures& p = s.previous;
    std::ostringstream out;
    out << "Week " << w.week.to_string() << " (" << format_local_day(w.week.monday()) << " to "
        << format_local_day(w.week.sunday()) << ")\n\n";
    out << pad("Breaks", 18, false) << pad("this week", 11, true) << pad("last week", 11, true) << pad("change", 9, true) << "\n";
    auto row = [&](const char* label, int a, int b) {
        out << "  " << pad(label, 16, false) << pad(std::to_string(a), 11, true) << pad(std::to_string(b), 11, true)
            << pad(signed_number(a - b), 9, true) << "\n";
    };
    row("due", w.due, p.due);
    row("taken", w.taken, p.taken);
    row("partly done", w.partial, p.partial);
    row("snoozed", w.snoozed, p.snoozed);
    row("skipped", w.skipped, p.skipped);
    row("missed", w.missed, p.missed);
    row("natural breaks", w.natural, p.natural);
    std::string change = "-";
    if (w.compliance && p.compliance)
        change = signed_number(std::lround(*w.compliance * 100) - std::lround(*p.compliance * 100)) + " pts";
    out << "  " << pad("compliance", 16, false) << pad(percent(w.compliance), 11, true) << pad(percent(p.compliance), 11, true)
        << pad(change, 9, true) << "\n\n";

    out << pad("Day", 18, false) << pad("active", 11, true) << pad("longest sitting", 17, true) << "\n";
    for (const auto& d : w.days)
        out << "  " << pad(day_label(d.day), 16, false) << pad(hours_minutes(d.active), 11, true)
            << pad(hours_minutes(d.longest_stretch), 17, true) << "\n";
    out << "  " << pad("week", 16, false) << pad(hours_minutes(w.active), 11, true) << pad(hours_minutes(w.longest_stretch), 17, true)
        << "\n";
    out << "  " << pad("last week", 16, false) << pad(hours_minutes(p.active), 11, true)
        << pad(hours_minutes(p.longest_stretch), 17, true) << "\n\n";

    out << "Routines done: " << counts_line(w.routines, catalog, true) << "\n";
    out << "Exercises done: " << counts_line(w.exercises, catalog, false) << "\n";
    out << "Pain reported: " << w.pain_reports;
    if (w.pain_reports > 0) out << " (" << counts_line(w.pain_by_exercise, catalog, false) << ")";
    out << "\n";
    if (w.held_long > 0 || p.held_long > 0) {
        out << "Held over an hour for calls and full screen: " << w.held_long;
        if (w.held_long > 0) {
            out << " (";
            for (std::size_t i = 0; i < w.held_by.size(); ++i)
                out << (i ? ", " : "") << w.held_by[i].first << " " << w.held_by[i].second;
            out << ")";
        }
        out << "\n";
    }
    out << "Streak: " << w.streak_days << (w.streak_days == 1 ? " day" : " days") << " in a row with a routine done\n";
    return out.str();
}

std::string format_json(const WeeklySummary& s) { return summary_json(s).dump(2) + "\n"; }

json summary_json(const WeeklySummary& s)
{
    json j = figures_json(s.week);
    j["previous"] = figures_json(s.previous);
    const auto& w = s.week;
    const auto& p = s.previous;
    j["change"] = {
        {"due", w.due - p.due},
        {"taken", w.taken - p.taken},
        {"partial", w.partial - p.partial},
        {"snoozed", w.snoozed - p.snoozed},
        {"skipped", w.skipped - p.skipped},
        {"missed", w.missed - p.missed},
        {"natural", w.natural - p.natural},
        {"compliance", w.compliance && p.compliance ? json(*w.compliance - *p.compliance) : json()},
        {"active_seconds", (w.active - p.active).count()},
        {"longest_stretch_seconds", (w.longest_stretch - p.longest_stretch).count()},
        {"pain_reports", w.pain_reports - p.pain_reports},
        {"held_over_an_hour", w.held_long - p.held_long},
        {"streak_days", w.streak_days - p.streak_days},
    };
    j["version"] = 1;
    return j;
}

WeeklySummary summary_from_json(const json& j, const std::string& what)
{
    const json_fields::Fields f(j, what);
    return {figures_from(f), figures_from(f.object("previous"))};
}

std::string export_csv(Store& store, LocalDay first, LocalDay last)
{
    std::string out = "time_utc,local_time,kind,routine,exercise,side,reps,hold_seconds,length_seconds,was_due,detail\n";
    for (const auto& [at, r] : rows(store, first, last)) {
        out += iso_utc(at.utc) + "," + iso_local(at) + "," + csv_field(r.kind) + "," + csv_field(r.routine) + "," +
               csv_field(r.exercise) + "," + csv_field(r.side) + "," + (r.reps ? std::to_string(*r.reps) : "") + "," +
               (r.hold_seconds ? std::to_string(*r.hold_seconds) : "") + "," + std::to_string(r.length.count()) + "," +
               (r.was_due ? "1" : "0") + "," + csv_field(r.detail) + "\n";
    }
    return out;
}

std::string export_json(Store& store, LocalDay first, LocalDay last)
{
    json a = json::array();
    for (const auto& [at, r] : rows(store, first, last)) {
        json e = {{"time_utc", iso_utc(at.utc)}, {"local_time", iso_local(at)}, {"kind", r.kind},
                  {"length_seconds", r.length.count()}, {"was_due", r.was_due}};
        if (!r.routine.empty()) e["routine"] = r.routine;
        if (!r.exercise.empty()) e["exercise"] = r.exercise;
        if (!r.side.empty()) e["side"] = r.side;
        if (r.reps) e["reps"] = *r.reps;
        if (r.hold_seconds) e["hold_seconds"] = *r.hold_seconds;
        if (!r.detail.empty()) e["detail"] = r.detail;
        a.push_back(e);
    }
    return json{{"version", 1}, {"from", format_local_day(first)}, {"to", format_local_day(last)}, {"events", a}}.dump(2) + "\n";
}

}  // namespace limber
