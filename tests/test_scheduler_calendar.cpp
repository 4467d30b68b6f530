// Rules that depend on the calendar: working hours, the daily routine, pauses until
// tomorrow, clock jumps, DST, whole simulated days, and saving state across a restart.
#include "support/day.hpp"

using namespace std::chrono_literals;
using limber::ActivityKind;
using limber::Phase;
using limber::SchedulerState;
using limber::Settings;
using limber::test::Day;
using limber::test::hm;
using limber::test::monday;
using limber::test::plain_settings;
using Kind = limber::Event::Kind;

namespace {

Settings office_without_daily()
{
    Settings s;
    s.daily.enabled = false;
    return s;
}

// The user takes every break as it comes, in `length`, until the local time `until`.
void work_taking_breaks(Day& day, std::chrono::minutes until, std::chrono::minutes length = 5min)
{
    while (true) {
        const auto local = day.clock.local();
        const auto now = std::chrono::floor<std::chrono::minutes>(local - std::chrono::floor<std::chrono::days>(local));
        if (now >= until) return;
        const std::size_t before = day.count(Kind::BreakDue);
        day.run(1min);
        if (day.count(Kind::BreakDue) > before) {
            REQUIRE(day.command(day.scheduler.start(day.now(), "")).ok());
            day.run(length);
            REQUIRE(day.command(day.scheduler.finish(day.now(), true)).ok());
        }
    }
}

}  // namespace

TEST_CASE("an 8-hour working day, breaks taken as they come")
{
    Day day(office_without_daily());
    work_taking_breaks(day, hm(12, 0));
    day.set(ActivityKind::Idle);  // lunch
    day.run(1h);
    day.set(ActivityKind::Active);
    work_taking_breaks(day, hm(17, 0));
    CHECK(day.minutes_of(Kind::BreakDue) ==
          (std::vector{hm(9, 45), hm(10, 35), hm(11, 25), hm(13, 45), hm(14, 35), hm(15, 25), hm(16, 15)}));
    CHECK(day.count(Kind::BreakCompleted) == 7);
    CHECK(day.count(Kind::NaturalBreak) == 1);
    CHECK(day.count(Kind::Warning) == 7);
    CHECK(day.minutes_of(Kind::Warning).front() == hm(9, 44));
}

TEST_CASE("no breaks come due outside working hours")
{
    SECTION("before the day starts")
    {
        Day day(office_without_daily(), monday, hm(7, 0));
        day.run(2h + 44min);
        CHECK(day.count(Kind::BreakDue) == 0);
        CHECK(day.status().phase == Phase::Working);
        day.run(1min);
        CHECK(day.minutes_of(Kind::BreakDue) == std::vector{hm(9, 45)});
    }
    SECTION("on a Saturday")
    {
        Day day(office_without_daily(), monday + std::chrono::days{5}, hm(9, 0));
        day.run(8h);
        CHECK(day.count(Kind::BreakDue) == 0);
        CHECK(day.count(Kind::Warning) == 0);
        CHECK(day.status().phase == Phase::OffHours);
    }
    SECTION("a break pending when the day ends lapses")
    {
        Day day(office_without_daily(), monday, hm(17, 10));
        day.run(48min);  // due at 17:55
        REQUIRE(day.status().phase == Phase::Due);
        day.run(10min);
        REQUIRE(day.count(Kind::DueCleared) == 1);
        CHECK(day.minutes_of(Kind::DueCleared) == std::vector{hm(18, 0)});
        CHECK(day.status().phase == Phase::OffHours);
    }
    SECTION("split hours with a lunch gap")
    {
        auto s = office_without_daily();
        s.working_hours.days[1] = {{hm(9, 0), hm(12, 0)}, {hm(13, 0), hm(17, 0)}};
        Day day(s, monday, hm(11, 40));
        day.run(1h + 40min);  // 20 min before the gap, 20 after
        CHECK(day.count(Kind::BreakDue) == 0);
        day.run(5min);
        CHECK(day.minutes_of(Kind::BreakDue) == std::vector{hm(13, 25)});
    }
}

