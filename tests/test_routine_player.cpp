// The routine as it is played: countdown, reps and sides, pause, the feedback between
// exercises, the cue cursor, and what is reported. Driven by a fake clock; the shipped catalog
// gives the steps (chin tucks at 2 reps of 5 s: ease in 1 s, hold 5 s, release 2 s, twice).
#include "limber/routine_player.hpp"

#include "support/catch.hpp"
#include "support/fixtures.hpp"
#include "support/fake_clock.hpp"

#include <algorithm>

namespace {

using limber::Cue;
using limber::MonoTime;
using limber::RoutinePlayer;
using limber::RoutineStep;
using Mode = RoutinePlayer::Mode;
using Phase = RoutineStep::Phase;
using K = Cue::Kind;
using namespace std::chrono_literals;

const limber::Catalog& catalog()
{
    return limber::test::shipped_catalog();
}

// Chin tucks (16 s, no setup) then shoulder-blade squeezes.
const RoutinePlayer::Plan two = {{"chin-tucks", {2, 5}}, {"scapular-squeezes", {1, 3}}};

struct Run {
    limber::test::FakeClock clock{std::chrono::local_days{std::chrono::year{2024} / 4 / 12}, 9h};
    MonoTime t0 = clock.now().mono;
    RoutinePlayer player;
    explicit Run(RoutinePlayer::Plan plan, const limber::Catalog& c = catalog()) : player(c, std::move(plan)) {}

    MonoTime now() const { return clock.now().mono; }
    // Real time passes and the player is told.
    RoutinePlayer::Events pass(std::chrono::nanoseconds d)
    {
        clock.advance(d);
        return player.advance(now());
    }
    // Time passes in small ticks, as a timer would deliver it; the cues heard, in order.
    std::vector<Cue> pass_ticking(std::chrono::milliseconds d, std::chrono::milliseconds tick = 100ms)
    {
        std::vector<Cue> heard;
        for (auto gone = 0ms; gone < d; gone += tick) {
            const auto e = pass(tick);
            heard.insert(heard.end(), e.cues.begin(), e.cues.end());
        }
        return heard;
    }
};

std::vector<K> kinds(const std::vector<Cue>& cues)
{
    std::vector<K> out;
    for (const auto& c : cues) out.push_back(c.kind);
    return out;
}

std::vector<Cue> cues_of(const limber::Catalog& c, const RoutinePlayer::Plan& plan)
{
    return limber::cue_timeline(c, limber::routine_steps(c, plan));
}

}  // namespace

TEST_CASE("the player starts on the first step with its opening cues, and nothing runs before start")
{
    Run r(two);
    const auto e = r.player.start(r.t0);
    CHECK(kinds(e.cues) == std::vector<K>{K::ExerciseStart, K::Rep});
    CHECK(e.cues[0].exercise == "chin-tucks");
    CHECK_FALSE(e.ended);
    CHECK(r.player.mode() == Mode::Running);
    CHECK(r.player.exercise_index() == 0);
    REQUIRE(r.player.step());
    CHECK(r.player.step()->phase == Phase::Move);
    CHECK(r.player.step_left() == 1);
    CHECK(r.player.elapsed() == 0s);
    CHECK(r.player.total() == 16s + limber::total_length(limber::routine_steps(catalog(), {two[1]})));
}

TEST_CASE("a hold counts down one whole second at a time")
{
    Run r(two);
    r.player.start(r.t0);
    auto e = r.pass(999ms);
    CHECK_FALSE(e.ticked);
    CHECK(r.player.step_left() == 1);
    CHECK(r.player.elapsed() == 0s);
    e = r.pass(1ms);
    CHECK(e.ticked);
    REQUIRE(r.player.step());
    CHECK(r.player.step()->phase == Phase::Hold);
    CHECK(r.player.step_left() == 5);
    CHECK(kinds(e.cues) == std::vector<K>{K::HoldStart});
    for (int left = 4; left >= 1; --left) {
        e = r.pass(1s);
        CHECK(e.ticked);
        CHECK(r.player.step()->phase == Phase::Hold);
        CHECK(r.player.step_left() == left);
    }
    CHECK(r.player.elapsed() == 5s);
    e = r.pass(1s);
    CHECK(r.player.step()->phase == Phase::Release);
    CHECK(r.player.step_left() == 2);
    CHECK(kinds(e.cues) == std::vector<K>{K::Release});
    // A late tick catches up every second it missed.
    e = r.pass(3500ms);
    CHECK(r.player.elapsed() == 9s);
    CHECK(r.player.step()->rep == 2);
    CHECK(r.player.step()->phase == Phase::Hold);
    CHECK(r.player.step_left() == 5);
}

