// The weekly summary against a hand-built fortnight whose every figure was computed by hand.
// Week 2026-W13 (Mon 23 to Sun 29 March) holds Europe's spring DST change (Sunday 02:00 CET
// becomes 03:00 CEST), a span across midnight and one across the week's end.
#include "limber/catalog.hpp"
#include "limber/summary.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"
#include "support/stamps.hpp"

#include <nlohmann/json.hpp>

using limber::ActivityKind;
using limber::IsoWeek;
using limber::SqliteStore;
using limber::test::record;
using limber::test::span;
using limber::test::stamp;

namespace {

constexpr int cet = 60;
constexpr int cest = 120;

void add(SqliteStore& s, limber::Stamp at, const char* kind, const char* routine = "", bool was_due = false, int length = 0)
{
    auto r = record(at, kind, routine, was_due);
    r.length = limber::Seconds{length};
    s.append(r);
}

void exercise(SqliteStore& s, limber::Stamp at, const char* id)
{
    auto r = record(at, "exercise_completed", "quick-daily-reset");
    r.exercise = id;
    r.reps = 10;
    r.hold_seconds = 5;
    s.append(r);
}

void active(SqliteStore& s, limber::Stamp from, limber::Stamp to) { s.append(span(ActivityKind::Active, from, to)); }

void fill(SqliteStore& s)
{
    // Previous week, Wednesday 18 March: one break, taken.
    active(s, stamp(2026, 3, 18, 9, 0), stamp(2026, 3, 18, 10, 0));
    add(s, stamp(2026, 3, 18, 9, 45), "break_due", "quick-daily-reset");
    add(s, stamp(2026, 3, 18, 9, 45), "break_started", "quick-daily-reset", true);
    add(s, stamp(2026, 3, 18, 9, 50), "break_completed", "quick-daily-reset", true);

    // Monday 23: snoozed then taken; settled by stepping away; skipped.
    active(s, stamp(2026, 3, 23, 9, 0), stamp(2026, 3, 23, 10, 0));
    s.append(span(ActivityKind::Idle, stamp(2026, 3, 23, 10, 0), stamp(2026, 3, 23, 10, 3)));
    active(s, stamp(2026, 3, 23, 10, 3), stamp(2026, 3, 23, 10, 45));
    s.append(span(ActivityKind::Idle, stamp(2026, 3, 23, 10, 45), stamp(2026, 3, 23, 11, 0)));
    active(s, stamp(2026, 3, 23, 11, 0), stamp(2026, 3, 23, 12, 0));
    add(s, stamp(2026, 3, 23, 9, 45), "break_due", "quick-daily-reset");
    add(s, stamp(2026, 3, 23, 9, 45), "snoozed", "quick-daily-reset", false, 300);
    add(s, stamp(2026, 3, 23, 9, 50), "break_due", "quick-daily-reset", true);
    add(s, stamp(2026, 3, 23, 9, 50), "break_started", "quick-daily-reset", true);
    exercise(s, stamp(2026, 3, 23, 9, 52), "chin-tucks");
    exercise(s, stamp(2026, 3, 23, 9, 54), "scapular-squeezes");
    add(s, stamp(2026, 3, 23, 9, 55), "break_completed", "quick-daily-reset", true);
    add(s, stamp(2026, 3, 23, 10, 40), "break_due", "quick-daily-reset");
    add(s, stamp(2026, 3, 23, 10, 50), "away_started", "", true);
    add(s, stamp(2026, 3, 23, 11, 0), "natural_break", "", false, 900);
    add(s, stamp(2026, 3, 23, 11, 45), "break_due", "quick-daily-reset");
    add(s, stamp(2026, 3, 23, 11, 46), "skipped", "quick-daily-reset", true);

    // Tuesday 24: a routine stopped for pain; a short lock; a break missed.
    active(s, stamp(2026, 3, 24, 9, 0), stamp(2026, 3, 24, 10, 0));
    s.append(span(ActivityKind::Locked, stamp(2026, 3, 24, 10, 0), stamp(2026, 3, 24, 10, 2)));
    active(s, stamp(2026, 3, 24, 10, 2), stamp(2026, 3, 24, 11, 0));
    add(s, stamp(2026, 3, 24, 9, 45), "break_due", "quick-daily-reset");
    add(s, stamp(2026, 3, 24, 9, 46), "break_started", "quick-daily-reset", true);
    add(s, stamp(2026, 3, 24, 9, 47), "break_stopped", "quick-daily-reset", true);
    s.append(limber::Feedback{stamp(2026, 3, 24, 9, 47), "chin-tucks", limber::Rating::Pain});
    add(s, stamp(2026, 3, 24, 10, 40), "break_due", "quick-daily-reset");

    // Thursday 26: a routine on demand.
    active(s, stamp(2026, 3, 26, 14, 0), stamp(2026, 3, 26, 14, 30));
    add(s, stamp(2026, 3, 26, 14, 10), "break_started", "end-of-day-relief");
    add(s, stamp(2026, 3, 26, 14, 20), "break_completed", "end-of-day-relief");
    s.append(limber::Feedback{stamp(2026, 3, 26, 14, 20), "thoracic-extension", limber::Rating::Easy});

    // Saturday night into Sunday, across midnight, before the DST change.
    active(s, stamp(2026, 3, 28, 23, 30, cet), stamp(2026, 3, 29, 0, 30, cet));
    add(s, stamp(2026, 3, 29, 0, 10, cet), "natural_break", "", false, 600);
    // Sunday after the change, and across the end of the week.
    active(s, stamp(2026, 3, 29, 10, 0, cest), stamp(2026, 3, 29, 10, 30, cest));
    add(s, stamp(2026, 3, 29, 10, 15, cest), "break_due", "quick-daily-reset");
    add(s, stamp(2026, 3, 29, 10, 16, cest), "break_started", "quick-daily-reset", true);
    add(s, stamp(2026, 3, 29, 10, 20, cest), "break_completed", "quick-daily-reset", true);
    active(s, stamp(2026, 3, 29, 23, 50, cest), stamp(2026, 3, 30, 0, 20, cest));
}

const IsoWeek w13{2026, 13};

}  // namespace