TEST_CASE("the end-of-day routine comes due once, at its time, on working days")
{
    Settings s;
    s.every = 8h;  // keep regular breaks out of the way
    s.warn_before = 0s;
    Day day(s, monday, hm(17, 0));
    day.run(29min);
    CHECK(day.count(Kind::BreakDue) == 0);
    day.run(1min);
    REQUIRE(day.count(Kind::BreakDue) == 1);
    const auto due = day.of(Kind::BreakDue)[0];
    CHECK(due.local_minute == hm(17, 30));
    CHECK(due.event.routine == "end-of-day-relief");
    CHECK(due.event.reason == limber::DueReason::Daily);

    SECTION("a clock set back an hour does not bring it back")
    {
        day.command(day.scheduler.skip(day.now()));
        day.clock.jump_calendar(-1h);
        day.run(2h);
        CHECK(day.count(Kind::BreakDue) == 1);
        CHECK(day.count(Kind::ClockJumped) == 1);
    }
    SECTION("it comes again the next working day")
    {
        day.command(day.scheduler.skip(day.now()));
        day.set(ActivityKind::Idle);
        day.run(23h + 50min);  // overnight, away
        day.set(ActivityKind::Active);
        day.run(20min);
        CHECK(day.minutes_of(Kind::BreakDue) == (std::vector{hm(17, 30), hm(17, 30)}));
    }
}

TEST_CASE("the end-of-day routine waits for a user who was away at its time")
{
    Settings s;
    s.every = 8h;
    Day day(s, monday, hm(17, 0));
    day.set(ActivityKind::Locked);
    day.run(45min);
    CHECK(day.count(Kind::BreakDue) == 0);
    day.set(ActivityKind::Active);
    CHECK(day.minutes_of(Kind::BreakDue) == std::vector{hm(17, 45)});

    SECTION("but not past its window")
    {
        Day late(s, monday, hm(17, 0));
        late.set(ActivityKind::Locked);
        late.run(3h);
        late.set(ActivityKind::Active);
        late.run(10min);
        CHECK(late.count(Kind::BreakDue) == 0);
    }
}

TEST_CASE("the end-of-day routine is not offered again once done that day, nor at weekends")
{
    Settings s;
    s.every = 8h;
    Day day(s, monday, hm(16, 0));
    REQUIRE(day.command(day.scheduler.start(day.now(), "end-of-day-relief")).ok());
    day.run(10min);
    REQUIRE(day.command(day.scheduler.finish(day.now(), true)).ok());
    day.run(2h);
    CHECK(day.count(Kind::BreakDue) == 0);

    Day saturday(s, monday + std::chrono::days{5}, hm(17, 0));
    saturday.run(2h);
    CHECK(saturday.count(Kind::BreakDue) == 0);
}

TEST_CASE("pause until tomorrow lasts until local midnight")
{
    Settings s = plain_settings();
    Day day(s, monday, hm(14, 0));
    REQUIRE(day.command(day.scheduler.pause_until_tomorrow(day.now())).ok());
    const auto paused = day.of(Kind::Paused).at(0).event;
    CHECK(paused.length == 10h);
    day.run(9h + 59min);
    CHECK(day.count(Kind::BreakDue) == 0);
    CHECK(day.status().phase == Phase::Paused);
    day.run(1min);
    REQUIRE(day.count(Kind::Resumed) == 1);
    CHECK(day.minutes_of(Kind::Resumed) == std::vector{hm(0, 0)});
    day.run(45min);
    CHECK(day.count(Kind::BreakDue) == 1);
}

TEST_CASE("the calendar clock jumping never makes a burst of breaks nor loses earned time")
{
    const auto jump = GENERATE(1h, -1h, std::chrono::hours{24});
    Day day(plain_settings());
    day.run(30min);
    day.clock.jump_calendar(jump);
    day.run(1s);
    REQUIRE(day.count(Kind::ClockJumped) == 1);
    CHECK(day.of(Kind::ClockJumped)[0].event.length == std::chrono::duration_cast<std::chrono::seconds>(jump));
    CHECK(day.count(Kind::BreakDue) == 0);
    CHECK(day.status().earned == 30min + 1s);
    day.run(15min);
    CHECK(day.count(Kind::BreakDue) == 1);
}

TEST_CASE("NTP-sized corrections are not reported as jumps")
{
    Day day(plain_settings());
    day.run(10min);
    day.clock.jump_calendar(2s);
    day.run(1min);
    CHECK(day.count(Kind::ClockJumped) == 0);
}