TEST_CASE("reps advance, and a per-side exercise goes left then right")
{
    Run r({{"thread-the-needle", {2, 20}}});
    std::vector<Cue> heard = r.player.start(r.t0).cues;
    REQUIRE(r.player.step());
    CHECK(r.player.step()->phase == Phase::Setup);
    CHECK(r.player.step()->rep == 0);
    CHECK(r.player.step_left() == 15);
    std::vector<std::pair<std::string, int>> seen;  // side, rep: each change once (the setup has neither)
    while (r.player.mode() == Mode::Running) {
        const auto e = r.pass(1s);
        heard.insert(heard.end(), e.cues.begin(), e.cues.end());
        if (const RoutineStep* s = r.player.step(); s && (seen.empty() || seen.back() != std::pair{s->side, s->rep}))
            seen.emplace_back(s->side, s->rep);
    }
    CHECK(seen == std::vector<std::pair<std::string, int>>{{"", 0}, {"left", 1}, {"left", 2}, {"right", 1}, {"right", 2}});
    CHECK(std::count(heard.begin(), heard.end(), cues_of(catalog(), {{"thread-the-needle", {2, 20}}})[0]) == 1);
    CHECK(std::count_if(heard.begin(), heard.end(), [](const Cue& c) { return c.kind == K::SwitchSides; }) == 1);
    CHECK(r.player.mode() == Mode::Feedback);
    CHECK(r.player.elapsed() == limber::total_length(limber::routine_steps(catalog(), {{"thread-the-needle", {2, 20}}})));
}

TEST_CASE("an exercise's last second asks for feedback, and routine time stands still until the answer")
{
    Run r(two);
    r.player.start(r.t0);
    auto e = r.pass(15s);
    CHECK(r.player.mode() == Mode::Running);
    e = r.pass(1s);
    CHECK(e.feedback);
    CHECK_FALSE(e.ticked);  // the countdown's last picture stays
    CHECK(r.player.mode() == Mode::Feedback);
    CHECK(r.player.elapsed() == 16s);
    CHECK_FALSE(r.player.step());
    // The exercise's end is heard; the next exercise's start waits for the answer.
    CHECK(kinds(e.cues) == std::vector<K>{K::ExerciseEnd});
    CHECK_FALSE(r.player.next_wake());

    e = r.pass(2min);
    CHECK(e.cues.empty());
    CHECK_FALSE(e.ticked);
    CHECK(r.player.elapsed() == 16s);

    e = r.player.rate(r.now(), limber::Rating::Hard);
    REQUIRE(e.record);
    CHECK(*e.record == RoutinePlayer::Record{"chin-tucks", 2, 5, limber::Rating::Hard});
    CHECK(e.next_exercise);
    CHECK_FALSE(e.ended);
    REQUIRE_FALSE(e.cues.empty());
    CHECK(e.cues[0].kind == K::ExerciseStart);
    CHECK(e.cues[0].exercise == "scapular-squeezes");
    CHECK(r.player.mode() == Mode::Running);
    CHECK(r.player.exercise_index() == 1);
    CHECK(r.player.done_count() == 1);
    // Routine time goes on from 16 s: the two minutes of feedback are not counted.
    CHECK(r.player.routine_time(r.now()) == 16s);
    CHECK(r.player.next_wake() == r.now() + 1s);
    e = r.pass(1s);
    CHECK(e.ticked);
    CHECK(r.player.elapsed() == 17s);
}

