// A routine being played, as a pure state machine: which exercise and step it is at, the
// seconds left in the step, the routine time so far, pause, the feedback between exercises,
// and which cues of the timeline are due. It never reads a clock: each call passes the
// monotonic time it is made at, and next_wake() says when to call advance() again. The
// routine popup renders it and forwards the user's clicks to it.
#pragma once

#include "limber/catalog.hpp"
#include "limber/clock.hpp"
#include "limber/cues.hpp"
#include "limber/illustration.hpp"
#include "limber/routine_steps.hpp"
#include "limber/store.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace limber {

class RoutinePlayer {
public:
    using Plan = std::vector<std::pair<std::string, DoseStep>>;

    // Running: the countdown (which may be paused). Feedback: an exercise is through and the
    // user is asked how it felt; routine time stands still. Hurt: stopped for pain.
    // Finished: the routine is over, done or stopped.
    enum class Mode { Running, Feedback, Hurt, Finished };

    // One exercise as limberd records it: done (with the user's rating, or none), or stopped
    // for pain (no reps, rated Pain).
    struct Record {
        std::string exercise;  // id
        int reps = 0;
        int hold_seconds = 0;
        std::optional<Rating> rating;
        friend bool operator==(const Record&, const Record&) = default;
    };

    struct Ending {
        bool completed = false;
        std::string why;         // empty when completed; "pain", "all skipped" otherwise
        std::optional<Cue> cue;  // the timeline's RoutineEnd, to be heard after the ending is reported
        friend bool operator==(const Ending&, const Ending&) = default;
    };

    // What a call made happen, to be acted on in this order: the record reported, the cues
    // heard, then the ending.
    struct Events {
        std::optional<Record> record;  // an exercise was done or stopped for pain
        std::vector<Cue> cues;         // due now, in timeline order, each once
        bool ticked = false;           // whole seconds passed and the countdown still runs
        bool feedback = false;         // the exercise is through: ask how it felt
        bool next_exercise = false;    // the cursor moved to the next exercise (or past the last)
        std::optional<Ending> ended;   // the routine ended here
    };

    // The plan is the exercises with the dose each is at (limberd's start reply). Nothing
    // runs until start().
    RoutinePlayer(const Catalog& catalog, Plan plan);

    // Routine time 0 is `now`; the first exercise's opening cues are due. An empty plan ends
    // at once, "all skipped".
    Events start(MonoTime now);

    // Runs routine time up to `now`: the cues of this exercise that are due, then whole
    // seconds, step by step; the exercise's last second asks for feedback. Nothing while
    // paused or not running.
    Events advance(MonoTime now);

    // When advance() has something to do next: the next whole second of routine time or the
    // next cue of this exercise, whichever is first. None while paused or not running.
    [[nodiscard]] std::optional<MonoTime> next_wake() const;

    // Routine time stands still from the last whole second until resume(); cues wait too.
    void pause();
    Events resume(MonoTime now);

    // "Next": the exercise counts as done and the user is asked how it felt.
    Events done();
    // "Skip exercise": on to the next exercise without a record, which begins at `now` (its
    // opening cues due at once) unless paused. The skipped time counts toward the progress.
    Events skip(MonoTime now);
    // The answer to "how did that feel?": the exercise is recorded and the next one begins.
    Events rate(MonoTime now, std::optional<Rating> rating);
    // "Stop, this hurts": the exercise is recorded as pain and the routine ends.
    Events hurt();

    // For tests and screenshots: `seconds` of countdown pass at once, as if no time were
    // spent; their cues are not heard, and routine time carries on from there at `now`.
    Events jump(MonoTime now, int seconds);

    // For the view.
    [[nodiscard]] Mode mode() const { return mode_; }
    [[nodiscard]] bool paused() const { return paused_; }
    [[nodiscard]] const Plan& plan() const { return plan_; }
    [[nodiscard]] const std::vector<RoutineStep>& steps() const { return steps_; }
    [[nodiscard]] std::size_t exercise_index() const { return exercise_; }  // into plan(); plan().size() once past the last
    [[nodiscard]] std::size_t step_index() const { return step_; }          // into steps()
    // The step being counted down, or none once this exercise's steps are through.
    [[nodiscard]] const RoutineStep* step() const;
    [[nodiscard]] int step_left() const { return step_left_; }  // whole seconds
    [[nodiscard]] Seconds elapsed() const { return elapsed_; }  // routine time, whole seconds
    [[nodiscard]] Seconds total() const { return total_; }
    [[nodiscard]] int done_count() const { return done_count_; }
    [[nodiscard]] Pose pose() const { return pose_at(steps_, step_, Seconds{step_left_}); }
    // How far into the routine `now` is, on the routine's clock (for logs).
    [[nodiscard]] Millis routine_time(MonoTime now) const;
    [[nodiscard]] const std::vector<Cue>& cues() const { return cues_; }

private:
    // The clock restarts at `now` from the whole seconds done so far, and runs.
    void restart(MonoTime now, Events& events);
    void run(MonoTime now, Events& events);
    void second(Events& events);
    void show_exercise(Events& events);
    void next_exercise(Events& events);
    void finish(bool completed, const std::string& why, Events& events);
    void skip_cues();
    [[nodiscard]] bool in_exercise(std::size_t step) const;

    Plan plan_;
    std::vector<RoutineStep> steps_;
    std::vector<Cue> cues_;
    Seconds total_{0};
    std::size_t exercise_ = 0;
    std::size_t step_ = 0;
    int step_left_ = 0;
    Seconds elapsed_{0};
    int done_count_ = 0;
    bool paused_ = false;
    Mode mode_ = Mode::Running;
    std::size_t next_cue_ = 0;
    // Routine time 0 on the monotonic clock: now - anchor_ is how far into the routine we are.
    // Pauses and the feedback between exercises move it, so routine time stands still then.
    MonoTime anchor_{};
};

}  // namespace limber