TEST_CASE("a DST change moves local time but not durations")
{
    const auto change = GENERATE(60min, -60min);
    Day day(plain_settings());
    day.run(30min);
    day.clock.set_utc_offset(day.now().utc_offset + change);
    day.run(15min);
    CHECK(day.count(Kind::ClockJumped) == 0);
    CHECK(day.count(Kind::BreakDue) == 1);
    CHECK(day.status().earned == 45min);
}

TEST_CASE("a month of simulated days runs without drift")
{
    Day day(office_without_daily(), monday, hm(9, 0));
    for (int d = 0; d < 30; ++d) {
        work_taking_breaks(day, hm(17, 0));
        day.set(ActivityKind::Idle);
        day.run(16h);
        day.set(ActivityKind::Active);
    }
    // 22 working days with 9 breaks each (every 50 min from 9:45 to 16:25), none at weekends.
    CHECK(day.count(Kind::BreakDue) == 22 * 9);
}

TEST_CASE("scheduler state survives a restart")
{
    Settings s = plain_settings();
    Day before(s);
    before.run(30min);
    before.command(before.scheduler.pause(before.now(), 0s));  // refused, changes nothing
    const SchedulerState saved = before.scheduler.save(before.now());
    CHECK(saved.earned == 30min);
    CHECK(SchedulerState::from_json(saved.to_json()) == saved);

    SECTION("a quick restart keeps the earned time")
    {
        Day after(s, monday, hm(9, 31));
        after.scheduler.restore(saved, after.now());
        CHECK(after.status().earned == 30min);
        after.run(15min);
        CHECK(after.minutes_of(Kind::BreakDue) == std::vector{hm(9, 46)});
    }
    SECTION("a restart after natural_break or more counts as a break")
    {
        Day after(s, monday, hm(9, 40));
        after.scheduler.restore(saved, after.now());
        CHECK(after.status().earned == 0s);
    }
    SECTION("a pause survives, on the calendar")
    {
        before.command(before.scheduler.pause(before.now(), 1h));
        const auto paused = before.scheduler.save(before.now());
        REQUIRE(paused.paused_until);
        Day after(s, monday, hm(9, 32));
        after.scheduler.restore(SchedulerState::from_json(paused.to_json()), after.now());
        CHECK(after.status().phase == Phase::Paused);
        after.run(58min);
        CHECK(after.minutes_of(Kind::Resumed) == std::vector{hm(10, 30)});
    }
    SECTION("snoozes used are kept")
    {
        before.run(15min);
        REQUIRE(before.command(before.scheduler.snooze(before.now())).ok());
        const auto snoozed = before.scheduler.save(before.now());
        CHECK(snoozed.snoozes_used == 1);
        Day after(s, monday, hm(9, 46));
        after.scheduler.restore(snoozed, after.now());
        CHECK(after.status().snoozes_left == 1);
    }
}

TEST_CASE("a damaged state file is refused with a reason")
{
    CHECK_THROWS_WITH(SchedulerState::from_json("{"), Catch::Contains("scheduler state:"));
    CHECK_THROWS_WITH(SchedulerState::from_json(R"({"version":2})"), "scheduler state: unsupported version");
    CHECK_THROWS_WITH(SchedulerState::from_json(
                          R"({"version":1,"earned_seconds":-5,"snoozes_used":0,"paused_until_ns":null,"pause_reason":"","daily_done_on":null,"saved_at_ns":0})"),
                      "scheduler state: negative earned_seconds");
}

