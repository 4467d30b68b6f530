#include "limber/scheduler.hpp"

#include <algorithm>
#include <stdexcept>

namespace limber {
namespace {

using namespace std::chrono_literals;
using std::chrono::nanoseconds;

// Calendar moves against the monotonic clock smaller than this are NTP slewing, not a jump.
constexpr nanoseconds jump_threshold = 90s;

std::int64_t day_number(std::chrono::local_days day) { return day.time_since_epoch().count(); }

// How long until the local time `at`. The offset may change on the way (DST, an hour at most)
// and local time with it, so a time more than an hour off is looked at again an hour before.
nanoseconds until_local(const Instant& now, std::chrono::local_time<nanoseconds> at)
{
    const nanoseconds left = at - now.local();
    return left > 1h ? left - 1h : left;
}

Seconds whole_seconds(nanoseconds d) { return std::chrono::floor<Seconds>(d); }

}  // namespace

Scheduler::Scheduler(Settings settings) : settings_(std::move(settings)) {}

void Scheduler::reconfigure(Settings settings) { settings_ = std::move(settings); }

Event Scheduler::event(Event::Kind kind, const Instant& now) const
{
    Event e;
    e.kind = kind;
    e.at = now;
    return e;
}

bool Scheduler::in_hours(const Instant& now) const { return settings_.working_hours.contains(now.local()); }

bool Scheduler::counting() const
{
    if (pause_ || in_break_ || !was_in_hours_) return false;
    switch (activity_) {
    case ActivityKind::Active: return true;
    case ActivityKind::Idle: return settings_.idle_counts_as_sitting && !away_counted_;
    case ActivityKind::Locked:
    case ActivityKind::Asleep: return false;
    }
    return false;
}

void Scheduler::reset_cycle()
{
    earned_ = nanoseconds{0};
    warned_ = false;
    snoozed_ = false;
    snoozes_used_ = 0;
    due_.reset();
    snoozed_due_.reset();
    held_.reset();
    offer_at_.reset();
}

std::vector<Event> Scheduler::feed(const Instant& now, Activity activity)
{
    std::vector<Event> out;
    MonoTime since = std::min(activity.since.value_or(now.mono), now.mono);
    if (!started_) {
        started_ = true;
        last_ = now;
        cursor_ = now.mono;
        activity_ = activity.kind;
        away_since_ = since;
        active_since_ = since;
        was_in_hours_ = in_hours(now);
        check_daily(now, out);
        return out;
    }
    if (now.mono < cursor_) {
        // The monotonic clock never runs back; a caller that says so is restarting us.
        cursor_ = now.mono;
    }

    const nanoseconds skew = (now.wall - last_.wall) - (now.mono - last_.mono);
    if (skew >= jump_threshold || skew <= -jump_threshold) {
        Event e = event(Event::Kind::ClockJumped, now);
        e.length = std::chrono::round<Seconds>(skew);
        e.detail = "the calendar clock moved " + std::string(skew > 0ns ? "forward" : "back") +
                   " against the monotonic clock; durations are unaffected";
        out.push_back(e);
    }

    if (activity.kind != activity_) {
        advance(now, std::max(since, cursor_), out);
        const bool counted_before = counting();
        switch_activity(activity.kind, since, now, out);
        // The source learnt of the change late and that stretch was counted as sitting:
        // take it back if the new state does not count. Events already sent stand.
        if (counted_before && !counting() && since < cursor_) {
            const nanoseconds overlap = cursor_ - std::max(since, active_since_);
            earned_ = std::max(nanoseconds{0}, earned_ - std::max(nanoseconds{0}, overlap));
        }
    }
    advance(now, now.mono, out);
    check_thresholds(now, out);
    check_pause(now, out);
    check_hours(now, out);
    check_daily(now, out);
    check_grace(now, out);
    last_ = now;
    return out;
}

void Scheduler::advance(const Instant& now, MonoTime to, std::vector<Event>& out)
{
    if (to <= cursor_) return;
    if (activity_ != ActivityKind::Active && !away_counted_ && !in_break_) {
        const MonoTime crossing = away_since_ + settings_.natural_break;
        if (crossing <= to) {
            if (crossing > cursor_ && counting()) {
                earned_ += crossing - cursor_;
                check_thresholds(now, out);
            }
            away_counted_ = true;
            away_reported_ = was_in_hours_;
            const bool had_due = due_.has_value() || held_.has_value();
            reset_cycle();
            if (away_reported_) {
                Event e = event(Event::Kind::AwayStarted, now);
                e.detail = had_due ? "the pending break counts as taken" : "";
                e.was_due = had_due;
                out.push_back(e);
            }
            cursor_ = to;
            return;
        }
    }
    if (counting()) earned_ += to - cursor_;
    cursor_ = to;
    check_thresholds(now, out);
}

void Scheduler::check_thresholds(const Instant& now, std::vector<Event>& out)
{
    if (due_ || held_ || !counting()) return;
    const nanoseconds every = settings_.every;
    const nanoseconds warn_at = every - settings_.warn_before;
    // No heads-up during a call: the break will wait for it anyway.
    if (!warned_ && !snoozed_ && hold_.empty() && settings_.warn_before > 0s && earned_ >= warn_at && earned_ < every) {
        warned_ = true;
        Event e = event(Event::Kind::Warning, now);
        e.length = std::chrono::ceil<Seconds>(every - earned_);
        e.routine = snoozed_due_ ? snoozed_due_->routine : settings_.routine;
        out.push_back(e);
    }
    if (earned_ >= every) {
        warned_ = true;
        const bool again = snoozed_due_.has_value();
        Pending p = snoozed_due_.value_or(Pending{settings_.routine, DueReason::Earned});
        snoozed_due_.reset();
        come_due(now, std::move(p), again, out);
    }
}

void Scheduler::come_due(const Instant& now, Pending p, bool again, std::vector<Event>& out)
{
    if (!hold_.empty() || offer_at_) {
        Event e = event(Event::Kind::Held, now);
        e.routine = p.routine;
        e.reason = p.reason;
        e.detail = hold_.empty() ? "grace" : hold_;
        held_ = std::move(p);
        held_since_ = now.mono;
        out.push_back(e);
        return;
    }
    due_ = std::move(p);
    Event e = event(Event::Kind::BreakDue, now);
    e.routine = due_->routine;
    e.reason = due_->reason;
    e.was_due = again;
    if (again) e.detail = "after snooze";
    out.push_back(e);
}

std::vector<Event> Scheduler::hold(const Instant& now, const std::string& why)
{
    std::vector<Event> out = feed(now, Activity{activity_, {}});
    if (why == hold_) return out;
    const bool was_on = !hold_.empty();
    hold_ = why;
    if (!hold_.empty()) {
        if (!was_on) hold_since_ = now.mono;
        // A new signal while the grace period ran: the break waits for this one too.
        offer_at_.reset();
    } else {
        hold_since_.reset();
        if (was_on && held_) {
            offer_at_ = now.mono + nanoseconds{settings_.smart_pause.grace};
            check_grace(now, out);
        }
    }
    return out;
}

void Scheduler::check_grace(const Instant& now, std::vector<Event>& out)
{
    if (!offer_at_ || !hold_.empty() || now.mono < *offer_at_) return;
    offer_at_.reset();
    if (!held_) return;
    Pending p = std::move(*held_);
    held_.reset();
    due_ = std::move(p);
    Event e = event(Event::Kind::BreakDue, now);
    e.routine = due_->routine;
    e.reason = due_->reason;
    e.detail = "held";
    e.was_due = true;  // the break counted when it came due and was held: the same one
    e.length = whole_seconds(now.mono - held_since_);
    out.push_back(e);
}

void Scheduler::switch_activity(ActivityKind kind, MonoTime at, const Instant& now, std::vector<Event>& out)
{
    const bool was_away = activity_ != ActivityKind::Active;
    const bool now_away = kind != ActivityKind::Active;
    if (!was_away && now_away) {
        away_since_ = at;
        away_counted_ = false;
        away_reported_ = false;
    } else if (was_away && !now_away) {
        active_since_ = at;
        if (away_counted_ && away_reported_) {
            Event e = event(Event::Kind::NaturalBreak, now);
            e.length = whole_seconds(now.mono - away_since_);
            out.push_back(e);
        }
        away_counted_ = false;
        away_reported_ = false;
    }
    activity_ = kind;
}

std::optional<WallTime> Scheduler::pause_end(const Instant& now) const
{
    if (!pause_) return std::nullopt;
    if (pause_->until_mono) return now.wall + (*pause_->until_mono - now.mono);
    return pause_->until_wall;
}

void Scheduler::check_pause(const Instant& now, std::vector<Event>& out)
{
    if (!pause_) return;
    const bool over = (pause_->until_mono && now.mono >= *pause_->until_mono) ||
                      (pause_->until_wall && now.wall >= *pause_->until_wall);
    if (!over) return;
    pause_.reset();
    Event e = event(Event::Kind::Resumed, now);
    e.detail = "expired";
    out.push_back(e);
}

void Scheduler::check_hours(const Instant& now, std::vector<Event>& out)
{
    const bool inside = in_hours(now);
    if (inside == was_in_hours_) return;
    was_in_hours_ = inside;
    if (!inside && (due_ || held_)) {
        Event e = event(Event::Kind::DueCleared, now);
        e.routine = due_ ? due_->routine : held_->routine;
        e.detail = "working hours ended";
        due_.reset();
        held_.reset();
        offer_at_.reset();
        out.push_back(e);
    }
}

void Scheduler::check_daily(const Instant& now, std::vector<Event>& out)
{
    const DailyRoutineRule& rule = settings_.daily;
    if (!rule.enabled || activity_ != ActivityKind::Active || pause_ || in_break_) return;
    const auto local = now.local();
    const auto today = std::chrono::floor<std::chrono::days>(local);
    // A working day's routine may come the next morning (after a night shift) and its window may
    // run past midnight: the days before today may still have theirs to come.
    for (auto day = today - std::chrono::days{2}; day <= today; day += std::chrono::days{1}) {
        const auto at = settings_.working_hours.daily_time(day, rule.at);
        if (daily_done_on_ == day_number(day) || !settings_.working_hours.is_working_day(day)) continue;
        if (local < at || local >= at + rule.window) continue;
        // The same moment as the day before's, after its night shift: that one is this one.
        if (settings_.working_hours.daily_time(day - std::chrono::days{1}, rule.at) == at &&
            settings_.working_hours.is_working_day(day - std::chrono::days{1}))
            continue;
        daily_done_on_ = day_number(day);
        warned_ = true;
        held_.reset();  // the daily routine takes the place of a regular break waiting
        come_due(now, Pending{rule.routine, DueReason::Daily}, false, out);
        return;
    }
}

std::int64_t Scheduler::daily_day(const Instant& now) const
{
    const auto local = now.local();
    const auto today = std::chrono::floor<std::chrono::days>(local);
    const auto yesterday = today - std::chrono::days{1};
    if (local < settings_.working_hours.daily_time(yesterday, settings_.daily.at) + settings_.daily.window) return day_number(yesterday);
    return day_number(today);
}

CommandResult Scheduler::start(const Instant& now, const std::string& routine)
{
    CommandResult r;
    r.events = feed(now, Activity{activity_, {}});
    if (in_break_) return CommandResult::not_now("a routine is already running (" + *in_break_ + ")", r.events);
    if (!due_ && held_) {
        // Starting a routine while a break waits settles that break.
        due_ = std::move(held_);
        held_.reset();
        offer_at_.reset();
    }
    const std::string chosen = !routine.empty() ? routine : due_ ? due_->routine : settings_.routine;
    Event e = event(Event::Kind::BreakStarted, now);
    e.routine = chosen;
    e.detail = due_ ? "due" : "on demand";
    e.was_due = due_.has_value();
    if (due_) e.reason = due_->reason;
    due_.reset();
    in_break_ = chosen;
    in_break_was_due_ = e.was_due;
    r.events.push_back(e);
    return r;
}

CommandResult Scheduler::finish(const Instant& now, bool completed, const std::string& why)
{
    CommandResult r;
    r.events = feed(now, Activity{activity_, {}});
    if (!in_break_) return CommandResult::not_now("no routine is running", r.events);
    Event e = event(completed ? Event::Kind::BreakCompleted : Event::Kind::BreakStopped, now);
    e.routine = *in_break_;
    e.detail = why;
    e.was_due = in_break_was_due_;
    if (completed && *in_break_ == settings_.daily.routine) daily_done_on_ = daily_day(now);
    end_break(now);
    r.events.push_back(e);
    return r;
}

void Scheduler::end_break(const Instant& now)
{
    in_break_.reset();
    reset_cycle();
    // Whatever the user does next starts fresh from here, including a stretch away.
    away_since_ = now.mono;
    away_counted_ = false;
}

CommandResult Scheduler::snooze(const Instant& now)
{
    CommandResult r;
    r.events = feed(now, Activity{activity_, {}});
    if (in_break_) return CommandResult::not_now("a routine is running; stop it instead", r.events);
    if (held_) return CommandResult::not_now("the break is already waiting (" + (hold_.empty() ? std::string("grace") : hold_) + "); it will be offered later", r.events);
    if (!due_ && !warned_) return CommandResult::not_now("no break is due to snooze", r.events);
    if (snoozes_used_ >= settings_.max_snoozes)
        return CommandResult::not_now("no snoozes left (" + std::to_string(snoozes_used_) + " of " +
                                          std::to_string(settings_.max_snoozes) + " used): take the break or skip it",
                                      r.events);
    snoozed_due_ = due_.value_or(Pending{settings_.routine, DueReason::Earned});
    due_.reset();
    earned_ = std::max(nanoseconds{0}, nanoseconds{settings_.every - settings_.snooze});
    ++snoozes_used_;
    snoozed_ = true;
    warned_ = true;
    Event e = event(Event::Kind::Snoozed, now);
    e.routine = snoozed_due_->routine;
    e.length = std::chrono::ceil<Seconds>(nanoseconds{settings_.every} - earned_);
    e.count = snoozes_used_;
    r.events.push_back(e);
    return r;
}

CommandResult Scheduler::skip(const Instant& now)
{
    CommandResult r;
    r.events = feed(now, Activity{activity_, {}});
    if (in_break_) {
        // Closing the routine and choosing not to do it: the break it was is skipped.
        Event e = event(Event::Kind::Skipped, now);
        e.routine = *in_break_;
        e.detail = "routine";
        e.was_due = in_break_was_due_;
        end_break(now);
        r.events.push_back(e);
        return r;
    }
    if (!due_ && held_) {
        due_ = std::move(held_);
        held_.reset();
    }
    Event e = event(Event::Kind::Skipped, now);
    e.routine = due_ ? due_->routine : snoozed_due_ ? snoozed_due_->routine : settings_.routine;
    e.detail = due_ ? "due" : "upcoming";
    e.was_due = due_.has_value();
    if (due_) e.reason = due_->reason;
    reset_cycle();
    r.events.push_back(e);
    return r;
}

CommandResult Scheduler::pause(const Instant& now, Seconds length, const std::string& reason)
{
    CommandResult r;
    r.events = feed(now, Activity{activity_, {}});
    if (length <= 0s) return CommandResult::not_now("a pause needs a positive length", r.events);
    pause_ = Pause{now.mono + length, std::nullopt, reason};
    Event e = event(Event::Kind::Paused, now);
    e.until = now.wall + length;
    e.length = length;
    e.detail = reason;
    due_.reset();
    held_.reset();
    offer_at_.reset();
    r.events.push_back(e);
    return r;
}

CommandResult Scheduler::pause_until_tomorrow(const Instant& now, const std::string& reason)
{
    CommandResult r;
    r.events = feed(now, Activity{activity_, {}});
    const auto tomorrow = std::chrono::floor<std::chrono::days>(now.local()) + std::chrono::days{1};
    const WallTime until{tomorrow.time_since_epoch() - nanoseconds{now.utc_offset}};
    pause_ = Pause{std::nullopt, until, reason};
    Event e = event(Event::Kind::Paused, now);
    e.until = until;
    e.length = whole_seconds(until - now.wall);
    e.detail = reason;
    due_.reset();
    held_.reset();
    offer_at_.reset();
    r.events.push_back(e);
    return r;
}

CommandResult Scheduler::resume(const Instant& now)
{
    CommandResult r;
    r.events = feed(now, Activity{activity_, {}});
    if (!pause_) return CommandResult::not_now("not paused", r.events);
    pause_.reset();
    Event e = event(Event::Kind::Resumed, now);
    e.detail = "user";
    r.events.push_back(e);
    return r;
}

std::optional<nanoseconds> Scheduler::next_wake(const Instant& now) const
{
    std::optional<MonoTime> best;
    auto consider = [&](MonoTime t) {
        if (!best || t < *best) best = t;
    };
    if (counting() && !due_ && !held_) {
        const nanoseconds every = settings_.every;
        const nanoseconds warn_at = every - settings_.warn_before;
        const bool warn_next = !warned_ && !snoozed_ && settings_.warn_before > 0s && earned_ < warn_at;
        consider(cursor_ + ((warn_next ? warn_at : every) - earned_));
    }
    if (activity_ != ActivityKind::Active && !away_counted_ && !in_break_) consider(away_since_ + settings_.natural_break);
    if (pause_) {
        if (pause_->until_mono) consider(*pause_->until_mono);
        if (pause_->until_wall) consider(now.mono + (*pause_->until_wall - now.wall));
    }
    if (auto change = settings_.working_hours.next_change(now.local())) consider(now.mono + until_local(now, *change));
    if (settings_.daily.enabled) {
        // The next daily time of a day not done yet; tomorrow's is always ahead.
        const auto local = now.local();
        const auto today = std::chrono::floor<std::chrono::days>(local);
        for (auto day = today - std::chrono::days{1}; day <= today + std::chrono::days{1}; day += std::chrono::days{1}) {
            const auto at = settings_.working_hours.daily_time(day, settings_.daily.at);
            if (at > local && daily_done_on_ != day_number(day)) {
                consider(now.mono + until_local(now, at));
                break;
            }
        }
    }
    if (offer_at_ && hold_.empty()) consider(*offer_at_);
    // The moment a hold turns long changes the status: limberd pushes it then, not on a tick.
    if (hold_since_ && now.mono < *hold_since_ + long_hold) consider(*hold_since_ + long_hold);
    if (!best) return std::nullopt;
    return std::max(nanoseconds{0}, *best - now.mono);
}

Status Scheduler::status(const Instant& now) const
{
    Status s;
    nanoseconds earned = earned_;
    if (counting() && now.mono > cursor_) earned += now.mono - cursor_;
    s.earned = whole_seconds(earned);
    if (in_break_) s.phase = Phase::InBreak;
    else if (pause_) s.phase = Phase::Paused;
    else if (activity_ != ActivityKind::Active && away_counted_) s.phase = Phase::Away;
    else if (due_) s.phase = Phase::Due;
    else if (held_) s.phase = Phase::Held;
    else if (!was_in_hours_) s.phase = Phase::OffHours;
    else s.phase = Phase::Working;
    if (!due_ && !held_) s.until_due = std::chrono::ceil<Seconds>(std::max(nanoseconds{0}, nanoseconds{settings_.every} - earned));
    else s.until_due = Seconds{0};
    s.next_routine = due_ ? due_->routine : held_ ? held_->routine : snoozed_due_ ? snoozed_due_->routine : settings_.routine;
    s.hold = hold_;
    if (held_) s.held_for = whole_seconds(now.mono - held_since_);
    if (hold_since_) {
        s.hold_on = whole_seconds(std::max(nanoseconds{0}, now.mono - *hold_since_));
        s.hold_long = *s.hold_on >= long_hold;
    }
    if (held_ && offer_at_ && hold_.empty())
        s.offer_in = std::chrono::ceil<Seconds>(std::max(nanoseconds{0}, *offer_at_ - now.mono));
    s.in_break_routine = in_break_.value_or("");
    s.paused_until = pause_end(now);
    s.snoozes_left = std::max(0, settings_.max_snoozes - snoozes_used_);
    s.activity = activity_;
    return s;
}

SchedulerState Scheduler::save(const Instant& now) const
{
    SchedulerState st;
    st.earned = status(now).earned;
    st.snoozes_used = snoozes_used_;
    st.paused_until = pause_end(now);
    st.pause_reason = pause_ ? pause_->reason : "";
    st.daily_done_on = daily_done_on_;
    st.saved_at = now.wall;
    if (const auto& pending = due_ ? due_ : held_ ? held_ : snoozed_due_) {
        st.due_routine = pending->routine;
        st.due_reason = pending->reason;
        st.due_snoozed = !due_ && !held_;
        st.due_held = !due_ && held_;
    }
    return st;
}

void Scheduler::restore(const SchedulerState& state, const Instant& now)
{
    const nanoseconds gap = now.wall - state.saved_at;
    const bool away_long = gap >= nanoseconds{settings_.natural_break};
    reset_cycle();
    if (!away_long) {
        earned_ = state.earned;
        snoozes_used_ = state.snoozes_used;
        warned_ = earned_ >= nanoseconds{settings_.every - settings_.warn_before};
        if (state.due_routine) {
            const Pending pending{*state.due_routine, state.due_reason};
            if (state.due_snoozed) {
                snoozed_due_ = pending;
                snoozed_ = true;
                warned_ = true;
            } else if (state.due_held) {
                // Held and already counted: it waits on. The signals report again as limberd
                // starts; if none is on by the end of the grace period, it is offered.
                held_ = pending;
                held_since_ = now.mono;
                offer_at_ = now.mono + nanoseconds{settings_.smart_pause.grace};
                warned_ = true;
            } else {
                due_ = pending;  // already announced: not again
            }
        }
    }
    pause_.reset();
    if (state.paused_until && *state.paused_until > now.wall)
        pause_ = Pause{std::nullopt, state.paused_until, state.pause_reason};
    daily_done_on_ = state.daily_done_on;
}

}  // namespace limber