TEST_CASE("the weekly figures match the hand count")
{
    SqliteStore store(":memory:");
    fill(store);
    const auto s = limber::weekly_summary(store, w13, {});
    const auto& w = s.week;
    CHECK(w.due == 6);
    CHECK(w.taken == 2);
    CHECK(w.partial == 1);
    CHECK(w.snoozed == 1);
    CHECK(w.skipped == 1);
    CHECK(w.missed == 1);
    CHECK(w.natural == 2);
    REQUIRE(w.compliance);
    CHECK(*w.compliance == Approx(2.0 / 6));
    REQUIRE(w.days.size() == 7);
    const long active[] = {9720, 7080, 0, 1800, 0, 1800, 4200};
    const long longest[] = {3600, 4260, 0, 600, 0, 1800, 1800};
    // Monday: three due (the snoozed one coming back is not new), one taken; Tuesday: two due,
    // one stopped early, one missed; Thursday's routine on demand was not due; Sunday: one of one.
    const int due[] = {3, 2, 0, 0, 0, 0, 1};
    const int taken[] = {1, 0, 0, 0, 0, 0, 1};
    int due_sum = 0;
    int taken_sum = 0;
    for (std::size_t d = 0; d < 7; ++d) {
        INFO("day " << d);
        CHECK(w.days[d].active.count() == active[d]);
        CHECK(w.days[d].longest_stretch.count() == longest[d]);
        CHECK(w.days[d].due == due[d]);
        CHECK(w.days[d].taken == taken[d]);
        due_sum += w.days[d].due;
        taken_sum += w.days[d].taken;
    }
    CHECK(due_sum == w.due);
    CHECK(taken_sum == w.taken);
    CHECK(w.active.count() == 24600);
    CHECK(w.longest_stretch.count() == 4260);
    CHECK(w.routines == limber::Counts{{"quick-daily-reset", 2}, {"end-of-day-relief", 1}});
    CHECK(w.exercises == limber::Counts{{"chin-tucks", 1}, {"scapular-squeezes", 1}});
    CHECK(w.pain_reports == 1);
    CHECK(w.pain_by_exercise == limber::Counts{{"chin-tucks", 1}});
    CHECK(w.streak_days == 1);

    const auto& p = s.previous;
    CHECK(p.week == IsoWeek{2026, 12});
    CHECK(p.due == 1);
    CHECK(p.taken == 1);
    CHECK(p.missed == 0);
    CHECK(*p.compliance == 1.0);
    CHECK(p.active.count() == 3600);
    CHECK(p.longest_stretch.count() == 2700);
    CHECK(p.streak_days == 1);

    const auto next = limber::week_figures(store, IsoWeek{2026, 14}, {});
    CHECK(next.days[0].active.count() == 1200);
    CHECK_FALSE(next.compliance);
}

