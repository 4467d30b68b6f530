// The tray's model: what it does with limberd's status and events, and what it offers once,
// decided without wx, files or a clock.
#include "model/tray_model.hpp"

#include "support/catch.hpp"

using limber::ActivityKind;
using limber::Seconds;
using limber::WeekFigures;
using limber::protocol::PushedEvent;
using limber::protocol::StatusReport;
using limber::tray::Reaction;
using limber::tray::TrayModel;
using Kind = PushedEvent::Kind;
using Offer = Reaction::Offer;

namespace {

PushedEvent event(Kind kind, nlohmann::json data = nlohmann::json::object())
{
    PushedEvent e;
    e.kind = kind;
    e.name = to_string(kind);
    e.data = std::move(data);
    return e;
}

StatusReport status(ActivityKind activity = ActivityKind::Active, std::string week = "2026-W49")
{
    StatusReport s;
    s.schedule.activity = activity;
    s.week = std::move(week);
    return s;
}

}  // namespace

TEST_CASE("a due break is offered by routine, and one that waited for a signal says so")
{
    CHECK(TrayModel::react(event(Kind::BreakDue, {{"routine", "posture-support"}})) ==
          Reaction{Offer::BreakDue, "posture-support", false, false, std::nullopt});
    CHECK(TrayModel::react(event(Kind::BreakDue, {{"routine", "quick-daily-reset"}, {"detail", "held"}})) ==
          Reaction{Offer::BreakDue, "quick-daily-reset", true, false, std::nullopt});
    CHECK(TrayModel::react(event(Kind::Warning, {{"routine", "posture-support"}})) == Reaction{Offer::Warning, "posture-support", false, false, std::nullopt});
}

TEST_CASE("the offer is withdrawn when the break starts, is skipped, snoozed, paused or settled by stepping away")
{
    for (const Kind k : {Kind::BreakStarted, Kind::Skipped, Kind::AwayStarted, Kind::DueCleared, Kind::Paused, Kind::Snoozed}) {
        CAPTURE(to_string(k));
        const Reaction r = TrayModel::react(event(k));
        CHECK(r.offer == Offer::Withdraw);
        CHECK_FALSE(r.end_routine);
    }
    for (const Kind k : {Kind::Resumed, Kind::NaturalBreak, Kind::ClockJumped, Kind::Held, Kind::ConfigReloaded, Kind::Unknown}) {
        CAPTURE(to_string(k));
        CHECK(TrayModel::react(event(k)) == Reaction{});
    }
}

TEST_CASE("a routine that ends elsewhere closes its window: completed, stopped, or skipped from the routine")
{
    CHECK(TrayModel::react(event(Kind::BreakCompleted)) == Reaction{Offer::Keep, "", false, true, std::nullopt});
    CHECK(TrayModel::react(event(Kind::BreakStopped)) == Reaction{Offer::Keep, "", false, true, std::nullopt});
    CHECK(TrayModel::react(event(Kind::Skipped, {{"detail", "routine"}})) == Reaction{Offer::Withdraw, "", false, true, std::nullopt});
    CHECK_FALSE(TrayModel::react(event(Kind::Skipped, {{"detail", "due"}})).end_routine);
}

