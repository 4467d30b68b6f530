#include "limber/progression.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace limber {

int levels(const Exercise& e)
{
    const int reps_span = e.dose.reps.high - e.dose.reps.low;
    const int hold_span = e.dose.hold_seconds.high - e.dose.hold_seconds.low;
    return std::max(reps_span, hold_span) + 1;
}

DoseStep step_at(const Exercise& e, int level)
{
    const int top = levels(e) - 1;
    level = std::clamp(level, 0, top);
    if (top == 0) return e.easiest();
    auto at = [&](const Range& r) {
        return r.low + static_cast<int>(std::lround(static_cast<double>(level) * (r.high - r.low) / top));
    };
    return {at(e.dose.reps), at(e.dose.hold_seconds)};
}

const Exercise& Progression::exercise(const std::string& id) const
{
    const Exercise* e = catalog_->find_exercise(id);
    if (!e) throw std::invalid_argument("unknown exercise \"" + id + "\"");
    return *e;
}

DoseStep Progression::dose(const std::string& id) const { return step_at(exercise(id), level(id)); }

int Progression::level(const std::string& id) const
{
    auto it = state_.find(id);
    return it == state_.end() ? 0 : it->second.level;
}

bool Progression::paused(const std::string& id) const
{
    auto it = state_.find(id);
    return it != state_.end() && it->second.paused;
}

std::vector<std::pair<std::string, DoseStep>> Progression::plan(const Routine& routine) const
{
    std::vector<std::pair<std::string, DoseStep>> out;
    for (const auto& id : routine.exercises)
        if (catalog_->find_exercise(id) && !paused(id)) out.emplace_back(id, dose(id));
    return out;
}

ProgressChange Progression::rate(const std::string& id, Rating rating, WallTime at)
{
    const Exercise& e = exercise(id);
    ExerciseProgress& p = state_[id];
    ProgressChange change;
    switch (rating) {
    case Rating::Easy:
        if (++p.easy_in_a_row >= 2) {
            p.easy_in_a_row = 0;
            if (p.level < levels(e) - 1) {
                ++p.level;
                change.stepped_up = true;
            }
        }
        break;
    case Rating::Ok:
        p.easy_in_a_row = 0;
        break;
    case Rating::Hard:
        p.easy_in_a_row = 0;
        if (p.level > 0) {
            --p.level;
            change.stepped_down = true;
        }
        break;
    case Rating::Pain:
        p.easy_in_a_row = 0;
        p.pain.push_back(at);
        std::erase_if(p.pain, [&](WallTime t) { return t <= at - pain_window; });
        if (!p.paused && static_cast<int>(p.pain.size()) >= pain_reports_to_pause) {
            p.paused = true;
            change.paused = true;
        }
        break;
    }
    return change;
}

void Progression::reenable(const std::string& id)
{
    exercise(id);
    ExerciseProgress& p = state_[id];
    p.paused = false;
    p.pain.clear();
}

std::string Progression::to_json() const
{
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [id, p] : state_) {
        nlohmann::json pain = nlohmann::json::array();
        for (auto t : p.pain) pain.push_back(std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count());
        j[id] = {{"level", p.level}, {"easy_in_a_row", p.easy_in_a_row}, {"paused", p.paused}, {"pain_ms", pain}};
    }
    return nlohmann::json{{"version", 1}, {"exercises", j}}.dump();
}

void Progression::load_json(const std::string& text)
{
    std::map<std::string, ExerciseProgress> loaded;
    try {
        const auto j = nlohmann::json::parse(text);
        if (j.at("version").get<int>() != 1) throw std::runtime_error("unsupported version");
        for (const auto& [id, v] : j.at("exercises").items()) {
            const Exercise* e = catalog_->find_exercise(id);
            if (!e) continue;
            ExerciseProgress p;
            p.level = std::clamp(v.at("level").get<int>(), 0, levels(*e) - 1);
            p.easy_in_a_row = std::clamp(v.at("easy_in_a_row").get<int>(), 0, 1);
            p.paused = v.at("paused").get<bool>();
            for (const auto& ms : v.at("pain_ms")) p.pain.push_back(WallTime{std::chrono::milliseconds{ms.get<std::int64_t>()}});
            loaded[id] = p;
        }
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("saved progression: ") + e.what());
    }
    state_ = std::move(loaded);
}

}  // namespace limber