TEST_CASE("a routine closed without doing it is a skipped break, and not sitting time")
{
    SqliteStore s(":memory:");
    active(s, stamp(2026, 3, 23, 9, 0), stamp(2026, 3, 23, 10, 30));
    add(s, stamp(2026, 3, 23, 9, 45), "break_due", "quick-daily-reset");
    add(s, stamp(2026, 3, 23, 9, 46), "break_started", "quick-daily-reset", true);
    add(s, stamp(2026, 3, 23, 9, 50), "skipped", "quick-daily-reset", true);
    const auto w = limber::week_figures(s, w13, {});
    CHECK(w.due == 1);
    CHECK(w.skipped == 1);
    CHECK(w.taken == 0);
    CHECK(w.partial == 0);
    CHECK(w.missed == 0);
    // 9:00-9:46 and 9:50-10:30: the four minutes in the routine end the stretch.
    CHECK(w.longest_stretch.count() == 46 * 60);
}

TEST_CASE("a break held by a call is one due break, and one held over an hour is counted by signal")
{
    SqliteStore s(":memory:");
    auto held = [&](limber::Stamp at, const char* why) {
        auto r = record(at, "held", "quick-daily-reset");
        r.detail = why;
        s.append(r);
    };
    auto offered = [&](limber::Stamp at, int waited) {
        auto r = record(at, "break_due", "quick-daily-reset", true);
        r.detail = "held";
        r.length = limber::Seconds{waited};
        s.append(r);
    };
    active(s, stamp(2026, 3, 23, 9, 0), stamp(2026, 3, 23, 17, 0));
    // Held 70 minutes by a call, then taken.
    held(stamp(2026, 3, 23, 9, 45), "microphone: Firefox");
    offered(stamp(2026, 3, 23, 10, 55), 70 * 60);
    add(s, stamp(2026, 3, 23, 10, 56), "break_started", "quick-daily-reset", true);
    add(s, stamp(2026, 3, 23, 11, 0), "break_completed", "quick-daily-reset", true);
    // Held 20 minutes by a full-screen video: not long enough to be told; then missed.
    held(stamp(2026, 3, 23, 11, 45), "fullscreen: mpv");
    offered(stamp(2026, 3, 23, 12, 5), 20 * 60);
    // Held 90 minutes by slides, then skipped.
    held(stamp(2026, 3, 23, 13, 0), "fullscreen: LibreOffice");
    offered(stamp(2026, 3, 23, 14, 30), 90 * 60);
    add(s, stamp(2026, 3, 23, 14, 31), "skipped", "quick-daily-reset", true);
    // Held by a camera and settled by stepping away: never offered.
    held(stamp(2026, 3, 23, 15, 30), "camera");
    add(s, stamp(2026, 3, 23, 15, 40), "away_started", "", true);

    const auto w = limber::week_figures(s, w13, {});
    CHECK(w.due == 4);
    CHECK(w.taken == 1);
    CHECK(w.skipped == 1);
    CHECK(w.missed == 1);
    CHECK(w.days[0].due == 4);
    CHECK(w.held_long == 2);
    CHECK(w.held_by == limber::Counts{{"call", 1}, {"fullscreen", 1}});
    const auto text = limber::format_text({w, limber::week_figures(s, w13.previous(), {})});
    CHECK(text.find("Held over an hour for calls and full screen: 2 (call 1, fullscreen 1)") != std::string::npos);
    const auto j = nlohmann::json::parse(limber::format_json({w, limber::week_figures(s, w13.previous(), {})}));
    CHECK(j["held_over_an_hour"] == 2);
    CHECK(j["held_by"][0]["id"] == "call");
}

