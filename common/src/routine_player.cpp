#include "limber/routine_player.hpp"

#include <algorithm>

namespace limber {

using std::chrono::duration_cast;
using std::chrono::milliseconds;

RoutinePlayer::RoutinePlayer(const Catalog& catalog, Plan plan)
    : plan_(std::move(plan)), steps_(routine_steps(catalog, plan_)), cues_(cue_timeline(catalog, steps_)), total_(total_length(steps_))
{
}

bool RoutinePlayer::in_exercise(std::size_t step) const
{
    return step < steps_.size() && static_cast<std::size_t>(steps_[step].exercise_index) == exercise_;
}

const RoutineStep* RoutinePlayer::step() const { return in_exercise(step_) ? &steps_[step_] : nullptr; }

Millis RoutinePlayer::routine_time(MonoTime now) const { return duration_cast<milliseconds>(now - anchor_); }

RoutinePlayer::Events RoutinePlayer::start(MonoTime now)
{
    Events events;
    mode_ = Mode::Running;
    restart(now, events);
    show_exercise(events);
    return events;
}

void RoutinePlayer::restart(MonoTime now, Events& events)
{
    // Routine time resumes where it stood: elapsed_ whole seconds in.
    anchor_ = now - elapsed_;
    run(now, events);
}

RoutinePlayer::Events RoutinePlayer::advance(MonoTime now)
{
    Events events;
    run(now, events);
    return events;
}

void RoutinePlayer::run(MonoTime now, Events& events)
{
    if (mode_ != Mode::Running || paused_) return;
    const auto at = routine_time(now);
    // The cues of this exercise that are due (the next exercise's wait for the feedback).
    while (next_cue_ < cues_.size() && cues_[next_cue_].at <= at && cues_[next_cue_].kind != Cue::Kind::RoutineEnd &&
           static_cast<std::size_t>(cues_[next_cue_].exercise_index) == exercise_)
        events.cues.push_back(cues_[next_cue_++]);
    while (mode_ == Mode::Running && !paused_ && duration_cast<milliseconds>(elapsed_ + Seconds{1}) <= at) second(events);
}

std::optional<MonoTime> RoutinePlayer::next_wake() const
{
    if (mode_ != Mode::Running || paused_) return std::nullopt;
    // The next whole second or the next cue, whichever comes first.
    milliseconds next = duration_cast<milliseconds>(elapsed_ + Seconds{1});
    if (next_cue_ < cues_.size() && static_cast<std::size_t>(cues_[next_cue_].exercise_index) == exercise_)
        next = std::min(next, cues_[next_cue_].at);
    return anchor_ + next;
}

void RoutinePlayer::second(Events& events)
{
    if (mode_ != Mode::Running || paused_) return;
    if (!in_exercise(step_)) return;
    ++elapsed_;
    if (--step_left_ > 0) {
        events.ticked = true;
        return;
    }
    ++step_;
    if (in_exercise(step_)) {
        step_left_ = static_cast<int>(steps_[step_].length.count());
        events.ticked = true;
    } else {
        // The last rep is through: ask how it felt.
        mode_ = Mode::Feedback;
        events.feedback = true;
    }
}

void RoutinePlayer::skip_cues()
{
    const auto at = milliseconds(elapsed_);
    while (next_cue_ < cues_.size() && cues_[next_cue_].kind != Cue::Kind::RoutineEnd &&
           (static_cast<std::size_t>(cues_[next_cue_].exercise_index) < exercise_ || cues_[next_cue_].at < at))
        ++next_cue_;
}

void RoutinePlayer::show_exercise(Events& events)
{
    if (exercise_ >= plan_.size()) {
        finish(done_count_ > 0, done_count_ > 0 ? "" : "all skipped", events);
        return;
    }
    step_ = 0;
    while (step_ < steps_.size() && static_cast<std::size_t>(steps_[step_].exercise_index) < exercise_) ++step_;
    step_left_ = step_ < steps_.size() ? static_cast<int>(steps_[step_].length.count()) : 0;
}

void RoutinePlayer::pause() { paused_ = true; }

RoutinePlayer::Events RoutinePlayer::resume(MonoTime now)
{
    Events events;
    if (!paused_) return events;
    paused_ = false;
    // The partial second before the pause is not kept: the second starts again.
    if (mode_ == Mode::Running) restart(now, events);
    return events;
}

RoutinePlayer::Events RoutinePlayer::done()
{
    Events events;
    if (mode_ != Mode::Running) return events;
    mode_ = Mode::Feedback;
    events.feedback = true;
    return events;
}

RoutinePlayer::Events RoutinePlayer::skip(MonoTime now)
{
    Events events;
    if (mode_ != Mode::Running || exercise_ >= plan_.size()) return events;
    next_exercise(events);
    // Routine time jumped over what was skipped: the clock restarts there, so the next
    // exercise begins now rather than when the skipped one would have ended.
    if (!paused_) restart(now, events);
    show_exercise(events);
    return events;
}

RoutinePlayer::Events RoutinePlayer::rate(MonoTime now, std::optional<Rating> rating)
{
    Events events;
    if (mode_ != Mode::Feedback || exercise_ >= plan_.size()) return events;
    const auto& [id, dose] = plan_[exercise_];
    events.record = Record{id, dose.reps, dose.hold_seconds, rating};
    ++done_count_;
    next_exercise(events);
    // Routine time stood still during the feedback: it starts again here, unless paused.
    if (!paused_) restart(now, events);
    show_exercise(events);
    return events;
}

void RoutinePlayer::next_exercise(Events& events)
{
    // Time skipped still counts toward the bar, so it reaches the end with the routine.
    bool current = true;
    while (in_exercise(step_)) {
        elapsed_ += current ? Seconds{std::max(0, step_left_)} : steps_[step_].length;
        current = false;
        ++step_;
    }
    ++exercise_;
    skip_cues();
    mode_ = Mode::Running;
    events.next_exercise = true;
}

RoutinePlayer::Events RoutinePlayer::hurt()
{
    Events events;
    if (mode_ != Mode::Running || exercise_ >= plan_.size()) return events;
    const auto& [id, dose] = plan_[exercise_];
    events.record = Record{id, 0, dose.hold_seconds, Rating::Pain};
    mode_ = Mode::Hurt;
    events.ended = Ending{false, "pain", std::nullopt};
    return events;
}

void RoutinePlayer::finish(bool completed, const std::string& why, Events& events)
{
    Ending ending{completed, why, std::nullopt};
    if (completed && !cues_.empty() && cues_.back().kind == Cue::Kind::RoutineEnd) ending.cue = cues_.back();
    events.ended = std::move(ending);
    mode_ = Mode::Finished;
}

RoutinePlayer::Events RoutinePlayer::jump(MonoTime now, int seconds)
{
    Events events;
    for (int i = 0; i < seconds && mode_ == Mode::Running; ++i) second(events);
    skip_cues();
    anchor_ = now - elapsed_;
    return events;
}

}  // namespace limber