TEST_CASE("pause freezes the countdown and the cues, and resume starts the second again")
{
    Run r(two);
    r.player.start(r.t0);
    r.pass(2500ms);  // in the hold, 4 s left; the countdown's "3" is due at 3 s
    CHECK(r.player.step_left() == 4);
    r.player.pause();
    CHECK(r.player.paused());
    CHECK_FALSE(r.player.next_wake());
    auto e = r.pass(10min);
    CHECK(e.cues.empty());
    CHECK_FALSE(e.ticked);
    CHECK(r.player.step_left() == 4);
    CHECK(r.player.elapsed() == 2s);

    e = r.player.resume(r.now());
    CHECK(e.cues.empty());
    CHECK_FALSE(r.player.paused());
    // The half second before the pause is not kept: the next second is a whole second away.
    CHECK(r.player.routine_time(r.now()) == 2s);
    CHECK(r.player.next_wake() == r.now() + 1s);
    e = r.pass(999ms);
    CHECK(e.cues.empty());
    CHECK(r.player.step_left() == 4);
    e = r.pass(1ms);
    CHECK(kinds(e.cues) == std::vector<K>{K::Countdown});
    CHECK(e.cues[0].count == 3);
    CHECK(r.player.step_left() == 3);

    // Resuming what is not paused changes nothing.
    e = r.player.resume(r.now() + 500ms);
    CHECK(e.cues.empty());
    CHECK(r.player.next_wake() == r.now() + 1s);
}

TEST_CASE("a pause carries over the feedback into the next exercise")
{
    Run r(two);
    r.player.start(r.t0);
    r.pass(3s);
    r.player.pause();
    CHECK(r.player.done().feedback);
    auto e = r.player.rate(r.now(), limber::Rating::Ok);
    CHECK(e.record);
    CHECK(e.cues.empty());  // the next exercise waits for resume
    CHECK(r.player.paused());
    CHECK(r.player.mode() == Mode::Running);
    CHECK_FALSE(r.player.next_wake());
    r.pass(1min);
    CHECK(r.player.elapsed() == 16s);
    e = r.player.resume(r.now());
    REQUIRE_FALSE(e.cues.empty());
    CHECK(e.cues[0].kind == K::ExerciseStart);
    CHECK(e.cues[0].exercise_index == 1);
}

TEST_CASE("every cue comes once, in timeline order, on time, whatever the ticks")
{
    const auto tick = std::chrono::milliseconds{GENERATE(100, 1000, 2300, 7000)};
    INFO(tick.count() << " ms ticks");
    const RoutinePlayer::Plan plan = {{"chin-tucks", {2, 5}}, {"cat-cow", {2, 0}}, {"thread-the-needle", {1, 20}}};
    Run r(plan);
    std::vector<Cue> heard = r.player.start(r.t0).cues;
    std::optional<RoutinePlayer::Ending> ended;
    for (int guard = 0; guard < 10000 && !ended; ++guard) {
        const auto e = r.pass(tick);
        for (const auto& c : e.cues) {
            const auto late = r.player.routine_time(r.now()) - c.at;
            CHECK(late >= 0ms);
            CHECK(late < tick);
        }
        heard.insert(heard.end(), e.cues.begin(), e.cues.end());
        if (r.player.mode() == Mode::Feedback) {
            const auto f = r.player.rate(r.now(), std::nullopt);
            heard.insert(heard.end(), f.cues.begin(), f.cues.end());
            if (f.ended) ended = f.ended;
        }
    }
    REQUIRE(ended);
    CHECK(ended->completed);
    CHECK(ended->why.empty());
    REQUIRE(ended->cue);
    CHECK(ended->cue->kind == K::RoutineEnd);
    heard.push_back(*ended->cue);
    CHECK(heard == cues_of(catalog(), plan));
    CHECK(r.player.mode() == Mode::Finished);
    CHECK(r.player.elapsed() == r.player.total());
    CHECK_FALSE(r.player.next_wake());
    CHECK(r.pass(1min).cues.empty());
}

TEST_CASE("next_wake aims at the next whole second or the next cue, whichever is first")
{
    // Cat-cow at a 5 s tempo breathes out halfway through a rep: 2.5 s in.
    limber::Catalog c = catalog();
    auto it = std::find_if(c.exercises.begin(), c.exercises.end(), [](const auto& e) { return e.id == "cat-cow"; });
    REQUIRE(it != c.exercises.end());
    it->dose.rep_seconds = 5;
    Run r({{"cat-cow", {2, 0}}}, c);
    r.player.start(r.t0);
    CHECK(r.player.next_wake() == r.t0 + 1s);
    r.pass(15s);  // the setup is over: breathe in
    CHECK(r.player.step()->phase == Phase::Move);
    CHECK(r.player.next_wake() == r.t0 + 16s);
    r.pass(2s);
    CHECK(r.player.next_wake() == r.t0 + 17500ms);
    auto e = r.pass(500ms);
    CHECK(kinds(e.cues) == std::vector<K>{K::BreatheOut});
    CHECK_FALSE(e.ticked);
    CHECK(r.player.next_wake() == r.t0 + 18s);
    // A tick that comes early finds nothing due and the aim stays.
    e = r.pass(200ms);
    CHECK(e.cues.empty());
    CHECK_FALSE(e.ticked);
    CHECK(r.player.next_wake() == r.t0 + 18s);
}