namespace {

// Only night shifts: `nights` (weekday indexes, 0 = Sunday) from 22:00 to 02:00 the next day.
Settings night_shifts(std::initializer_list<int> nights, std::chrono::minutes end = hm(26, 0))
{
    Settings s = office_without_daily();
    s.working_hours = limber::WorkingHours{};
    for (int d : nights) s.working_hours.days[static_cast<std::size_t>(d)] = {{hm(22, 0), end}};
    return s;
}

// The user takes every break as it comes, in `length`, for `span` of time.
void work_taking_breaks_for(Day& day, std::chrono::nanoseconds span, std::chrono::minutes length = 5min)
{
    const auto end = day.now().mono + span;
    while (day.now().mono < end) {
        const std::size_t before = day.count(Kind::BreakDue);
        day.run(1min);
        if (day.count(Kind::BreakDue) > before) {
            REQUIRE(day.command(day.scheduler.start(day.now(), "")).ok());
            day.run(length);
            REQUIRE(day.command(day.scheduler.finish(day.now(), true)).ok());
        }
    }
}

// Runs `day` for `length` the way limberd sleeps, only until the scheduler's next wake, while
// the zone's offset changes to `after` at `change` (UTC) on the way, as the system's rules say.
// Breaks that come due are skipped when `skip` is set.
void sleep_across(Day& day, std::chrono::nanoseconds length, limber::WallTime change, std::chrono::minutes after, bool skip)
{
    const auto end = day.now().mono + length;
    while (day.now().mono < end) {
        auto step = end - day.now().mono;
        if (auto w = day.scheduler.next_wake(day.now())) step = std::min(step, std::max(*w, std::chrono::nanoseconds{1ms}));
        day.clock.advance(step);
        if (day.now().wall >= change) day.clock.set_utc_offset(after);
        const std::size_t before = day.count(Kind::BreakDue);
        day.set(ActivityKind::Active);  // a wake: the same activity, fed at this time
        if (skip && day.count(Kind::BreakDue) > before) REQUIRE(day.command(day.scheduler.skip(day.now())).ok());
    }
}

std::int64_t day_number(std::chrono::local_days d) { return d.time_since_epoch().count(); }

}  // namespace

TEST_CASE("breaks come due through a night shift that crosses midnight, and not outside it")
{
    // Monday night into Tuesday, and Sunday night into Monday (the week's end).
    const int night = GENERATE(1, 0);
    INFO("the shift starts on weekday " << night);
    const auto start = night == 1 ? monday : monday + std::chrono::days{6};
    Day day(night_shifts({night}), start, hm(20, 0));
    day.run(1h + 59min);
    CHECK(day.count(Kind::BreakDue) == 0);
    CHECK(day.status().phase == Phase::OffHours);
    work_taking_breaks_for(day, 6h + 1min);  // until 04:00
    // The hour after midnight is the shift's too: due at 00:25 and 01:15.
    CHECK(day.minutes_of(Kind::BreakDue) == (std::vector{hm(22, 45), hm(23, 35), hm(0, 25), hm(1, 15)}));
    CHECK(day.count(Kind::DueCleared) == 0);
    CHECK(day.status().phase == Phase::OffHours);
    day.run(15h);  // the next day, no shift of its own
    CHECK(day.count(Kind::BreakDue) == 4);
}

TEST_CASE("a break pending as a night shift ends lapses at its end, the next morning")
{
    Day day(night_shifts({1}), monday + std::chrono::days{1}, hm(1, 10));  // Tuesday, in Monday's shift
    CHECK(day.status().phase == Phase::Working);
    day.run(45min);  // due at 01:55
    REQUIRE(day.status().phase == Phase::Due);
    day.run(10min);
    CHECK(day.minutes_of(Kind::DueCleared) == std::vector{hm(2, 0)});
    CHECK(day.status().phase == Phase::OffHours);
}

