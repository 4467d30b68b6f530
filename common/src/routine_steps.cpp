#include "limber/routine_steps.hpp"

#include <algorithm>

namespace limber {

const char* to_string(RoutineStep::Phase phase)
{
    switch (phase) {
    case RoutineStep::Phase::Setup: return "setup";
    case RoutineStep::Phase::Move: return "move";
    case RoutineStep::Phase::Hold: return "hold";
    case RoutineStep::Phase::Release: return "release";
    }
    return "move";
}

std::vector<RoutineStep> routine_steps(const Catalog& catalog, const std::vector<std::pair<std::string, DoseStep>>& plan)
{
    std::vector<RoutineStep> steps;
    int index = 0;
    for (const auto& [id, dose] : plan) {
        const Exercise* e = catalog.find_exercise(id);
        if (!e) continue;
        // Named captures: clang before 16 cannot capture structured bindings.
        auto add = [&, &id = id, &dose = dose](RoutineStep::Phase phase, const std::string& side, int rep, int seconds) {
            if (seconds > 0) steps.push_back({id, index, side, rep, dose.reps, phase, Seconds{seconds}});
        };
        add(RoutineStep::Phase::Setup, "", 0, e->dose.setup_seconds);
        const std::vector<std::string> sides = e->dose.per_side ? std::vector<std::string>{"left", "right"}
                                                                : std::vector<std::string>{""};
        for (const auto& side : sides) {
            for (int rep = 1; rep <= dose.reps; ++rep) {
                if (dose.hold_seconds > 0) {
                    // The movement is split around the hold: ease in, hold, ease out.
                    const int in = std::max(1, e->dose.rep_seconds / 2);
                    add(RoutineStep::Phase::Move, side, rep, in);
                    add(RoutineStep::Phase::Hold, side, rep, dose.hold_seconds);
                    add(RoutineStep::Phase::Release, side, rep, std::max(1, e->dose.rep_seconds - in));
                } else {
                    add(RoutineStep::Phase::Move, side, rep, e->dose.rep_seconds);
                }
            }
        }
        ++index;
    }
    return steps;
}

Seconds total_length(const std::vector<RoutineStep>& steps)
{
    Seconds total{0};
    for (const auto& s : steps) total += s.length;
    return total;
}

}  // namespace limber