TEST_CASE("breaks held by a signal count under its one name, whichever spelling the record has")
{
    SqliteStore s(":memory:");
    auto held_long = [&](int hour, const char* why) {  // held at hour:00, offered 61 minutes later
        auto r = record(stamp(2026, 3, 23, hour, 0), "held", "quick-daily-reset");
        r.detail = why;
        s.append(r);
        auto due = record(stamp(2026, 3, 23, hour + 1, 1), "break_due", "quick-daily-reset", true);
        due.detail = "held";
        due.length = limber::Seconds{61 * 60};
        s.append(due);
    };
    active(s, stamp(2026, 3, 23, 9, 0), stamp(2026, 3, 23, 17, 0));
    held_long(9, "dnd");  // written before the names were one
    held_long(11, "do_not_disturb");
    held_long(13, "inhibitor: Totem");  // likewise
    held_long(15, "apps: zoom");

    const auto w = limber::week_figures(s, w13, {});
    CHECK(w.held_long == 4);
    CHECK(w.held_by == limber::Counts{{"do_not_disturb", 2}, {"apps", 1}, {"inhibitors", 1}});
}

TEST_CASE("the streak skips days away from the computer and waits for today")
{
    SqliteStore store(":memory:");
    for (int d : {23, 24, 25, 26}) {  // Monday to Thursday, a routine each day
        active(store, stamp(2026, 3, d, 9, 0), stamp(2026, 3, d, 10, 0));
        add(store, stamp(2026, 3, d, 9, 30), "break_completed", "quick-daily-reset", true);
    }
    // Nothing Friday to Sunday: away, so the streak stands.
    CHECK(limber::week_figures(store, w13, {}).streak_days == 4);
    // At the desk on Friday without a routine: broken, unless Friday is today.
    active(store, stamp(2026, 3, 27, 9, 0), stamp(2026, 3, 27, 10, 0));
    CHECK(limber::week_figures(store, w13, {}).streak_days == 0);
    limber::SummaryOptions today;
    today.today = w13.monday() + 4;
    CHECK(limber::week_figures(store, w13, today).streak_days == 4);
}

TEST_CASE("the text report is an aligned table with the change against last week")
{
    SqliteStore store(":memory:");
    fill(store);
    const auto& catalog = limber::test::shipped_catalog();
    const std::string expected = R"(Week 2026-W13 (2026-03-23 to 2026-03-29)

Breaks              this week  last week   change
  due                       6          1       +5
  taken                     2          1       +1
  partly done               1          0       +1
  snoozed                   1          0       +1
  skipped                   1          0       +1
  missed                    1          0       +1
  natural breaks            2          0       +2
  compliance              33%       100%  -67 pts

Day                    active  longest sitting
  Mon 23/03             2h42m               1h
  Tue 24/03             1h58m            1h11m
  Wed 25/03                0m               0m
  Thu 26/03               30m              10m
  Fri 27/03                0m               0m
  Sat 28/03               30m              30m
  Sun 29/03             1h10m              30m
  week                  6h50m            1h11m
  last week                1h              45m

Routines done: Quick Daily Reset x2, End-of-Day Relief x1
Exercises done: Chin tucks x1, Shoulder-blade squeezes x1
Pain reported: 1 (Chin tucks x1)
Streak: 1 day in a row with a routine done
)";
    CHECK(limber::format_text(limber::weekly_summary(store, w13, {}), &catalog) == expected);
}