TEST_CASE("a routine started anywhere opens its guide, unless its start asked for none")
{
    const nlohmann::json plan = nlohmann::json::array({{{"exercise", "chin-tucks"}, {"reps", 8}, {"hold_seconds", 5}}});
    const auto started = [&](nlohmann::json extra) {
        nlohmann::json data{{"routine", "posture-support"}, {"detail", "on demand"}, {"plan", plan}};
        data.update(extra);
        return TrayModel::react(event(Kind::BreakStarted, data));
    };
    const Reaction r = started(nlohmann::json::object());  // limberctl start, a status bar, the tray itself
    CHECK(r.offer == Offer::Withdraw);
    REQUIRE(r.guide);
    CHECK(r.guide->routine == "posture-support");
    CHECK(r.guide->plan == std::vector<std::pair<std::string, limber::DoseStep>>{{"chin-tucks", limber::DoseStep{8, 5}}});
    CHECK(started({{"guide", true}}).guide == r.guide);
    CHECK_FALSE(started({{"guide", false}}).guide);  // limberctl start --no-guide
    // A limberd that sends no plan (an older one) opens nothing; a bad plan or flag is refused.
    CHECK_FALSE(TrayModel::react(event(Kind::BreakStarted, {{"routine", "posture-support"}})).guide);
    CHECK_THROWS_AS(started({{"guide", "no"}}), limber::MessageError);
    CHECK_THROWS_AS(started({{"plan", {{{"exercise", "chin-tucks"}}}}}), limber::MessageError);
    // Only a start guides.
    CHECK_FALSE(TrayModel::react(event(Kind::BreakDue, {{"routine", "posture-support"}, {"plan", plan}})).guide);
}

TEST_CASE("the menu and the home window offer one thing: what limberd's phase allows")
{
    using limber::Phase;
    using limber::tray::Offers;
    TrayModel m;
    CHECK(m.offers() == Offers{.start_daemon = true});  // no limberd: only starting it
    m.connected();
    const auto in = [&](Phase phase, int snoozes_left = 2) {
        StatusReport s = status();
        s.schedule.phase = phase;
        s.schedule.snoozes_left = snoozes_left;
        m.apply(s);
        return m.offers();
    };
    CHECK(in(Phase::Working) == Offers{.start = true, .skip = true, .pause = true, .summary = true});
    CHECK(in(Phase::Due) == Offers{.start = true, .snooze = true, .skip = true, .skip_due = true, .pause = true, .summary = true});
    CHECK_FALSE(in(Phase::Due, 0).snooze);  // no snoozes left
    CHECK(in(Phase::InBreak) == Offers{.pause = true, .summary = true});
    CHECK(in(Phase::Paused) == Offers{.start = true, .resume = true, .summary = true});
    CHECK(in(Phase::Held) == Offers{.start = true, .skip = true, .pause = true, .summary = true});
    m.disconnected(false);
    CHECK(m.offers() == Offers{.start_daemon = true});
}

TEST_CASE("an event whose routine or detail is not a string is refused whole")
{
    CHECK_THROWS_AS(TrayModel::react(event(Kind::BreakDue, {{"routine", 7}})), limber::MessageError);
    CHECK_THROWS_AS(TrayModel::react(event(Kind::Snoozed, {{"detail", false}})), limber::MessageError);
}

TEST_CASE("limberd is started once, only when it was never reached and the tray may start it")
{
    TrayModel never;
    CHECK(never.disconnected(true));
    CHECK_FALSE(never.disconnected(true));  // tried once: later losses are limberd's own

    TrayModel showing_a_window;
    CHECK_FALSE(showing_a_window.disconnected(false));

    TrayModel reached;
    reached.connected();
    CHECK(reached.running());
    CHECK_FALSE(reached.disconnected(true));
    CHECK_FALSE(reached.running());
}

TEST_CASE("sounds, voice and snoozing follow limberd's last status, and only while it runs")
{
    TrayModel m;
    CHECK_FALSE(m.sounds());
    CHECK(m.can_snooze());  // no limberd to ask: the card offers it
    StatusReport s = status();
    s.sounds = true;
    s.voice = true;
    s.schedule.snoozes_left = 0;
    m.connected();
    m.apply(s);
    CHECK(m.sounds());
    CHECK(m.voice());
    CHECK_FALSE(m.can_snooze());
    s.schedule.snoozes_left = 1;
    m.apply(s);
    CHECK(m.can_snooze());
    m.disconnected(true);
    CHECK_FALSE(m.sounds());
    CHECK_FALSE(m.voice());
}