TEST_CASE("cues jumped past are never heard; a cue at the moment jumped to still is")
{
    Run r(two);
    r.player.start(r.t0);
    // Into the first hold: its start (1 s) and the countdown's 3 (3 s) and 2 (4 s) are passed.
    auto e = r.player.jump(r.now(), 5);
    CHECK(e.cues.empty());
    CHECK(e.ticked);
    CHECK(r.player.elapsed() == 5s);
    CHECK(r.player.step_left() == 1);
    CHECK(r.player.next_wake() == r.now());  // the countdown's 1, at 5 s, is due now
    e = r.pass(1ms);
    CHECK(kinds(e.cues) == std::vector<K>{K::Countdown});
    CHECK(e.cues[0].count == 1);
    std::vector<Cue> heard = r.pass_ticking(30s);
    CHECK(r.player.mode() == Mode::Feedback);
    for (const auto& c : heard) CHECK(c.at > 5s);
    CHECK(kinds(heard).front() == K::Release);
    CHECK(kinds(heard).back() == K::ExerciseEnd);
}

TEST_CASE("jumping past an exercise's end asks for feedback and goes no further")
{
    Run r(two);
    r.player.start(r.t0);
    const auto e = r.player.jump(r.now(), 100);
    CHECK(e.feedback);
    CHECK(e.cues.empty());
    CHECK(r.player.mode() == Mode::Feedback);
    CHECK(r.player.elapsed() == 16s);
    CHECK(r.player.exercise_index() == 0);
}

TEST_CASE("Next ends the exercise early; its rest counts toward the routine's progress")
{
    Run r(two);
    r.player.start(r.t0);
    r.pass(3s);  // hold of rep 1, 3 s left
    auto e = r.player.done();
    CHECK(e.feedback);
    CHECK_FALSE(e.record);  // reported with the answer
    CHECK(r.player.mode() == Mode::Feedback);
    CHECK_FALSE(r.player.next_wake());
    CHECK(r.pass(1min).cues.empty());
    e = r.player.rate(r.now(), std::nullopt);
    REQUIRE(e.record);
    CHECK(*e.record == RoutinePlayer::Record{"chin-tucks", 2, 5, std::nullopt});
    CHECK(r.player.elapsed() == 16s);
    CHECK(r.player.routine_time(r.now()) == 16s);
    // The rest of chin tucks' cues are dropped; the squeezes' begin.
    REQUIRE_FALSE(e.cues.empty());
    for (const auto& c : e.cues) CHECK(c.exercise_index == 1);
}

TEST_CASE("skip moves on without a record, and skipping everything ends as all skipped")
{
    Run r(two);
    r.player.start(r.t0);
    r.pass(3s);
    auto e = r.player.skip(r.now());
    CHECK_FALSE(e.record);
    CHECK(e.next_exercise);
    CHECK_FALSE(e.ended);
    CHECK(r.player.exercise_index() == 1);
    CHECK(r.player.elapsed() == 16s);
    CHECK(r.player.done_count() == 0);
    REQUIRE(r.player.step());
    CHECK(r.player.step()->exercise == "scapular-squeezes");
    e = r.player.skip(r.now());
    CHECK_FALSE(e.record);
    REQUIRE(e.ended);
    CHECK(*e.ended == RoutinePlayer::Ending{false, "all skipped", std::nullopt});
    CHECK(r.player.mode() == Mode::Finished);
    CHECK(r.player.elapsed() == r.player.total());
    CHECK_FALSE(r.player.next_wake());
    CHECK_FALSE(r.player.skip(r.now()).ended);  // once over, it stays over
}

TEST_CASE("a routine with one exercise done and the last one skipped is completed")
{
    Run r(two);
    r.player.start(r.t0);
    r.player.done();
    r.player.rate(r.now(), limber::Rating::Easy);
    const auto e = r.player.skip(r.now());
    REQUIRE(e.ended);
    CHECK(e.ended->completed);
    CHECK(e.ended->why.empty());
    REQUIRE(e.ended->cue);
    CHECK(*e.ended->cue == cues_of(catalog(), two).back());
}

