#include "model/tray_model.hpp"

#include "limber/hold.hpp"

namespace limber::tray {

void TrayModel::connected()
{
    running_ = true;
    ever_connected_ = true;
}

bool TrayModel::disconnected(bool may_start)
{
    running_ = false;
    // Started at login without a service manager: limberd is brought up once; later losses
    // are its own (a service manager restarts it, or the user chooses "Start Limber").
    if (ever_connected_ || tried_starting_ || !may_start) return false;
    tried_starting_ = true;
    return true;
}

bool TrayModel::apply(const protocol::StatusReport& status)
{
    const bool was_call = call_;
    const HoldReason hold = HoldReason::parse(status.schedule.hold);
    call_ = !status.schedule.hold.empty() && (hold.is_call() || hold.kind == HoldKind::DoNotDisturb);
    status_ = status;
    return call_ && !was_call;
}

Reaction TrayModel::react(const protocol::PushedEvent& e)
{
    using Kind = protocol::PushedEvent::Kind;
    // Read first, whatever the kind: an event whose fields cannot be read is refused whole.
    const std::string routine = e.routine();
    const std::string detail = e.detail();
    Reaction r;
    switch (e.kind) {
    case Kind::BreakDue:
        r.offer = Reaction::Offer::BreakDue;
        r.routine = routine;
        r.waited = detail == "held";
        break;
    case Kind::Warning:
        r.offer = Reaction::Offer::Warning;
        r.routine = routine;
        break;
    case Kind::Skipped:
        r.offer = Reaction::Offer::Withdraw;
        r.end_routine = detail == "routine";
        break;
    case Kind::BreakStarted:
        r.offer = Reaction::Offer::Withdraw;
        r.guide = e.guide();
        break;
    case Kind::AwayStarted:
    case Kind::DueCleared:
    case Kind::Paused:
    case Kind::Snoozed: r.offer = Reaction::Offer::Withdraw; break;
    case Kind::BreakCompleted:
    case Kind::BreakStopped: r.end_routine = true; break;
    default: break;
    }
    return r;
}

std::optional<std::string> TrayModel::week_to_offer(const std::function<std::string()>& offered)
{
    if (!status_ || status_->schedule.activity != ActivityKind::Active) return std::nullopt;
    const std::string& week = status_->week;
    if (week.empty() || week == week_checked_) return std::nullopt;
    week_checked_ = week;
    if (week == offered()) return std::nullopt;
    return week;
}

std::optional<WeekHeadline> TrayModel::headline(const WeekFigures& w)
{
    if (w.due == 0 && w.active.count() == 0) return std::nullopt;
    WeekHeadline h;
    h.taken = w.taken;
    h.due = w.due;
    if (w.due > 0) h.percent_taken = (w.taken * 100 + w.due / 2) / w.due;
    h.active = w.active;
    h.streak_days = w.streak_days;
    h.week = w.week.to_string();
    return h;
}

Offers TrayModel::offers() const
{
    Offers o;
    o.start_daemon = !running_;
    if (!running_ || !status_) return o;
    const Phase phase = status_->schedule.phase;
    o.start = phase != Phase::InBreak;
    o.snooze = phase == Phase::Due && status_->schedule.snoozes_left > 0;
    o.skip = phase != Phase::InBreak && phase != Phase::Paused;
    o.skip_due = phase == Phase::Due;
    o.resume = phase == Phase::Paused;
    o.pause = !o.resume;
    o.summary = true;
    return o;
}

TodayLine TrayModel::today(const protocol::SummaryReport& summary)
{
    TodayLine line;
    for (const DayFigures& d : summary.summary.week.days)
        if (d.day == summary.today) {
            line.taken = d.taken;
            line.due = d.due;
            line.active = d.active;
        }
    line.streak_days = summary.summary.week.streak_days;
    return line;
}

}  // namespace limber::tray
