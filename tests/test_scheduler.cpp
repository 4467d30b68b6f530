// The break rules, each played as simulated time through the real Scheduler.
#include "support/day.hpp"

using namespace std::chrono_literals;
using limber::ActivityKind;
using limber::Event;
using limber::Phase;
using limber::test::Day;
using limber::test::hm;
using limber::test::plain_settings;
using Kind = limber::Event::Kind;

TEST_CASE("a break is earned by 45 minutes of activity, with a warning a minute before")
{
    Day day(plain_settings());
    day.run(44min - 1s);
    CHECK(day.count(Kind::Warning) == 0);
    day.run(1s);
    REQUIRE(day.count(Kind::Warning) == 1);
    CHECK(day.of(Kind::Warning)[0].event.length == 60s);
    CHECK(day.count(Kind::BreakDue) == 0);
    day.run(1min);
    REQUIRE(day.count(Kind::BreakDue) == 1);
    const auto due = day.of(Kind::BreakDue)[0].event;
    CHECK(due.routine == "quick-daily-reset");
    CHECK(due.reason == limber::DueReason::Earned);
    CHECK(due.at.mono - day.log.front().event.at.mono >= 0s);
    CHECK(day.minutes_of(Kind::BreakDue) == std::vector{hm(9, 45)});
    CHECK(day.status().phase == Phase::Due);
}

TEST_CASE("the break interval, warning and routine follow the settings")
{
    auto s = plain_settings();
    s.every = 20min;
    s.warn_before = 0s;
    s.routine = "posture-support";
    Day day(s);
    day.run(1h);
    CHECK(day.count(Kind::Warning) == 0);
    REQUIRE(day.count(Kind::BreakDue) == 1);  // a pending break is not repeated
    CHECK(day.minutes_of(Kind::BreakDue) == std::vector{hm(9, 20)});
    CHECK(day.of(Kind::BreakDue)[0].event.routine == "posture-support");
}

TEST_CASE("short idle counts as sitting by default")
{
    Day day(plain_settings());
    day.run(20min);
    day.set(ActivityKind::Idle);
    day.run(4min);
    day.set(ActivityKind::Active);
    day.run(21min);
    CHECK(day.count(Kind::NaturalBreak) == 0);
    CHECK(day.minutes_of(Kind::BreakDue) == std::vector{hm(9, 45)});
}

TEST_CASE("short idle pauses the count when idle_counts_as_sitting is off")
{
    auto s = plain_settings();
    s.idle_counts_as_sitting = false;
    Day day(s);
    day.run(20min);
    day.set(ActivityKind::Idle);
    day.run(4min);
    day.set(ActivityKind::Active);
    day.run(30min);
    CHECK(day.minutes_of(Kind::BreakDue) == std::vector{hm(9, 49)});
}

TEST_CASE("idle reported late is counted from when it began")
{
    auto s = plain_settings();
    s.idle_counts_as_sitting = false;
    Day day(s);
    day.run(30min);
    const auto idle_began = day.now().mono;
    day.run(1min);  // the source only learns of idle after its threshold
    day.set(ActivityKind::Idle, idle_began);
    day.run(2min);
    day.set(ActivityKind::Active);
    CHECK(day.status().earned == 30min);

    SECTION("and a natural break is measured from then too")
    {
        day.set(ActivityKind::Idle, day.now().mono - 2min);
        day.run(3min);  // 5 minutes since idle began
        CHECK(day.count(Kind::AwayStarted) == 1);
        CHECK(day.status().phase == Phase::Away);
    }
}

TEST_CASE("idle of natural_break or more is a natural break that resets the count")
{
    Day day(plain_settings());
    day.run(30min);
    day.set(ActivityKind::Idle);
    day.run(5min - 1s);
    CHECK(day.count(Kind::AwayStarted) == 0);
    day.run(1s);
    CHECK(day.count(Kind::AwayStarted) == 1);
    CHECK(day.status().phase == Phase::Away);
    CHECK(day.status().earned == 0s);
    day.run(2min);
    day.set(ActivityKind::Active);
    REQUIRE(day.count(Kind::NaturalBreak) == 1);
    CHECK(day.of(Kind::NaturalBreak)[0].event.length == 7min);
    day.run(50min);
    CHECK(day.minutes_of(Kind::BreakDue) == std::vector{hm(10, 22)});
}