TEST_CASE("the JSON report has every figure under stable names")
{
    SqliteStore store(":memory:");
    fill(store);
    const auto j = nlohmann::json::parse(limber::format_json(limber::weekly_summary(store, w13, {})));
    CHECK(j["version"] == 1);
    CHECK(j["week"] == "2026-W13");
    CHECK(j["first_day"] == "2026-03-23");
    CHECK(j["last_day"] == "2026-03-29");
    CHECK(j["breaks"] == nlohmann::json{{"due", 6}, {"taken", 2}, {"partial", 1}, {"snoozed", 1}, {"skipped", 1}, {"missed", 1}, {"natural", 2}});
    CHECK(j["compliance"].get<double>() == Approx(1.0 / 3));
    CHECK(j["days"].size() == 7);
    CHECK(j["days"][0] == nlohmann::json{{"date", "2026-03-23"}, {"active_seconds", 9720}, {"longest_stretch_seconds", 3600},
                                         {"breaks_due", 3}, {"breaks_taken", 1}});
    CHECK(j["days"][1] == nlohmann::json{{"date", "2026-03-24"}, {"active_seconds", 7080}, {"longest_stretch_seconds", 4260},
                                         {"breaks_due", 2}, {"breaks_taken", 0}});
    CHECK(j["days"][6]["breaks_due"] == 1);
    CHECK(j["days"][6]["breaks_taken"] == 1);
    CHECK(j["previous"]["days"][2]["breaks_due"] == 1);
    CHECK(j["previous"]["days"][2]["breaks_taken"] == 1);
    CHECK(j["active_seconds"] == 24600);
    CHECK(j["longest_stretch_seconds"] == 4260);
    CHECK(j["routines"][0] == nlohmann::json{{"id", "quick-daily-reset"}, {"count", 2}});
    CHECK(j["exercises"].size() == 2);
    CHECK(j["pain_reports"] == 1);
    CHECK(j["pain_by_exercise"][0]["id"] == "chin-tucks");
    CHECK(j["streak_days"] == 1);
    CHECK(j["previous"]["week"] == "2026-W12");
    CHECK(j["previous"]["breaks"]["taken"] == 1);
    CHECK(j["change"]["due"] == 5);
    CHECK(j["change"]["compliance"].get<double>() == Approx(1.0 / 3 - 1.0));
    CHECK(j["change"]["active_seconds"] == 21000);
    CHECK(j["change"]["natural"] == 2);
}

TEST_CASE("CSV and JSON exports list the raw events of a date range in time order")
{
    SqliteStore store(":memory:");
    fill(store);
    const auto tuesday = w13.monday() + 1;
    const std::string csv = limber::export_csv(store, tuesday, tuesday);
    CHECK(csv == "time_utc,local_time,kind,routine,exercise,side,reps,hold_seconds,length_seconds,was_due,detail\n"
                 "2026-03-24T08:45:00.000Z,2026-03-24T09:45:00.000+01:00,break_due,quick-daily-reset,,,,,0,0,\n"
                 "2026-03-24T08:46:00.000Z,2026-03-24T09:46:00.000+01:00,break_started,quick-daily-reset,,,,,0,1,\n"
                 "2026-03-24T08:47:00.000Z,2026-03-24T09:47:00.000+01:00,break_stopped,quick-daily-reset,,,,,0,1,\n"
                 "2026-03-24T08:47:00.000Z,2026-03-24T09:47:00.000+01:00,feedback,,chin-tucks,,,,0,0,pain\n"
                 "2026-03-24T09:40:00.000Z,2026-03-24T10:40:00.000+01:00,break_due,quick-daily-reset,,,,,0,0,\n");

    const auto sunday = w13.sunday();
    const auto j = nlohmann::json::parse(limber::export_json(store, sunday, sunday));
    REQUIRE(j["events"].size() == 4);
    CHECK(j["events"][0]["local_time"] == "2026-03-29T00:10:00.000+01:00");
    CHECK(j["events"][0]["kind"] == "natural_break");
    CHECK(j["events"][0]["length_seconds"] == 600);
    CHECK(j["events"][1]["local_time"] == "2026-03-29T10:15:00.000+02:00");
    CHECK(j["from"] == "2026-03-29");

    auto quoted = record(stamp(2026, 3, 25, 9, 0), "break_stopped", "quick-daily-reset", true);
    quoted.detail = "it \"hurt\", a bit";
    store.append(quoted);
    CHECK_THAT(limber::export_csv(store, tuesday + 1, tuesday + 1), Catch::Contains(",1,\"it \"\"hurt\"\", a bit\"\n"));
}

