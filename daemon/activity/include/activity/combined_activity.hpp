// Several activity sources seen as one: the strongest state wins (asleep > locked > idle >
// active) and only real changes are reported.
#pragma once

#include "activity/activity_source.hpp"

#include <optional>

namespace limber {

// The pure merge rule, apart from any source so it can be tested alone.
class ActivityMerger {
public:
    explicit ActivityMerger(std::size_t sources) : states_(sources) {}

    // Records what source `index` reports; returns the merged state when its kind changed.
    std::optional<Activity> update(std::size_t index, const Activity& activity);
    [[nodiscard]] const Activity& current() const { return current_; }

private:
    std::vector<Activity> states_;  // a source that has said nothing counts as active
    Activity current_{};
};

class CombinedActivity final : public ActivitySource {
public:
    explicit CombinedActivity(std::vector<std::unique_ptr<ActivitySource>> sources);
    ~CombinedActivity() override { stop(); }

    // Starts every source, then reports the merged state once, then each change.
    void start(ActivityCallback on_change) override;
    void stop() override;
    // The parts' names joined by '+', or "none".
    [[nodiscard]] std::string name() const override;

private:
    std::vector<std::unique_ptr<ActivitySource>> sources_;
    ActivityMerger merger_;
    ActivityCallback on_change_;
    bool reporting_ = false;
};

}  // namespace limber