TEST_CASE("a natural break settles a pending break")
{
    Day day(plain_settings());
    day.run(46min);
    REQUIRE(day.status().phase == Phase::Due);
    day.set(ActivityKind::Idle);
    day.run(6min);
    CHECK(day.of(Kind::AwayStarted).at(0).event.detail == "the pending break counts as taken");
    day.set(ActivityKind::Active);
    CHECK(day.status().phase == Phase::Working);
    CHECK(day.status().until_due == 45min);
}

TEST_CASE("a short lock or suspend pauses the count")
{
    const auto kind = GENERATE(ActivityKind::Locked, ActivityKind::Asleep);
    Day day(plain_settings());
    day.run(20min);
    day.set(kind);
    day.run(3min);
    day.set(ActivityKind::Active);
    day.run(30min);
    CHECK(day.count(Kind::NaturalBreak) == 0);
    CHECK(day.minutes_of(Kind::BreakDue) == std::vector{hm(9, 48)});
}

TEST_CASE("a long lock or suspend is a natural break, and never a burst of breaks")
{
    const auto kind = GENERATE(ActivityKind::Locked, ActivityKind::Asleep);
    const auto away = GENERATE(10min, 8h);
    Day day(plain_settings());
    day.run(44min);
    day.set(kind);
    day.run(away);
    day.set(ActivityKind::Active);
    CHECK(day.count(Kind::BreakDue) == 0);
    REQUIRE(day.count(Kind::NaturalBreak) == 1);
    CHECK(day.of(Kind::NaturalBreak)[0].event.length == away);
    CHECK(day.status().until_due == 45min);
}

TEST_CASE("idle that turns into a lock is one stretch away")
{
    Day day(plain_settings());
    day.run(10min);
    day.set(ActivityKind::Idle);
    day.run(3min);
    day.set(ActivityKind::Locked);
    day.run(3min);
    day.set(ActivityKind::Active);
    REQUIRE(day.count(Kind::NaturalBreak) == 1);
    CHECK(day.of(Kind::NaturalBreak)[0].event.length == 6min);
}

TEST_CASE("snooze puts the break off by 5 minutes of sitting, at most twice in a row")
{
    Day day(plain_settings());
    day.run(45min);
    REQUIRE(day.count(Kind::BreakDue) == 1);
    auto r = day.command(day.scheduler.snooze(day.now()));
    REQUIRE(r.ok());
    REQUIRE(day.count(Kind::Snoozed) == 1);
    CHECK(day.of(Kind::Snoozed)[0].event.length == 5min);
    CHECK(day.of(Kind::Snoozed)[0].event.count == 1);
    CHECK(day.status().phase == Phase::Working);
    CHECK(day.status().snoozes_left == 1);
    day.run(5min);
    CHECK(day.count(Kind::Warning) == 1);  // no second heads-up for a break already known
    CHECK(day.minutes_of(Kind::BreakDue) == (std::vector{hm(9, 45), hm(9, 50)}));

    REQUIRE(day.command(day.scheduler.snooze(day.now())).ok());
    day.run(5min);
    CHECK(day.count(Kind::BreakDue) == 3);
    r = day.command(day.scheduler.snooze(day.now()));
    CHECK_FALSE(r.ok());
    CHECK(r.error == limber::CommandError{limber::CommandError::Kind::NotNow, "no snoozes left (2 of 2 used): take the break or skip it"});
    CHECK(day.status().phase == Phase::Due);

    SECTION("taking the break gives the snoozes back")
    {
        REQUIRE(day.command(day.scheduler.start(day.now(), "")).ok());
        REQUIRE(day.command(day.scheduler.finish(day.now(), true)).ok());
        CHECK(day.status().snoozes_left == 2);
    }
}

