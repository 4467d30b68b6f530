#include "smart_pause/hold_source.hpp"

#include <algorithm>

namespace limber {

void SmartPauseWatch::start(std::vector<std::unique_ptr<HoldSource>> sources)
{
    stop();
    sources_ = std::move(sources);
    for (auto& s : sources_) {
        const std::string name = s->name();
        s->start([this, name](const std::optional<HoldReason>& state) { report(name, state); });
    }
}

void SmartPauseWatch::stop()
{
    for (auto& s : sources_) s->stop();
    sources_.clear();
    on_.clear();
    // The signals are gone with their sources: nothing holds now.
    if (!reason_.empty()) {
        reason_.clear();
        on_change_(reason_);
    }
}

void SmartPauseWatch::report(const std::string& source, const std::optional<HoldReason>& state)
{
    if (state) on_[source] = *state;
    else on_.erase(source);
    std::string reason;
    for (HoldKind kind : all_hold_kinds) {
        const auto it = std::find_if(on_.begin(), on_.end(), [kind](const auto& kv) { return kv.second.kind == kind; });
        if (it != on_.end()) {
            reason = it->second.code();
            break;
        }
    }
    if (reason == reason_) return;
    reason_ = reason;
    on_change_(reason_);
}

}  // namespace limber
