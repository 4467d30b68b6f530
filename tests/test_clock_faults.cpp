// Time going wrong, end to end through the engine and the record: suspends and locks short and
// long, the calendar clock set forward and back, DST changes (and in test_clock_zones_posix.cpp,
// the OS's own zone rules at their real instants), a week ending during a break, and midnight during a
// pause until tomorrow. For each: no burst of breaks, no negative duration in the record, the
// weekly summary adds up, and the record says what happened.
#include "limber/engine.hpp"
#include "limber/summary.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"
#include "support/day.hpp"
#include "support/fake_clock.hpp"

#include <cstdlib>
#include <ctime>
#include <numeric>

using namespace std::chrono_literals;
using limber::ActivityKind;
using limber::Engine;
using limber::SqliteStore;
using std::chrono::minutes;
using std::chrono::nanoseconds;
using std::chrono::seconds;

namespace {

const limber::Catalog& catalog()
{
    return limber::test::shipped_catalog();
}

limber::Settings settings() { return limber::test::plain_settings(); }

// A user at a desk, played into an Engine over an in-memory record, the way limberd does it:
// woken when the engine asks, every break taken as it comes (a 5-minute routine).
struct Desk {
    limber::test::FakeClock clock;
    SqliteStore store{":memory:"};
    std::vector<limber::Event> events;
    std::vector<std::string> warnings;
    Engine engine;
    ActivityKind activity = ActivityKind::Active;
    nanoseconds active_time{0};     // what the user really spent active, by the monotonic clock
    std::vector<limber::MonoTime> due_at;

    Desk(std::chrono::local_days day, minutes time_of_day, minutes utc_offset)
        : clock(day, time_of_day, utc_offset),
          engine(catalog(), settings(), store, clock.now(), ActivityKind::Active,
                 [this](const limber::Event& e) {
                     events.push_back(e);
                     if (e.kind == limber::Event::Kind::BreakDue) due_at.push_back(e.at.mono);
                 },
                 [this](const std::string& w) { warnings.push_back(w); })
    {
    }

    void set(ActivityKind kind)
    {
        activity = kind;
        engine.activity(clock.now(), limber::Activity{kind, {}});
    }

    // Time passes; a break that comes due is taken at once, while the user is active.
    void run(nanoseconds length)
    {
        const auto end = clock.now().mono + length;
        while (clock.now().mono < end) {
            auto step = end - clock.now().mono;
            if (auto w = engine.next_wake(clock.now())) step = std::min(step, std::max(*w, nanoseconds{1ms}));
            clock.advance(step);
            if (activity == ActivityKind::Active) active_time += step;
            const auto due_before = due_at.size();
            engine.wake(clock.now());
            if (due_at.size() > due_before && activity == ActivityKind::Active) take_break();
        }
    }

    void take_break()
    {
        REQUIRE(engine.start(clock.now(), "").ok());
        clock.advance(5min);
        active_time += 5min;  // doing the routine is activity too
        engine.wake(clock.now());
        REQUIRE(engine.finish(clock.now(), true, "").ok());
    }

    [[nodiscard]] std::size_t count(limber::Event::Kind kind) const
    {
        return static_cast<std::size_t>(std::count_if(events.begin(), events.end(), [&](const auto& e) { return e.kind == kind; }));
    }
    // What the store holds now; the open activity span is written first, as limberd's saves do.
    [[nodiscard]] std::vector<limber::Record> records()
    {
        engine.save(clock.now());
        return store.records(0, 1000000);
    }
    [[nodiscard]] std::vector<limber::Span> spans()
    {
        engine.save(clock.now());
        return store.spans(0, 1000000);
    }
    [[nodiscard]] seconds recorded_active()
    {
        seconds total{0};
        for (const auto& s : spans())
            if (s.kind == ActivityKind::Active) total += std::chrono::duration_cast<seconds>(s.end - s.start.utc);
        return total;
    }
    [[nodiscard]] limber::WeekFigures week(limber::LocalDay day)
    {
        engine.save(clock.now());
        limber::SummaryOptions o;
        o.today = day + 7;
        return limber::week_figures(store, limber::iso_week_of(day), o);
    }

    // Checks what must hold whatever the clock did.
    void check_invariants()
    {
        // No burst: breaks come due at least `every` of sitting apart, so never closer than that.
        for (std::size_t i = 1; i < due_at.size(); ++i) CHECK(due_at[i] - due_at[i - 1] >= nanoseconds{45min});
        // No negative durations in the record (a clock set back is a negative jump, by design).
        for (const auto& r : records())
            if (r.kind != "clock_jumped") CHECK(r.length >= seconds{0});
        for (const auto& s : spans()) CHECK(s.end >= s.start.utc);
        // The summary adds up: the week is the sum of its days, and every due break is accounted for.
        const auto first_day = records().empty() ? limber::local_day_of(clock.now()) : records().front().at.local_day();
        const auto w = week(first_day);
        CHECK(w.due == std::accumulate(w.days.begin(), w.days.end(), 0, [](int n, const auto& d) { return n + d.due; }));
        CHECK(w.taken == std::accumulate(w.days.begin(), w.days.end(), 0, [](int n, const auto& d) { return n + d.taken; }));
        CHECK(w.active ==
              std::accumulate(w.days.begin(), w.days.end(), seconds{0}, [](seconds n, const auto& d) { return n + d.active; }));
        CHECK(w.taken + w.partial + w.skipped + w.missed <= w.due);
        CHECK(w.missed == 0);  // every break was taken as it came
        CHECK(warnings.empty());
    }
};

constexpr std::chrono::local_days monday{std::chrono::year{2026} / 11 / 23};

struct Away {
    const char* name;
    ActivityKind kind;
    nanoseconds length;
    bool natural_break;  // natural_break is 5 min
};

}  // namespace

