// A routine as the steps a person follows: get into position, move, hold, release, for each
// rep and side. The popup's countdown walks these; nothing here knows about a screen.
#pragma once

#include "limber/catalog.hpp"
#include "limber/clock.hpp"

#include <string>
#include <utility>
#include <vector>

namespace limber {

struct RoutineStep {
    enum class Phase { Setup, Move, Hold, Release };
    std::string exercise;     // id
    int exercise_index = 0;   // 0-based, among the routine's exercises
    std::string side;         // "left", "right" or empty
    int rep = 0;              // 1-based; 0 for Setup
    int reps = 0;
    Phase phase = Phase::Move;
    Seconds length{0};
};

const char* to_string(RoutineStep::Phase phase);

// `plan` is the exercises with the dose each is at (what limberd's start reply carries).
// Exercises missing from the catalog are left out.
std::vector<RoutineStep> routine_steps(const Catalog& catalog, const std::vector<std::pair<std::string, DoseStep>>& plan);

// Total length of a list of steps.
Seconds total_length(const std::vector<RoutineStep>& steps);

}  // namespace limber