TEST_CASE("snooze is refused when nothing is due")
{
    Day day(plain_settings());
    day.run(10min);
    const auto r = day.scheduler.snooze(day.now());
    CHECK_FALSE(r.ok());
    CHECK(r.error == limber::CommandError{limber::CommandError::Kind::NotNow, "no break is due to snooze"});
}

TEST_CASE("snooze during the heads-up puts the coming break off")
{
    Day day(plain_settings());
    day.run(44min + 30s);
    REQUIRE(day.count(Kind::Warning) == 1);
    REQUIRE(day.command(day.scheduler.snooze(day.now())).ok());
    day.run(5min);
    CHECK(day.count(Kind::BreakDue) == 1);
    CHECK(day.of(Kind::BreakDue)[0].event.at.mono - day.of(Kind::Snoozed)[0].event.at.mono == 5min);
}

TEST_CASE("skip drops the pending break, or the next one, and the count starts over")
{
    Day day(plain_settings());
    day.run(45min);
    REQUIRE(day.command(day.scheduler.skip(day.now())).ok());
    REQUIRE(day.count(Kind::Skipped) == 1);
    CHECK(day.of(Kind::Skipped)[0].event.detail == "due");
    day.run(20min);
    REQUIRE(day.command(day.scheduler.skip(day.now())).ok());
    CHECK(day.of(Kind::Skipped)[1].event.detail == "upcoming");
    day.run(45min);
    CHECK(day.minutes_of(Kind::BreakDue) == (std::vector{hm(9, 45), hm(10, 50)}));
}

TEST_CASE("a routine can be started at any time and the count starts over when it ends")
{
    Day day(plain_settings());
    day.run(20min);
    REQUIRE(day.command(day.scheduler.start(day.now(), "end-of-day-relief")).ok());
    REQUIRE(day.count(Kind::BreakStarted) == 1);
    CHECK(day.of(Kind::BreakStarted)[0].event.routine == "end-of-day-relief");
    CHECK(day.of(Kind::BreakStarted)[0].event.detail == "on demand");
    CHECK(day.status().phase == Phase::InBreak);

    const auto again = day.scheduler.start(day.now(), "quick-daily-reset");
    CHECK_FALSE(again.ok());
    CHECK(again.error == limber::CommandError{limber::CommandError::Kind::NotNow, "a routine is already running (end-of-day-relief)"});

    day.set(ActivityKind::Idle);  // exercising on the floor, away from the keyboard
    day.run(9min);
    CHECK(day.count(Kind::AwayStarted) == 0);
    day.set(ActivityKind::Active);
    REQUIRE(day.command(day.scheduler.finish(day.now(), true)).ok());
    CHECK(day.of(Kind::BreakCompleted).at(0).event.routine == "end-of-day-relief");
    CHECK(day.count(Kind::NaturalBreak) == 0);
    day.run(45min);
    CHECK(day.minutes_of(Kind::BreakDue) == std::vector{hm(10, 14)});
}

TEST_CASE("a due break started and stopped early still ends the cycle")
{
    Day day(plain_settings());
    day.run(45min);
    REQUIRE(day.command(day.scheduler.start(day.now(), "")).ok());
    CHECK(day.of(Kind::BreakStarted)[0].event.routine == "quick-daily-reset");
    CHECK(day.of(Kind::BreakStarted)[0].event.detail == "due");
    day.run(1min);
    REQUIRE(day.command(day.scheduler.finish(day.now(), false, "pain")).ok());
    REQUIRE(day.count(Kind::BreakStopped) == 1);
    CHECK(day.of(Kind::BreakStopped)[0].event.detail == "pain");
    CHECK(day.status().until_due == 45min);
    CHECK_FALSE(day.scheduler.finish(day.now(), true).ok());
}