TEST_CASE("suspend and lock, short and long: no burst, counted as they should be, in the record")
{
    const Away away = GENERATE(Away{"suspend 10 min", ActivityKind::Asleep, 10min, true},
                               Away{"suspend 8 h", ActivityKind::Asleep, 8h, true},
                               Away{"lock 30 s", ActivityKind::Locked, 30s, false},
                               Away{"lock 2 h", ActivityKind::Locked, 2h, true});
    INFO(away.name);
    Desk desk(monday, 9h, 60min);
    desk.run(40min);
    desk.set(away.kind);
    desk.run(away.length);
    desk.set(ActivityKind::Active);
    desk.run(2h);
    if (away.natural_break) {
        // The stretch away is one natural break of its real length, and the count starts over.
        REQUIRE(desk.count(limber::Event::Kind::NaturalBreak) == 1);
        const auto nb = std::find_if(desk.events.begin(), desk.events.end(),
                                     [](const auto& e) { return e.kind == limber::Event::Kind::NaturalBreak; });
        CHECK(nanoseconds{nb->length} == away.length);
        // 40 min before, nothing due; then 2 h of sitting from zero: due at 45 and at 95 min.
        CHECK(desk.due_at.size() == 2);
    } else {
        // 30 s is not a break: the 40 minutes stand and the break comes 5 minutes later.
        CHECK(desk.count(limber::Event::Kind::NaturalBreak) == 0);
        CHECK(desk.due_at.size() == 3);  // at 45, 95 and 145 min of sitting (5 of them in routines)
    }
    CHECK(desk.count(limber::Event::Kind::ClockJumped) == 0);
    // The week's active time is what the user spent active, to the second.
    const auto w = desk.week(limber::local_day_of(desk.clock.now()));
    CHECK(w.active == std::chrono::duration_cast<seconds>(desk.active_time));
    desk.check_invariants();
}

TEST_CASE("the calendar clock set forward or back: no burst, no lost or invented sitting, and the jump recorded")
{
    const nanoseconds jump = GENERATE(nanoseconds{1h}, nanoseconds{-1h}, nanoseconds{24h});
    INFO("jump " << std::chrono::duration_cast<minutes>(jump).count() << " min");
    Desk desk(monday, 10h, 60min);
    desk.run(30min);
    desk.clock.jump_calendar(jump);
    desk.run(2h);
    // One jump, recorded with its size; the break still comes after 45 min of real sitting.
    const auto records = desk.records();
    const auto jumped = std::find_if(records.begin(), records.end(), [](const auto& r) { return r.kind == "clock_jumped"; });
    REQUIRE(jumped != records.end());
    CHECK(nanoseconds{jumped->length} == jump);
    CHECK(desk.count(limber::Event::Kind::ClockJumped) == 1);
    // Due at 45, 95 and 145 minutes of real sitting (each routine is 5 of them), jump or not.
    REQUIRE(desk.due_at.size() == 3);
    CHECK(desk.clock.now().mono - desk.due_at[0] == 2h + 30min - 45min);
    // Active time in the record is the time the user spent, not what the calendar says passed.
    CHECK(desk.recorded_active() == std::chrono::duration_cast<seconds>(desk.active_time));
    desk.check_invariants();
}

namespace {
struct Dst {
    const char* name;
    std::chrono::local_days day;  // the day of the change
    minutes before;               // UTC offset before
    minutes after;                // and after
    minutes local_change;         // local time of day of the change, on the old offset
};
}  // namespace

TEST_CASE("DST changes in Europe/Berlin and America/New_York move the calendar, never durations")
{
    using std::chrono::year;
    const Dst dst = GENERATE(Dst{"Berlin, spring forward", std::chrono::local_days{year{2026} / 3 / 29}, 60min, 120min, 2h},
                             Dst{"Berlin, fall back", std::chrono::local_days{year{2026} / 10 / 25}, 120min, 60min, 3h},
                             Dst{"New York, spring forward", std::chrono::local_days{year{2026} / 3 / 8}, -300min, -240min, 2h},
                             Dst{"New York, fall back", std::chrono::local_days{year{2026} / 11 / 1}, -240min, -300min, 2h});
    INFO(dst.name);
    // A night owl at the desk from 01:00 local, across the change.
    Desk desk(dst.day, 1h, dst.before);
    desk.run(dst.local_change - 1h);
    desk.clock.set_utc_offset(dst.after);
    desk.run(4h - (dst.local_change - 1h));
    CHECK(desk.count(limber::Event::Kind::ClockJumped) == 0);
    // 4 hours of real sitting with breaks taken: due at 45, 95, 145, 195 min whatever the offset.
    CHECK(desk.due_at.size() == 4);
    // Records after the change carry the new offset, so each lands on its local day.
    const auto records = desk.records();
    REQUIRE_FALSE(records.empty());
    CHECK(records.back().at.utc_offset == dst.after);
    CHECK(desk.recorded_active() == std::chrono::duration_cast<seconds>(desk.active_time));
    desk.check_invariants();
}

