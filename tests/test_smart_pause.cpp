// Smart pause in the scheduler: a break that comes due during a call, a full-screen video or
// a presentation waits, without a warning, and is offered once the last signal has been over
// for the grace period. Played with the fake clock.
#include "limber/hold.hpp"
#include "limber/settings_schema.hpp"
#include "support/day.hpp"

#include <set>
#include <string>

using namespace std::chrono_literals;
using limber::ActivityKind;
using limber::HoldKind;
using limber::HoldReason;
using limber::Phase;
using limber::test::Day;
using limber::test::hm;
using limber::test::plain_settings;
using Kind = limber::Event::Kind;

namespace {

void hold(Day& day, const std::string& why) { day.command({std::nullopt, day.scheduler.hold(day.now(), why)}); }

}  // namespace

TEST_CASE("a break that comes due during a call waits, and is offered two minutes after it")
{
    Day day(plain_settings());
    day.run(30min);
    hold(day, "microphone: Firefox");
    CHECK(day.status().hold == "microphone: Firefox");
    CHECK(day.status().phase == Phase::Working);
    day.run(40min);  // the call runs past the break's time
    CHECK(day.count(Kind::Warning) == 0);
    CHECK(day.count(Kind::BreakDue) == 0);
    REQUIRE(day.count(Kind::Held) == 1);
    CHECK(day.minutes_of(Kind::Held) == std::vector{hm(9, 45)});
    CHECK(day.of(Kind::Held)[0].event.detail == "microphone: Firefox");
    CHECK(day.status().phase == Phase::Held);
    CHECK(day.status().held_for == 25min);
    CHECK_FALSE(day.status().offer_in);
    CHECK(day.status().earned == 70min);  // earned time keeps counting

    hold(day, "");  // the call ends at 10:10
    CHECK(day.status().phase == Phase::Held);
    CHECK(day.status().offer_in == 2min);
    day.run(2min - 1s);
    CHECK(day.count(Kind::BreakDue) == 0);
    day.run(1s);
    REQUIRE(day.count(Kind::BreakDue) == 1);
    const auto due = day.of(Kind::BreakDue)[0].event;
    CHECK(day.minutes_of(Kind::BreakDue) == std::vector{hm(10, 12)});
    CHECK(due.detail == "held");
    CHECK(due.length == 27min);
    CHECK(due.routine == "quick-daily-reset");
    CHECK(day.status().phase == Phase::Due);
    CHECK(day.wakes < 20);  // woken for the due time and the grace's end, not on a tick
}

TEST_CASE("a signal that starts again during the grace period keeps the break waiting")
{
    Day day(plain_settings());
    hold(day, "fullscreen: mpv");
    day.run(50min);
    REQUIRE(day.count(Kind::Held) == 1);
    hold(day, "");
    day.run(1min);
    hold(day, "camera");  // the next meeting begins
    day.run(10min);
    CHECK(day.count(Kind::BreakDue) == 0);
    CHECK(day.status().hold == "camera");
    CHECK_FALSE(day.status().offer_in);
    hold(day, "");
    day.run(2min);
    CHECK(day.count(Kind::BreakDue) == 1);
    CHECK(day.of(Kind::BreakDue)[0].event.length == 18min);
}

TEST_CASE("a signal that ends before the break is due changes nothing")
{
    Day day(plain_settings());
    day.run(10min);
    hold(day, "do_not_disturb");
    day.run(10min);
    hold(day, "");
    day.run(25min);
    CHECK(day.count(Kind::Held) == 0);
    CHECK(day.count(Kind::Warning) == 1);
    CHECK(day.minutes_of(Kind::BreakDue) == std::vector{hm(9, 45)});
    CHECK(day.of(Kind::BreakDue)[0].event.detail.empty());
}

TEST_CASE("a break already due when a call starts stays due")
{
    Day day(plain_settings());
    day.run(46min);
    REQUIRE(day.status().phase == Phase::Due);
    hold(day, "microphone");
    day.run(5min);
    CHECK(day.status().phase == Phase::Due);
    CHECK(day.count(Kind::Held) == 0);
    CHECK(day.count(Kind::BreakDue) == 1);
}

TEST_CASE("stepping away during a call settles the waiting break as a natural one")
{
    Day day(plain_settings());
    hold(day, "microphone");
    day.run(50min);
    REQUIRE(day.status().phase == Phase::Held);
    day.set(ActivityKind::Idle);
    day.run(6min);
    REQUIRE(day.count(Kind::AwayStarted) == 1);
    CHECK(day.of(Kind::AwayStarted)[0].event.was_due);
    day.set(ActivityKind::Active);
    hold(day, "");
    day.run(10min);
    CHECK(day.count(Kind::BreakDue) == 0);
    CHECK(day.status().phase == Phase::Working);
}