// Night shifts: what happens in the hours after midnight counts for the day the shift started on,
// as the working hours say when the summary is read.
namespace {

using namespace std::chrono_literals;

// Working hours with a night shift from 22:00 to 02:00 on each of `nights` (0 = Sunday).
limber::SummaryOptions night_shifts(std::initializer_list<unsigned> nights)
{
    limber::SummaryOptions o;
    o.working_hours = limber::WorkingHours::office_default();
    for (unsigned d : nights) o.working_hours.days[d] = {{22h, 26h}};
    return o;
}

void break_taken(SqliteStore& s, limber::Stamp due, limber::Stamp started, limber::Stamp done)
{
    add(s, due, "break_due", "quick-daily-reset");
    add(s, started, "break_started", "quick-daily-reset", true);
    add(s, done, "break_completed", "quick-daily-reset", true);
}

}  // namespace

TEST_CASE("a night shift's hours after midnight count for the day it started, and what follows its end for the next")
{
    SqliteStore s(":memory:");
    // Monday 23 March 22:00 to Tuesday 02:00.
    active(s, stamp(2026, 3, 23, 22, 0), stamp(2026, 3, 24, 2, 30));
    break_taken(s, stamp(2026, 3, 23, 22, 45), stamp(2026, 3, 23, 22, 46), stamp(2026, 3, 23, 22, 50));
    add(s, stamp(2026, 3, 24, 0, 40), "break_due", "quick-daily-reset");
    add(s, stamp(2026, 3, 24, 0, 41), "break_started", "quick-daily-reset", true);
    exercise(s, stamp(2026, 3, 24, 0, 43), "chin-tucks");
    add(s, stamp(2026, 3, 24, 0, 45), "break_completed", "quick-daily-reset", true);
    add(s, stamp(2026, 3, 24, 1, 35), "break_due", "quick-daily-reset");  // missed
    // Due in the shift and done just after its end: the shift's day, where it came due.
    break_taken(s, stamp(2026, 3, 24, 1, 55), stamp(2026, 3, 24, 1, 56), stamp(2026, 3, 24, 2, 3));
    // After the shift's end: Tuesday's own.
    add(s, stamp(2026, 3, 24, 2, 25), "break_due", "quick-daily-reset");

    const auto w = limber::week_figures(s, w13, night_shifts({1}));
    CHECK(w.due == 5);
    CHECK(w.taken == 3);
    CHECK(w.missed == 2);
    CHECK(w.days[0].due == 4);
    CHECK(w.days[0].taken == 3);
    CHECK(w.days[1].due == 1);
    CHECK(w.days[1].taken == 0);
    // 22:00 to 02:00 is Monday's, 02:00 to 02:30 Tuesday's.
    CHECK(w.days[0].active.count() == 4 * 3600);
    CHECK(w.days[1].active.count() == 1800);
    CHECK(w.active.count() == 4 * 3600 + 1800);
    // Sitting goes on through midnight: 22:50 to 00:41, ended by routines, not by the date.
    CHECK(w.days[0].longest_stretch.count() == 111 * 60);
    CHECK(w.days[1].longest_stretch.count() == 27 * 60);
    CHECK(w.exercises == limber::Counts{{"chin-tucks", 1}});

    // The JSON's days say the same.
    const auto j = nlohmann::json::parse(limber::format_json({w, limber::week_figures(s, w13.previous(), night_shifts({1}))}));
    CHECK(j["days"][0]["breaks_due"] == 4);
    CHECK(j["days"][1]["breaks_due"] == 1);

    // Without the night shift in the working hours, each counts on its calendar day.
    const auto calendar = limber::week_figures(s, w13, {});
    CHECK(calendar.days[0].due == 1);
    CHECK(calendar.days[1].due == 4);
    // The exports list raw events by their calendar day and local time.
    CHECK_THAT(limber::export_csv(s, w13.monday() + 1, w13.monday() + 1), Catch::Contains("2026-03-24T00:40:00.000+01:00,break_due"));
}

