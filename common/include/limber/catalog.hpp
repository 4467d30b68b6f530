// The exercise catalog and the routines built from it, as loaded from config/*.toml.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace limber {

// An inclusive [low, high] range, as the guide gives doses ("hold 5-10 s, 10-15 reps").
struct Range {
    int low = 0;
    int high = 0;
    friend bool operator==(const Range&, const Range&) = default;
};

struct Dose {
    Range hold_seconds;       // {0, 0} when the exercise has no hold
    Range reps;               // per side when per_side is set
    bool per_side = false;    // done once on the left and once on the right
    int rep_seconds = 0;      // one slow movement, not counting the hold (our tempo)
    int setup_seconds = 0;    // getting into position (down to the floor, into the doorway)
    bool with_breath = false; // each rep follows one breath in and out
};

// What a user is actually asked to do on a given day: a point inside the Dose's ranges.
struct DoseStep {
    int reps = 0;
    int hold_seconds = 0;
    friend bool operator==(const DoseStep&, const DoseStep&) = default;
};

struct Exercise {
    std::string id;                    // "chin-tucks"
    std::string name;                  // "Chin tucks"
    std::string purpose;
    std::vector<std::string> positions;  // seated, standing, wall, doorway, floor, hands-and-knees
    std::vector<std::string> equipment;  // towel-or-roller, wall, doorway
    std::vector<std::string> steps;
    std::string tip;
    std::string say;  // one short line spoken when the exercise starts; empty: its first step
    Dose dose;

    [[nodiscard]] DoseStep easiest() const { return {dose.reps.low, dose.hold_seconds.low}; }
    [[nodiscard]] DoseStep fullest() const { return {dose.reps.high, dose.hold_seconds.high}; }
    // Seconds to do the exercise once at the given step, sides and setup included.
    [[nodiscard]] std::chrono::seconds length(const DoseStep& step) const;
};

struct Routine {
    std::string id;       // "quick-daily-reset"
    std::string name;     // "Quick Daily Reset"
    std::string summary;
    std::vector<std::string> exercises;  // exercise ids, in order
    int guide_minutes = 0;               // the length the guide names for it
};

// Advice shown before a first routine and whenever the user reports pain.
struct SafetyAdvice {
    std::vector<std::string> how_to_move;     // gently, breathe, no rush
    std::vector<std::string> stop_if;         // sharp pain, dizziness
    std::vector<std::string> ask_first_if;    // recent injury, numbness...
};

class Catalog {
public:
    // Seconds spent moving from one exercise to the next.
    static constexpr std::chrono::seconds transition{30};

    std::vector<Exercise> exercises;
    std::vector<Routine> routines;
    SafetyAdvice safety;

    [[nodiscard]] const Exercise* find_exercise(const std::string& id) const;
    [[nodiscard]] const Routine* find_routine(const std::string& id) const;
    // A one-exercise routine for "start just this exercise" (id "single:<exercise id>").
    [[nodiscard]] Routine single(const Exercise& exercise) const;
    // The routine's length at a dose chosen per exercise; transitions included.
    template <typename PickStep>
    [[nodiscard]] std::chrono::seconds length(const Routine& routine, PickStep pick) const
    {
        std::chrono::seconds total{0};
        for (std::size_t i = 0; i < routine.exercises.size(); ++i) {
            const Exercise* e = find_exercise(routine.exercises[i]);
            if (!e) continue;
            total += e->length(pick(*e));
            if (i + 1 < routine.exercises.size()) total += transition;
        }
        return total;
    }
};

// Loads and validates both files; throws ConfigError naming the file, line, column and key.
Catalog load_catalog(const std::string& exercises_path, const std::string& routines_path);

}  // namespace limber