TEST_CASE("a waiting break can be started, skipped or not snoozed")
{
    SECTION("started")
    {
        Day day(plain_settings());
        hold(day, "camera");
        day.run(46min);
        const auto r = day.command(day.scheduler.start(day.now(), ""));
        REQUIRE(r.ok());
        CHECK(r.events.back().was_due);
        CHECK(r.events.back().routine == "quick-daily-reset");
        hold(day, "");
        day.run(5min);
        CHECK(day.count(Kind::BreakDue) == 0);
    }
    SECTION("skipped")
    {
        Day day(plain_settings());
        hold(day, "camera");
        day.run(46min);
        const auto r = day.command(day.scheduler.skip(day.now()));
        REQUIRE(r.ok());
        CHECK(r.events.back().was_due);
        CHECK(day.status().phase == Phase::Working);
    }
    SECTION("snoozed")
    {
        Day day(plain_settings());
        hold(day, "camera");
        day.run(46min);
        const auto r = day.command(day.scheduler.snooze(day.now()));
        CHECK_FALSE(r.ok());
        CHECK((r.error && r.error->kind == limber::CommandError::Kind::NotNow && r.error->message.find("waiting") != std::string::npos));
    }
}

TEST_CASE("the daily routine waits for a call too")
{
    auto s = plain_settings();
    s.daily.enabled = true;
    s.every = 10h;  // no regular break in the way
    Day day(s);
    day.run_until(hm(17, 0));
    hold(day, "microphone");
    day.run_until(hm(18, 0));
    REQUIRE(day.count(Kind::Held) == 1);
    CHECK(day.of(Kind::Held)[0].event.reason == limber::DueReason::Daily);
    hold(day, "");
    day.run(2min);
    REQUIRE(day.count(Kind::BreakDue) == 1);
    CHECK(day.of(Kind::BreakDue)[0].event.routine == "end-of-day-relief");
}

TEST_CASE("the end of working hours clears a waiting break")
{
    auto s = limber::Settings{};
    s.daily.enabled = false;
    Day day(s, limber::test::monday, hm(17, 0));
    hold(day, "fullscreen");
    day.run(50min);
    REQUIRE(day.status().phase == Phase::Held);
    day.run_until(hm(18, 30));
    CHECK(day.count(Kind::DueCleared) == 1);
    hold(day, "");
    day.run(5min);
    CHECK(day.count(Kind::BreakDue) == 0);
}

TEST_CASE("the grace period follows the settings, and zero offers the break at once")
{
    auto s = plain_settings();
    s.smart_pause.grace = 0s;
    Day day(s);
    hold(day, "apps: zoom");
    day.run(50min);
    hold(day, "");
    CHECK(day.count(Kind::BreakDue) == 1);
}

TEST_CASE("a held break over a whole 8-hour day of calls: one offer, no burst")
{
    Day day(plain_settings());
    for (int h = 0; h < 8; ++h) {
        hold(day, "microphone");
        day.run(50min);
        hold(day, "");
        day.run(10min);
        if (day.status().phase == Phase::Due) day.command(day.scheduler.start(day.now(), ""));
        day.command(day.scheduler.finish(day.now(), true));
    }
    CHECK(day.count(Kind::Held) == 8);
    CHECK(day.count(Kind::BreakDue) == 8);
    for (const auto& d : day.of(Kind::BreakDue)) CHECK(d.event.length == 7min);
}

TEST_CASE("hold reasons read back and read well")
{
    CHECK(HoldReason::parse("microphone: Firefox").kind == HoldKind::Microphone);
    CHECK(HoldReason::parse("microphone: Firefox").detail == "Firefox");
    CHECK(HoldReason::parse("camera").detail.empty());
    CHECK(HoldReason::parse("camera").is_call());
    CHECK(HoldReason{HoldKind::Fullscreen, "mpv"}.code() == "fullscreen: mpv");
    CHECK(HoldReason::parse(HoldReason{HoldKind::Apps, "zoom: meeting"}.code()).detail == "zoom: meeting");
    CHECK(HoldReason::parse("microphone: Firefox").text() == "you are on a call (Firefox is using the microphone)");
    CHECK(HoldReason::parse("do_not_disturb").text() == "do not disturb is on");
    CHECK(HoldReason::parse("something else").kind == HoldKind::Apps);
}

TEST_CASE("a signal has one name, its settings key, and records made before still read")
{
    const std::set<std::string> keys = {"microphone", "camera", "fullscreen", "inhibitors", "do_not_disturb", "apps"};
    std::set<std::string> names;
    for (HoldKind k : limber::all_hold_kinds) {
        names.insert(limber::to_string(k));
        CHECK(limber::hold_kind_named(limber::to_string(k)) == k);
    }
    CHECK(names == keys);
    for (const auto& key : keys) {  // each is a [smart_pause] key of limber.toml
        INFO(key);
        CHECK(limber::find_setting("smart_pause", key) != nullptr);
    }
    // The spellings of earlier records.
    CHECK(HoldReason::parse("inhibitor: Totem") == HoldReason{HoldKind::Inhibitors, "Totem"});
    CHECK(HoldReason::parse("dnd") == HoldReason{HoldKind::DoNotDisturb, ""});
    CHECK(HoldReason::parse("app: zoom") == HoldReason{HoldKind::Apps, "zoom"});
    CHECK(HoldReason::parse("inhibitor: Totem").code() == "inhibitors: Totem");
    CHECK_FALSE(limber::hold_kind_named("call").has_value());  // a group in the summary, not a signal
}

