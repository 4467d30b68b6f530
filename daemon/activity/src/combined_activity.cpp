// Merging activity sources (see combined_activity.hpp).
#include "activity/combined_activity.hpp"

namespace limber {
namespace {

int rank(ActivityKind kind)
{
    switch (kind) {
    case ActivityKind::Active: return 0;
    case ActivityKind::Idle: return 1;
    case ActivityKind::Locked: return 2;
    case ActivityKind::Asleep: return 3;
    }
    return 0;
}

}  // namespace

std::optional<Activity> ActivityMerger::update(std::size_t index, const Activity& activity)
{
    states_.at(index) = activity;
    std::size_t winner = index;
    for (std::size_t i = 0; i < states_.size(); ++i)
        if (rank(states_[i].kind) > rank(states_[winner].kind)) winner = i;
    if (states_[winner].kind == current_.kind) return std::nullopt;
    current_ = states_[winner];
    // A state revealed because a stronger one ended (idle under a lock that is lifted) began,
    // as far as the user's time goes, now: the earlier part was spent locked.
    if (winner != index) current_.since.reset();
    return current_;
}

CombinedActivity::CombinedActivity(std::vector<std::unique_ptr<ActivitySource>> sources)
    : sources_(std::move(sources)), merger_(sources_.size())
{
}

void CombinedActivity::start(ActivityCallback on_change)
{
    on_change_ = std::move(on_change);
    reporting_ = false;
    for (std::size_t i = 0; i < sources_.size(); ++i) {
        sources_[i]->start([this, i](const Activity& a) {
            if (auto merged = merger_.update(i, a); merged && reporting_) on_change_(*merged);
        });
    }
    // Sources that know their state at once report it during start(); say the sum of it once.
    reporting_ = true;
    on_change_(merger_.current());
}

void CombinedActivity::stop()
{
    reporting_ = false;
    for (auto& s : sources_) s->stop();
}

std::string CombinedActivity::name() const
{
    std::string n;
    for (const auto& s : sources_) n += (n.empty() ? "" : "+") + s->name();
    return n.empty() ? "none" : n;
}

}  // namespace limber
