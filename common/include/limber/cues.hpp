// A routine as a timeline of cues: the moments a person following it by ear needs to hear
// (the exercise and what to do, each rep, hold, the last three seconds, release, switch
// sides, breathe in and out, done). The popup's countdown and its sounds and voice all walk
// this one timeline, so what is shown and what is heard cannot drift apart.
#pragma once

#include "limber/routine_steps.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace limber {

struct Cue {
    enum class Kind {
        ExerciseStart,  // the exercise's name and its spoken line
        Position,       // get into position (the exercise has setup time)
        SwitchSides,    // from the left side to the right
        Rep,            // rep `rep` of `reps` begins
        BreatheIn,
        BreatheOut,
        HoldStart,
        Countdown,      // `count` seconds of the hold left: 3, 2, 1
        Release,        // the hold ends: let go
        ExerciseEnd,
        RoutineEnd,
    };
    Kind kind = Kind::Rep;
    std::chrono::milliseconds at{0};  // from the routine's start, in routine time (pauses and
                                      // the feedback between exercises are not counted)
    int exercise_index = 0;
    std::string exercise;  // id
    std::string side;      // "left", "right" or empty
    int rep = 0;
    int reps = 0;
    int count = 0;         // Countdown only
    friend bool operator==(const Cue&, const Cue&) = default;
};

const char* to_string(Cue::Kind kind);

// The cues of `steps` (from routine_steps()), in time order; cues at the same moment come in
// the order they are heard (an exercise ends before the next one starts; a rep is announced
// before its breath or hold). `with_breath` exercises get a breath in and out on each rep.
std::vector<Cue> cue_timeline(const Catalog& catalog, const std::vector<RoutineStep>& steps);

// One line per cue, "  12.0 s  hold_start  chin-tucks rep 2/10", for tests and logs.
std::string describe(const Cue& cue);

}  // namespace limber