TEST_CASE("skipping during a routine ends it, and the break it was counts as skipped")
{
    Day day(plain_settings());
    day.run(45min);
    REQUIRE(day.count(Kind::BreakDue) == 1);
    REQUIRE(day.command(day.scheduler.start(day.now(), "")).ok());
    day.run(1min);
    REQUIRE(day.command(day.scheduler.skip(day.now())).ok());
    REQUIRE(day.count(Kind::Skipped) == 1);
    const auto skipped = day.of(Kind::Skipped)[0].event;
    CHECK(skipped.detail == "routine");
    CHECK(skipped.routine == "quick-daily-reset");
    CHECK(skipped.was_due);
    CHECK(day.count(Kind::BreakStopped) == 0);
    CHECK(day.status().phase == Phase::Working);
    CHECK_FALSE(day.scheduler.finish(day.now(), true).ok());  // nothing left running to finish

    // A routine started on demand and closed was never a due break; the count starts over.
    day.run(20min);
    REQUIRE(day.command(day.scheduler.start(day.now(), "end-of-day-relief")).ok());
    REQUIRE(day.command(day.scheduler.skip(day.now())).ok());
    CHECK_FALSE(day.of(Kind::Skipped).at(1).event.was_due);
    day.run(45min);
    CHECK(day.minutes_of(Kind::BreakDue) == (std::vector{hm(9, 45), hm(10, 51)}));
}

TEST_CASE("pause for a duration holds the count and ends by itself")
{
    Day day(plain_settings());
    day.run(40min);
    REQUIRE(day.command(day.scheduler.pause(day.now(), 30min)).ok());
    REQUIRE(day.count(Kind::Paused) == 1);
    CHECK(day.of(Kind::Paused)[0].event.until == day.now().wall + 30min);
    CHECK(day.status().phase == Phase::Paused);
    day.run(30min - 1s);
    CHECK(day.count(Kind::Resumed) == 0);
    CHECK(day.count(Kind::BreakDue) == 0);
    day.run(1s);
    REQUIRE(day.count(Kind::Resumed) == 1);
    CHECK(day.of(Kind::Resumed)[0].event.detail == "expired");
    CHECK(day.status().earned == 40min);
    day.run(5min);
    CHECK(day.minutes_of(Kind::BreakDue) == std::vector{hm(10, 15)});
}

TEST_CASE("resume ends a pause early; resuming when not paused is refused")
{
    Day day(plain_settings());
    CHECK(day.scheduler.resume(day.now()).error == limber::CommandError{limber::CommandError::Kind::NotNow, "not paused"});
    REQUIRE(day.command(day.scheduler.pause(day.now(), 2h)).ok());
    day.run(10min);
    REQUIRE(day.command(day.scheduler.resume(day.now())).ok());
    CHECK(day.of(Kind::Resumed)[0].event.detail == "user");
    day.run(45min);
    CHECK(day.minutes_of(Kind::BreakDue) == std::vector{hm(9, 55)});
}

TEST_CASE("pausing clears a pending break")
{
    Day day(plain_settings());
    day.run(50min);
    REQUIRE(day.command(day.scheduler.pause(day.now(), 1h)).ok());
    CHECK(day.status().phase == Phase::Paused);
    day.command(day.scheduler.resume(day.now()));
    CHECK(day.status().phase == Phase::Working);
    day.run(1s);
    CHECK(day.count(Kind::BreakDue) == 2);  // the earned time is still there: due again at once
}

TEST_CASE("the daemon is woken only when something can change")
{
    Day day(plain_settings());
    day.run(44min);
    CHECK(day.wakes == 1);  // the heads-up
    day.run(1min);
    CHECK(day.wakes == 2);  // the break
    day.run(2h);            // a pending break waits for the user: nothing to wake for
    CHECK(day.wakes == 3);
    day.set(ActivityKind::Idle);
    day.run(1h);
    CHECK(day.wakes == 5);  // the natural-break threshold, and the end of the hour
}
