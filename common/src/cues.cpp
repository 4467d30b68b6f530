#include "limber/cues.hpp"

#include <algorithm>
#include <cstdio>

namespace limber {

using std::chrono::milliseconds;

const char* to_string(Cue::Kind kind)
{
    switch (kind) {
    case Cue::Kind::ExerciseStart: return "exercise_start";
    case Cue::Kind::Position: return "position";
    case Cue::Kind::SwitchSides: return "switch_sides";
    case Cue::Kind::Rep: return "rep";
    case Cue::Kind::BreatheIn: return "breathe_in";
    case Cue::Kind::BreatheOut: return "breathe_out";
    case Cue::Kind::HoldStart: return "hold_start";
    case Cue::Kind::Countdown: return "countdown";
    case Cue::Kind::Release: return "release";
    case Cue::Kind::ExerciseEnd: return "exercise_end";
    case Cue::Kind::RoutineEnd: return "routine_end";
    }
    return "rep";
}

std::vector<Cue> cue_timeline(const Catalog& catalog, const std::vector<RoutineStep>& steps)
{
    std::vector<Cue> cues;
    milliseconds t{0};
    const RoutineStep* previous = nullptr;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const RoutineStep& s = steps[i];
        const Exercise* e = catalog.find_exercise(s.exercise);
        const milliseconds length = s.length;
        auto add = [&](Cue::Kind kind, milliseconds at, int count = 0) {
            cues.push_back(Cue{kind, at, s.exercise_index, s.exercise, s.side, s.rep, s.reps, count});
        };
        const bool new_exercise = !previous || previous->exercise_index != s.exercise_index;
        if (new_exercise) add(Cue::Kind::ExerciseStart, t);
        if (s.phase == RoutineStep::Phase::Setup) add(Cue::Kind::Position, t);
        if (!new_exercise && previous->side == "left" && s.side == "right") add(Cue::Kind::SwitchSides, t);
        const bool new_rep = s.rep > 0 && (new_exercise || previous->rep != s.rep || previous->side != s.side);
        if (new_rep) add(Cue::Kind::Rep, t);
        switch (s.phase) {
        case RoutineStep::Phase::Setup: break;
        case RoutineStep::Phase::Move:
            if (e && e->dose.with_breath) {
                add(Cue::Kind::BreatheIn, t);
                add(Cue::Kind::BreatheOut, t + length / 2);
            }
            break;
        case RoutineStep::Phase::Hold:
            add(Cue::Kind::HoldStart, t);
            // The last three seconds, counted down: only those after the hold has begun.
            for (int n = 3; n >= 1; --n)
                if (length > std::chrono::seconds{n}) add(Cue::Kind::Countdown, t + length - std::chrono::seconds{n}, n);
            break;
        case RoutineStep::Phase::Release: add(Cue::Kind::Release, t); break;
        }
        t += length;
        const bool last_of_exercise = i + 1 == steps.size() || steps[i + 1].exercise_index != s.exercise_index;
        if (last_of_exercise) add(Cue::Kind::ExerciseEnd, t);
        previous = &s;
    }
    if (!steps.empty()) {
        Cue end;
        end.kind = Cue::Kind::RoutineEnd;
        end.at = t;
        end.exercise_index = steps.back().exercise_index;
        cues.push_back(end);
    }
    std::stable_sort(cues.begin(), cues.end(), [](const Cue& a, const Cue& b) { return a.at < b.at; });
    return cues;
}

std::string describe(const Cue& c)
{
    char line[160];
    std::snprintf(line, sizeof line, "%7.1f s  %-14s %s", static_cast<double>(c.at.count()) / 1000.0, to_string(c.kind), c.exercise.c_str());
    std::string out = line;
    if (c.rep > 0 && c.kind != Cue::Kind::ExerciseStart && c.kind != Cue::Kind::ExerciseEnd)
        out += " rep " + std::to_string(c.rep) + "/" + std::to_string(c.reps);
    if (!c.side.empty() && c.kind != Cue::Kind::ExerciseEnd) out += " " + c.side;
    if (c.kind == Cue::Kind::Countdown) out += " " + std::to_string(c.count);
    if (c.kind == Cue::Kind::RoutineEnd) out = line;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace limber