TEST_CASE("Sunday's night shift into Monday counts for the week that holds that Sunday")
{
    SqliteStore s(":memory:");
    // Sunday 22 March (2026-W12) 22:00 to Monday 23 March (W13) 02:00, then Monday's office day.
    active(s, stamp(2026, 3, 22, 22, 0), stamp(2026, 3, 23, 1, 30));
    break_taken(s, stamp(2026, 3, 22, 23, 30), stamp(2026, 3, 22, 23, 31), stamp(2026, 3, 22, 23, 35));
    break_taken(s, stamp(2026, 3, 23, 0, 50), stamp(2026, 3, 23, 0, 51), stamp(2026, 3, 23, 0, 55));
    exercise(s, stamp(2026, 3, 23, 0, 53), "chin-tucks");
    s.append(limber::Feedback{stamp(2026, 3, 23, 0, 55), "chin-tucks", limber::Rating::Pain});
    active(s, stamp(2026, 3, 23, 9, 0), stamp(2026, 3, 23, 10, 0));
    add(s, stamp(2026, 3, 23, 9, 45), "break_due", "quick-daily-reset");

    const auto o = night_shifts({0});
    const auto w12 = limber::week_figures(s, w13.previous(), o);
    CHECK(w12.due == 2);
    CHECK(w12.taken == 2);
    CHECK(w12.days[6].due == 2);
    CHECK(w12.days[6].active.count() == 3 * 3600 + 1800);
    CHECK(w12.routines == limber::Counts{{"quick-daily-reset", 2}});
    CHECK(w12.exercises == limber::Counts{{"chin-tucks", 1}});
    CHECK(w12.pain_reports == 1);
    CHECK(w12.streak_days == 1);

    const auto w = limber::week_figures(s, w13, o);
    CHECK(w.due == 1);
    CHECK(w.taken == 0);
    CHECK(w.days[0].due == 1);
    CHECK(w.days[0].active.count() == 3600);
    CHECK(w.routines.empty());
    CHECK(w.exercises.empty());
    CHECK(w.pain_reports == 0);
    // At the desk on Monday without a routine: the streak is broken.
    CHECK(w.streak_days == 0);
}