TEST_CASE("a call or do-not-disturb beginning is told once; other holds are not calls")
{
    TrayModel m;
    m.connected();
    StatusReport s = status();
    s.schedule.hold = "camera: /dev/video0";
    CHECK(m.apply(s));
    CHECK(m.call());
    CHECK_FALSE(m.apply(s));  // still on: nothing new to hush
    s.schedule.hold = "do_not_disturb";
    CHECK_FALSE(m.apply(s));
    CHECK(m.call());
    s.schedule.hold = "fullscreen: mpv";
    CHECK_FALSE(m.apply(s));
    CHECK_FALSE(m.call());
    s.schedule.hold.clear();
    CHECK_FALSE(m.apply(s));
    CHECK_FALSE(m.call());
}

TEST_CASE("last week is offered at the first activity of a new week, once, and not again after a restart")
{
    int reads = 0;
    std::string kept = "2026-W48";  // what the caller keeps across restarts
    const auto offered = [&] {
        ++reads;
        return kept;
    };
    TrayModel m;
    CHECK_FALSE(m.week_to_offer(offered));  // no status yet
    m.apply(status(ActivityKind::Idle));
    CHECK_FALSE(m.week_to_offer(offered));  // nobody there
    CHECK(reads == 0);
    m.apply(status(ActivityKind::Active));
    CHECK(m.week_to_offer(offered) == "2026-W49");
    kept = "2026-W49";
    CHECK_FALSE(m.week_to_offer(offered));  // asked once per week per run: the file is not read again
    CHECK(reads == 1);
    m.apply(status(ActivityKind::Active, "2026-W50"));
    CHECK(m.week_to_offer(offered) == "2026-W50");

    TrayModel restarted;  // the week was offered before the tray restarted
    kept = "2026-W49";
    restarted.apply(status(ActivityKind::Active, "2026-W49"));
    CHECK_FALSE(restarted.week_to_offer(offered));
}

TEST_CASE("last week's headline: breaks taken of due, rounded; time at the computer when none was due; nothing for an empty week")
{
    WeekFigures w;
    w.week = {2026, 48};
    CHECK_FALSE(TrayModel::headline(w));
    w.due = 3;
    w.taken = 2;
    w.streak_days = 4;
    const auto h = TrayModel::headline(w);
    REQUIRE(h);
    CHECK(h->percent_taken == 67);
    CHECK(h->taken == 2);
    CHECK(h->due == 3);
    CHECK(h->streak_days == 4);
    CHECK(h->week == "2026-W48");
    w.taken = 1;
    w.due = 8;
    CHECK(TrayModel::headline(w)->percent_taken == 13);  // 12.5 rounds up
    WeekFigures idle_week;
    idle_week.active = Seconds{5400};
    const auto a = TrayModel::headline(idle_week);
    REQUIRE(a);
    CHECK(a->due == 0);
    CHECK(a->active == Seconds{5400});
}

TEST_CASE("spoken guidance is offered once, while limberd runs with the voice off")
{
    TrayModel m;
    CHECK_FALSE(m.offer_voice(false));  // no limberd
    m.connected();
    m.apply(status());
    CHECK(m.offer_voice(false));
    CHECK_FALSE(m.offer_voice(true));
    StatusReport s = status();
    s.voice = true;
    m.apply(s);
    CHECK_FALSE(m.offer_voice(false));
}

TEST_CASE("today's line counts limberd's day, a night shift's included")
{
    limber::protocol::SummaryReport r;
    r.summary.week.days = {limber::DayFigures{100, Seconds{0}, Seconds{0}, 4, 1}, limber::DayFigures{101, Seconds{0}, Seconds{0}, 3, 2}};
    r.summary.week.streak_days = 2;
    r.today = 101;
    const auto line = TrayModel::today(r);
    CHECK(line.taken == 2);
    CHECK(line.due == 3);
    CHECK(line.streak_days == 2);
    r.today = 102;
    CHECK(TrayModel::today(r).due == 0);
}