TEST_CASE("a held break survives a restart: not announced again, offered after the grace")
{
    Day before(plain_settings());
    hold(before, "microphone");
    before.run(50min);
    REQUIRE(before.status().phase == Phase::Held);
    const auto saved = before.scheduler.save(before.now());
    CHECK(saved.due_held);
    CHECK(limber::SchedulerState::from_json(saved.to_json()) == saved);

    SECTION("the call goes on: it waits on")
    {
        Day after(plain_settings());
        after.scheduler.restore(saved, after.now());
        hold(after, "microphone");  // the source reports as limberd starts
        after.run(30min);
        CHECK(after.count(Kind::Held) == 0);
        CHECK(after.count(Kind::BreakDue) == 0);
        CHECK(after.status().phase == Phase::Held);
        hold(after, "");
        after.run(2min);
        REQUIRE(after.count(Kind::BreakDue) == 1);
        CHECK(after.of(Kind::BreakDue)[0].event.detail == "held");
    }
    SECTION("the call ended while limberd was down: offered after the grace, once")
    {
        Day after(plain_settings());
        after.scheduler.restore(saved, after.now());
        after.run(1min);
        CHECK(after.count(Kind::BreakDue) == 0);
        after.run(1min);
        CHECK(after.count(Kind::BreakDue) == 1);
        CHECK(after.count(Kind::Held) == 0);
    }
}

TEST_CASE("a signal on for two hours is a long hold, whichever signals it was, and a gap resets it")
{
    CHECK(limber::long_hold == 2h);
    Day day(plain_settings());
    CHECK_FALSE(day.status().hold_on);
    CHECK_FALSE(day.status().hold_long);

    hold(day, "fullscreen: XTerm");
    CHECK(day.status().hold_on == 0s);
    day.run(1h);
    hold(day, "microphone: Firefox");  // one signal gives way to another: the same hold
    day.run(59min);
    CHECK(day.status().hold_on == 1h + 59min);
    CHECK_FALSE(day.status().hold_long);
    CHECK(day.status().phase == Phase::Held);  // the break came due at 9:45 and waits
    // Nothing else is coming (the break waits, the user sits): the hold turning long is the
    // next wake-up, so limberd pushes the status at that moment.
    CHECK(day.scheduler.next_wake(day.now()) == std::chrono::nanoseconds{1min});
    day.run(1min);
    CHECK(day.status().hold_on == 2h);
    CHECK(day.status().hold_long);
    CHECK(day.scheduler.next_wake(day.now()) == std::nullopt);  // once long, no more wake-ups for it
    day.run(14min);
    CHECK(day.status().hold_on == 2h + 14min);
    CHECK(day.status().hold_long);

    hold(day, "");  // the signal ends: no hold
    CHECK_FALSE(day.status().hold_on);
    CHECK_FALSE(day.status().hold_long);
    hold(day, "do_not_disturb");  // a new one starts from zero
    CHECK(day.status().hold_on == 0s);
    day.run(1h);
    CHECK(day.status().hold_on == 1h);
    CHECK_FALSE(day.status().hold_long);
}

TEST_CASE("a long hold counts whether or not a break is due, on the monotonic clock")
{
    limber::Settings s = plain_settings();
    s.every = std::chrono::hours{3};
    Day day(s);
    hold(day, "apps: zoom");
    day.run(2h);
    CHECK(day.status().phase == Phase::Working);  // no break due yet
    CHECK(day.status().hold_long);
    CHECK(day.status().hold_on == 2h);

    Day jumped(plain_settings());
    hold(jumped, "camera");
    jumped.run(1h);
    jumped.clock.jump_calendar(3h);  // the calendar moves; the hold does not
    jumped.run(1s);
    CHECK(jumped.status().hold_on == 1h + 1s);
    CHECK_FALSE(jumped.status().hold_long);
}

TEST_CASE("a long hold reads well")
{
    CHECK(HoldReason::parse("fullscreen: XTerm").held_text(2h + 14min + 59s) == "Breaks held for 2 h 14 min while XTerm is full screen");
    CHECK(HoldReason::parse("microphone: Firefox").held_text(2h) ==
          "Breaks held for 2 h while you are on a call (Firefox is using the microphone)");
    CHECK(HoldReason::parse("do_not_disturb").held_text(45min) == "Breaks held for 45 min while do not disturb is on");
}