TEST_CASE("a night shift across a DST change ends by the local clock")
{
    struct Night {
        const char* name;
        unsigned month, saturday;  // the shift starts Saturday 22:00; the clocks change on Sunday
        int before, after;         // UTC offsets, Europe/Berlin
        IsoWeek week;
        long saturday_active, sunday_active;
    };
    // Active from Saturday 22:00 until 01:30 UTC. In spring 02:00 CET is 03:00 CEST: four hours of
    // shift, then 30 minutes of Sunday. In autumn the shift ends at 02:00 CEST, before the clocks
    // go back: four hours, then 02:00 CEST to 02:30 CET, 90 minutes, Sunday's.
    const Night n = GENERATE(Night{"Berlin, spring forward", 3, 28, cet, cest, IsoWeek{2026, 13}, 4 * 3600, 1800},
                             Night{"Berlin, fall back", 10, 24, cest, cet, IsoWeek{2026, 43}, 4 * 3600, 5400});
    INFO(n.name);
    const unsigned sunday = n.saturday + 1;
    SqliteStore s(":memory:");
    active(s, stamp(2026, n.month, n.saturday, 22, 0, n.before), stamp(2026, n.month, sunday, 1, 30, 0));
    add(s, stamp(2026, n.month, sunday, 1, 30, n.before), "break_due", "quick-daily-reset");   // in the shift
    add(s, stamp(2026, n.month, sunday, 1, 59, n.before), "break_due", "quick-daily-reset");   // its last minute
    add(s, stamp(2026, n.month, sunday, 3, 10, n.after), "break_due", "quick-daily-reset");    // after it, on the new offset
    if (n.before == cest) add(s, stamp(2026, n.month, sunday, 2, 30, cest), "break_due", "quick-daily-reset");  // 02:30 the first time

    const auto w = limber::week_figures(s, n.week, night_shifts({6}));
    CHECK(w.days[5].due == 2);
    CHECK(w.days[6].due == (n.before == cest ? 2 : 1));
    CHECK(w.days[5].active.count() == n.saturday_active);
    CHECK(w.days[6].active.count() == n.sunday_active);
    CHECK(w.active.count() == n.saturday_active + n.sunday_active);
}

TEST_CASE("days without a night shift before them keep their calendar day")
{
    SqliteStore s(":memory:");
    // Thursday night into Friday, and Friday off: Friday's small hours are Thursday's shift, its
    // morning is Friday's own; Saturday's small hours follow no shift, so they are Saturday's.
    limber::SummaryOptions o = night_shifts({4});
    o.working_hours.days[5].clear();
    add(s, stamp(2026, 3, 27, 1, 0), "break_due", "quick-daily-reset");
    add(s, stamp(2026, 3, 27, 3, 0), "break_due", "quick-daily-reset");
    add(s, stamp(2026, 3, 28, 1, 0), "break_due", "quick-daily-reset");
    active(s, stamp(2026, 3, 28, 0, 30), stamp(2026, 3, 28, 1, 30));
    auto due_by_day = [&](const limber::SummaryOptions& options) {
        std::vector<int> out;
        for (const auto& d : limber::week_figures(s, w13, options).days) out.push_back(d.due);
        return out;
    };
    CHECK(due_by_day(o) == std::vector{0, 0, 0, 1, 1, 1, 0});
    CHECK(limber::week_figures(s, w13, o).days[5].active.count() == 3600);
    // Working hours turned off: no shifts, calendar days.
    o.working_hours.enabled = false;
    CHECK(due_by_day(o) == std::vector{0, 0, 0, 0, 2, 1, 0});
}

TEST_CASE("the streak counts night shifts by the day they started")
{
    SqliteStore s(":memory:");
    // Monday to Wednesday nights, a routine each night: before midnight on Monday, after it on
    // Tuesday and Wednesday.
    for (unsigned d : {23u, 24u, 25u}) active(s, stamp(2026, 3, d, 22, 0), stamp(2026, 3, d + 1, 2, 0));
    add(s, stamp(2026, 3, 23, 23, 0), "break_completed", "quick-daily-reset", true);
    add(s, stamp(2026, 3, 25, 1, 0), "break_completed", "quick-daily-reset", true);
    add(s, stamp(2026, 3, 26, 1, 30), "break_completed", "quick-daily-reset", true);
    auto o = night_shifts({1, 2, 3, 4, 5});
    CHECK(limber::week_figures(s, w13, o).streak_days == 3);
    // Thursday night, half an hour past midnight and no routine yet: the shift is not over.
    active(s, stamp(2026, 3, 26, 22, 0), stamp(2026, 3, 27, 0, 30));
    CHECK(limber::week_figures(s, w13, o).streak_days == 0);
    o.today = w13.monday() + 3;  // Thursday: limberd's today until the shift ends
    CHECK(limber::week_figures(s, w13, o).streak_days == 3);
}
