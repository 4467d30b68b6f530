#include "limber/engine.hpp"

namespace limber {

Engine::Engine(Catalog catalog, Settings settings, Store& store, const Instant& now, ActivityKind initial,
               EventSink sink, Warn warn)
    : catalog_(std::move(catalog)), store_(store), scheduler_(std::move(settings)), progression_(catalog_),
      sink_(std::move(sink)), warn_(std::move(warn)), span_kind_(initial), span_start_(Stamp::of(now)),
      span_start_mono_(now.mono)
{
    try {
        if (auto saved = store_.value(state_key)) scheduler_.restore(SchedulerState::from_json(*saved), now);
    } catch (const std::exception& e) {
        warn_(std::string("the saved schedule could not be restored, starting fresh: ") + e.what());
    }
    try {
        if (auto saved = store_.value(Progression::store_key)) progression_.load_json(*saved);
    } catch (const std::exception& e) {
        warn_(std::string("the saved progression could not be restored, starting at the easy end: ") + e.what());
    }
    publish(scheduler_.feed(now, initial));
}

void Engine::publish(const std::vector<Event>& events)
{
    for (const Event& e : events) {
        store_.append(Record::from(e));
        sink_(e);
    }
}

CommandResult Engine::publish(CommandResult result)
{
    publish(result.events);
    return result;
}

void Engine::close_span(const Stamp& end, MonoTime end_mono)
{
    // A span is as long as it lasted. When the calendar was set while it ran (the scheduler's
    // clock_jumped), its calendar length is wrong by the jump: it is recorded with its real
    // length from where it began, and the next begins on the new calendar.
    constexpr std::chrono::seconds jump{90};
    const auto lasted = end_mono - span_start_mono_;
    const auto on_calendar = end.utc - span_start_.utc;
    const bool jumped = on_calendar - lasted > jump || lasted - on_calendar > jump;
    const WallTime span_end = jumped ? span_start_.utc + lasted : end.utc;
    if (span_end > span_start_.utc) store_.append(Span{span_kind_, span_start_, span_end});
    span_start_ = end;
    span_start_mono_ = end_mono;
}

void Engine::activity(const Instant& now, const Activity& activity)
{
    if (activity.kind != span_kind_) {
        // A state learnt late began at `since`: the span before it ends there.
        Stamp at = Stamp::of(now);
        MonoTime at_mono = now.mono;
        if (activity.since && *activity.since < now.mono) {
            at.utc -= now.mono - *activity.since;
            at_mono = *activity.since;
        }
        if (at.utc < span_start_.utc) at.utc = span_start_.utc;
        if (at_mono < span_start_mono_) at_mono = span_start_mono_;
        close_span(at, at_mono);
        span_kind_ = activity.kind;
    }
    publish(scheduler_.feed(now, activity));
}

void Engine::hold(const Instant& now, const std::string& why) { publish(scheduler_.hold(now, why)); }

void Engine::wake(const Instant& now) { publish(scheduler_.feed(now, Activity{span_kind_, {}})); }

std::optional<Routine> Engine::routine(const std::string& id) const
{
    if (id.starts_with("single:")) {
        if (const Exercise* e = catalog_.find_exercise(id.substr(7))) return catalog_.single(*e);
        return std::nullopt;
    }
    if (const Routine* r = catalog_.find_routine(id)) return *r;
    return std::nullopt;
}

CommandResult Engine::start(const Instant& now, const std::string& routine_id)
{
    if (!routine_id.empty() && !routine(routine_id)) return CommandResult::unknown("unknown routine \"" + routine_id + "\"");
    return publish(scheduler_.start(now, routine_id));
}

CommandResult Engine::finish(const Instant& now, bool completed, const std::string& why)
{
    return publish(scheduler_.finish(now, completed, why));
}

CommandResult Engine::snooze(const Instant& now) { return publish(scheduler_.snooze(now)); }
CommandResult Engine::skip(const Instant& now) { return publish(scheduler_.skip(now)); }
CommandResult Engine::pause(const Instant& now, Seconds length) { return publish(scheduler_.pause(now, length)); }
CommandResult Engine::pause_until_tomorrow(const Instant& now) { return publish(scheduler_.pause_until_tomorrow(now)); }
CommandResult Engine::resume(const Instant& now) { return publish(scheduler_.resume(now)); }

CommandResult Engine::step(const Instant& now, const StepReport& report)
{
    if (!catalog_.find_exercise(report.exercise)) return CommandResult::unknown("unknown exercise \"" + report.exercise + "\"");
    Record r;
    r.at = Stamp::of(now);
    r.kind = "exercise_completed";
    r.routine = scheduler_.status(now).in_break_routine;
    r.exercise = report.exercise;
    r.side = report.side;
    r.reps = report.reps;
    r.hold_seconds = report.hold_seconds;
    store_.append(r);
    CommandResult result;
    if (report.feedback) {
        store_.append(Feedback{Stamp::of(now), report.exercise, *report.feedback});
        const ProgressChange change = progression_.rate(report.exercise, *report.feedback, now.wall);
        store_.set_value(Progression::store_key, progression_.to_json());
        if (change.paused) warn_("\"" + report.exercise + "\" is paused after repeated pain reports");
    }
    return result;
}

CommandResult Engine::reenable(const std::string& exercise)
{
    if (!catalog_.find_exercise(exercise)) return CommandResult::unknown("unknown exercise \"" + exercise + "\"");
    progression_.reenable(exercise);
    store_.set_value(Progression::store_key, progression_.to_json());
    return {};
}

void Engine::reconfigure(Settings settings) { scheduler_.reconfigure(std::move(settings)); }

void Engine::save(const Instant& now)
{
    close_span(Stamp::of(now), now.mono);
    store_.set_value(state_key, scheduler_.save(now).to_json());
}

}  // namespace limber
