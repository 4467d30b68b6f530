// Progression: the dose each exercise is at for this user, moved by their feedback.
// Start at the easy end of the guide's range; two "easy" in a row step up, "hard" steps down,
// never outside the range; three pain reports in 14 days pause the exercise.
#pragma once

#include "limber/catalog.hpp"
#include "limber/clock.hpp"
#include "limber/store.hpp"

#include <map>
#include <string>
#include <vector>

namespace limber {

// The ladder from an exercise's easiest dose (level 0) to its fullest (levels(e) - 1): reps
// and hold rise together, one unit of the wider range per level.
int levels(const Exercise& e);
DoseStep step_at(const Exercise& e, int level);

struct ExerciseProgress {
    int level = 0;
    int easy_in_a_row = 0;
    bool paused = false;
    std::vector<WallTime> pain;  // recent pain reports, newest last
    friend bool operator==(const ExerciseProgress&, const ExerciseProgress&) = default;
};

struct ProgressChange {
    bool stepped_up = false;
    bool stepped_down = false;
    bool paused = false;  // this report paused the exercise
};

class Progression {
public:
    static constexpr int pain_reports_to_pause = 3;
    static constexpr std::chrono::days pain_window{14};

    explicit Progression(const Catalog& catalog) : catalog_(&catalog) {}

    [[nodiscard]] DoseStep dose(const std::string& exercise) const;
    [[nodiscard]] int level(const std::string& exercise) const;
    [[nodiscard]] bool paused(const std::string& exercise) const;
    // The routine's exercises that are not paused, with the dose each is at.
    [[nodiscard]] std::vector<std::pair<std::string, DoseStep>> plan(const Routine& routine) const;

    // Throws std::invalid_argument for an exercise the catalog does not have.
    ProgressChange rate(const std::string& exercise, Rating rating, WallTime at);
    void reenable(const std::string& exercise);

    [[nodiscard]] std::string to_json() const;
    // Unknown exercises in the text are dropped; levels are clamped to the current ladder
    // (the catalog may have changed since it was saved). Throws std::runtime_error on bad JSON.
    void load_json(const std::string& text);

    // Kept in the store under this key.
    static constexpr const char* store_key = "progression";

private:
    const Exercise& exercise(const std::string& id) const;
    const Catalog* catalog_;
    std::map<std::string, ExerciseProgress> state_;
};

}  // namespace limber