TEST_CASE("a skip starts the next exercise at once: its opening cue now, its first second a second later")
{
    Run r(two);
    r.player.start(r.t0);
    r.pass(3s);
    const auto skipped = r.player.skip(r.now());
    // Routine time jumps over the 13 seconds the skipped exercise had left.
    CHECK(r.player.elapsed() == 16s);
    CHECK(r.player.routine_time(r.now()) == 16s);
    REQUIRE_FALSE(skipped.cues.empty());
    CHECK(skipped.cues[0].kind == K::ExerciseStart);
    CHECK(skipped.cues[0].exercise_index == 1);
    CHECK(r.player.next_wake() <= r.now() + 1s);
    auto e = r.pass(1s);
    CHECK(e.ticked);
    CHECK(r.player.elapsed() == 17s);
    // Nothing of the skipped exercise is heard later, and the next one runs to its end.
    e = r.pass(1min);
    for (const auto& c : e.cues) CHECK(c.exercise_index == 1);
    CHECK(r.player.mode() == Mode::Feedback);
    CHECK(r.player.elapsed() == r.player.total());
}

TEST_CASE("a skip while paused waits for resume")
{
    Run r(two);
    r.player.start(r.t0);
    r.pass(3s);
    r.player.pause();
    auto e = r.player.skip(r.now());
    CHECK(e.cues.empty());
    CHECK_FALSE(r.player.next_wake());
    r.pass(1min);
    e = r.player.resume(r.now());
    REQUIRE_FALSE(e.cues.empty());
    CHECK(e.cues[0].kind == K::ExerciseStart);
    CHECK(e.cues[0].exercise_index == 1);
    CHECK(r.player.next_wake() == r.now() + 1s);
}

TEST_CASE("stopping for pain records the exercise as pain and ends the routine, without its end cue")
{
    Run r(two);
    r.player.start(r.t0);
    r.player.done();
    r.player.rate(r.now(), limber::Rating::Easy);
    r.pass(2s);
    const auto e = r.player.hurt();
    REQUIRE(e.record);
    CHECK(*e.record == RoutinePlayer::Record{"scapular-squeezes", 0, 3, limber::Rating::Pain});
    REQUIRE(e.ended);
    CHECK(*e.ended == RoutinePlayer::Ending{false, "pain", std::nullopt});
    CHECK(e.cues.empty());
    CHECK(r.player.mode() == Mode::Hurt);
    CHECK_FALSE(r.player.next_wake());
    const auto later = r.pass(1min);
    CHECK(later.cues.empty());
    CHECK_FALSE(later.ticked);
    CHECK(r.player.elapsed() == 18s);
}

TEST_CASE("what does not fit the mode changes nothing")
{
    Run r(two);
    r.player.start(r.t0);
    // Running: no answer to give.
    auto e = r.player.rate(r.now(), limber::Rating::Easy);
    CHECK_FALSE(e.record);
    CHECK_FALSE(e.next_exercise);
    CHECK(r.player.exercise_index() == 0);
    r.player.done();
    // Feedback: no Next, skip or pain.
    CHECK_FALSE(r.player.done().feedback);
    CHECK_FALSE(r.player.skip(r.now()).next_exercise);
    CHECK_FALSE(r.player.hurt().record);
    CHECK(r.player.mode() == Mode::Feedback);
    CHECK(r.player.exercise_index() == 0);
    CHECK(r.player.done_count() == 0);
}

TEST_CASE("an empty plan ends at once, all skipped")
{
    Run r(RoutinePlayer::Plan{});
    const auto e = r.player.start(r.t0);
    REQUIRE(e.ended);
    CHECK(*e.ended == RoutinePlayer::Ending{false, "all skipped", std::nullopt});
    CHECK(e.cues.empty());
    CHECK(r.player.mode() == Mode::Finished);
    CHECK_FALSE(r.player.next_wake());
}

TEST_CASE("the pose follows the step")
{
    Run r(two);
    r.player.start(r.t0);
    CHECK(r.player.pose() == limber::pose_at(r.player.steps(), 0, 1s));
    r.pass(1s);  // holding: the end pose
    CHECK(r.player.pose() == limber::Pose::End);
    r.pass(5s);  // releasing: back to the start
    CHECK(r.player.pose() == limber::Pose::Start);
}