TEST_CASE("a week that ends during a break: due in one week, done in the next, counted once")
{
    // Sunday 2026-11-29 at 23:12 (+01:00): the break comes due at 23:57 and its routine runs
    // until 00:02 on Monday, in the next ISO week.
    Desk desk(std::chrono::local_days{std::chrono::year{2026} / 11 / 29}, 23h + 12min, 60min);
    desk.run(2h);
    REQUIRE_FALSE(desk.due_at.empty());
    const auto first = desk.records().front().at;
    const auto sunday = first.local_day();
    CHECK(limber::iso_week_of(sunday + 1) != limber::iso_week_of(sunday));
    const auto last = desk.week(sunday);
    const auto next = desk.week(sunday + 1);
    INFO("last week: due " << last.due << ", taken " << last.taken << ", missed " << last.missed << "; next week: due "
                           << next.due << ", taken " << next.taken << ", missed " << next.missed);
    CHECK(last.due == 1);
    // Every break that came due is counted once, in the week it came due, and taken.
    CHECK(last.due + next.due == static_cast<int>(desk.due_at.size()));
    CHECK(last.taken + next.taken == last.due + next.due);
    CHECK(last.missed + next.missed == 0);
    // Active time is cut at midnight, none lost or doubled.
    CHECK(last.active + next.active == std::chrono::duration_cast<seconds>(desk.active_time));
    CHECK(last.active == 48min);
    desk.check_invariants();
}

TEST_CASE("midnight during a pause until tomorrow: it ends at midnight, once, with no burst")
{
    const nanoseconds jump = GENERATE(nanoseconds{0}, nanoseconds{24h});
    INFO("calendar jump during the pause: " << std::chrono::duration_cast<minutes>(jump).count() << " min");
    Desk desk(monday, 22h, 60min);
    desk.run(40min);
    REQUIRE(desk.engine.pause_until_tomorrow(desk.clock.now()).ok());
    desk.run(30min);  // 23:10
    desk.clock.jump_calendar(jump);
    desk.run(3h);
    // The pause ends once: at local midnight, or at once when the calendar jumped past it.
    REQUIRE(desk.count(limber::Event::Kind::Resumed) == 1);
    const auto resumed = *std::find_if(desk.events.begin(), desk.events.end(),
                                       [](const auto& e) { return e.kind == limber::Event::Kind::Resumed; });
    CHECK(resumed.detail == "expired");
    const auto local = resumed.at.local();
    const auto time_of_day = std::chrono::floor<minutes>(local - std::chrono::floor<std::chrono::days>(local));
    CHECK(time_of_day == (jump == nanoseconds{0} ? minutes{0} : 23h + 10min));
    // Nothing counted while paused: the first break comes 5 minutes of sitting after the pause.
    REQUIRE_FALSE(desk.due_at.empty());
    CHECK(desk.due_at[0] - resumed.at.mono == nanoseconds{5min});
    desk.check_invariants();
}

TEST_CASE("a crash while a break is due does not announce it again, nor a snoozed one anew")
{
    using limber::SchedulerState;
    using limber::test::Day;
    using limber::test::hm;
    using Kind = limber::Event::Kind;
    Day before(limber::test::plain_settings());
    before.run(46min);
    REQUIRE(before.count(Kind::BreakDue) == 1);

    SECTION("due")
    {
        const auto saved = SchedulerState::from_json(before.scheduler.save(before.now()).to_json());
        Day after(limber::test::plain_settings(), limber::test::monday, hm(9, 47));
        after.scheduler.restore(saved, after.now());
        after.run(10min);
        CHECK(after.count(Kind::BreakDue) == 0);  // still due, announced once, before the crash
        CHECK(after.status().phase == limber::Phase::Due);
        REQUIRE(after.command(after.scheduler.start(after.now(), "")).ok());
        CHECK(after.of(Kind::BreakStarted).at(0).event.was_due);
    }
    SECTION("snoozed")
    {
        REQUIRE(before.command(before.scheduler.snooze(before.now())).ok());
        const auto saved = SchedulerState::from_json(before.scheduler.save(before.now()).to_json());
        Day after(limber::test::plain_settings(), limber::test::monday, hm(9, 47));
        after.scheduler.restore(saved, after.now());
        after.run(10min);
        // It comes back after the snooze, as a snoozed break (not a new one), with no second heads-up.
        REQUIRE(after.count(Kind::BreakDue) == 1);
        CHECK(after.of(Kind::BreakDue)[0].event.was_due);
        CHECK(after.count(Kind::Warning) == 0);
    }
}