TEST_CASE("a DST change during a night shift: breaks by sitting time, the shift ends by the clock")
{
    using std::chrono::local_days;
    using std::chrono::year;
    struct Night {
        const char* name;
        local_days saturday;          // the shift starts Saturday 22:00 and ends Sunday 06:00
        std::chrono::minutes before;  // UTC offset before the change, and after
        std::chrono::minutes after;
        limber::WallTime change;      // 01:00 UTC in Europe/Berlin
        std::vector<std::chrono::minutes> due;
    };
    const auto utc_one = [](local_days sunday) { return limber::WallTime{sunday.time_since_epoch() + 1h}; };
    // Every 55 minutes of sitting, from 22:00, breaks skipped as they come: the shift is 7 real
    // hours in spring (02:00 does not exist) and 9 in autumn (02:00 to 03:00 comes twice).
    const Night n = GENERATE_COPY(
        Night{"Berlin, spring forward", local_days{year{2026} / 3 / 28}, 60min, 120min, utc_one(local_days{year{2026} / 3 / 29}),
              {hm(22, 55), hm(23, 50), hm(0, 45), hm(1, 40), hm(3, 35), hm(4, 30), hm(5, 25)}},
        Night{"Berlin, fall back", local_days{year{2026} / 10 / 24}, 120min, 60min, utc_one(local_days{year{2026} / 10 / 25}),
              {hm(22, 55), hm(23, 50), hm(0, 45), hm(1, 40), hm(2, 35), hm(2, 30), hm(3, 25), hm(4, 20), hm(5, 15)}});
    INFO(n.name);
    Settings s = night_shifts({6}, hm(30, 0));
    s.every = 55min;
    s.warn_before = 0s;
    // The fake clock starts on +01:00: begin an hour earlier there and move to the zone's offset.
    Day day(s, n.saturday, hm(21, 0) - (n.before - 60min));
    day.clock.set_utc_offset(n.before);
    REQUIRE(day.clock.local() == n.saturday + hm(21, 0));
    sleep_across(day, 12h, n.change, n.after, true);
    CHECK(day.minutes_of(Kind::BreakDue) == n.due);
    CHECK(day.count(Kind::ClockJumped) == 0);
    CHECK(day.status().phase == Phase::OffHours);

    SECTION("a break pending as it ends lapses at 06:00 on the new offset")
    {
        // Due at 01:45, before the change: the next thing to wake for is the shift's end, and
        // sleeping until 06:00 on the old offset would overshoot it by an hour in spring.
        Day late(s, n.saturday + std::chrono::days{1}, hm(0, 50) - (n.before - 60min));
        late.clock.set_utc_offset(n.before);
        sleep_across(late, 8h, n.change, n.after, false);
        REQUIRE(late.count(Kind::BreakDue) == 1);
        CHECK(late.minutes_of(Kind::DueCleared) == std::vector{hm(6, 0)});
    }
}

TEST_CASE("after a night shift the end-of-day routine comes the next morning, for the shift's day")
{
    Settings s = night_shifts({1, 2, 3, 4, 5});  // Monday to Friday nights
    s.every = 8h;                                // keep regular breaks out of the way
    s.daily.enabled = true;
    s.daily.at = hm(1, 30);
    const auto daily = [](const Day& d) {
        std::vector<std::chrono::local_days> out;
        for (const auto& l : d.of(Kind::BreakDue))
            if (l.event.reason == limber::DueReason::Daily) out.push_back(std::chrono::floor<std::chrono::days>(l.event.at.local()));
        return out;
    };

    SECTION("Tuesday to Saturday at 01:30, never Monday's, counted for the night before")
    {
        Day day(s, monday, hm(0, 0));
        day.run(1h + 31min);
        CHECK(daily(day).empty());  // Monday 01:30 ends no shift: Sunday has none
        day.run(24h);
        REQUIRE(daily(day).size() == 1);
        CHECK(day.scheduler.save(day.now()).daily_done_on == day_number(monday));
        for (int n = 0; n < 5; ++n) {
            day.command(day.scheduler.skip(day.now()));
            day.run(24h);
        }
        const auto t = monday + std::chrono::days{1};
        CHECK(daily(day) == (std::vector{t, t + std::chrono::days{1}, t + std::chrono::days{2}, t + std::chrono::days{3},
                                         t + std::chrono::days{4}}));
        for (const auto m : day.minutes_of(Kind::BreakDue)) CHECK(m == hm(1, 30));
    }
    SECTION("done during the shift, it is not offered at the shift's end")
    {
        Day day(s, monday, hm(23, 0));
        REQUIRE(day.command(day.scheduler.start(day.now(), "end-of-day-relief")).ok());
        day.run(10min);
        REQUIRE(day.command(day.scheduler.finish(day.now(), true)).ok());
        CHECK(day.scheduler.save(day.now()).daily_done_on == day_number(monday));
        day.run(4h);
        CHECK(daily(day).empty());
        day.run(24h);  // Tuesday's shift ends on Wednesday morning
        CHECK(daily(day) == std::vector{monday + std::chrono::days{2}});
    }
    SECTION("Sunday's shift, across the week's end, has its routine on Monday morning")
    {
        Settings sunday = night_shifts({0});
        sunday.every = 8h;
        sunday.daily = s.daily;
        Day day(sunday, monday + std::chrono::days{6}, hm(21, 0));
        day.run(6h);
        CHECK(daily(day) == std::vector{monday + std::chrono::days{7}});
        CHECK(day.scheduler.save(day.now()).daily_done_on == day_number(monday + std::chrono::days{6}));
    }
}
