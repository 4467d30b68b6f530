#include "limber/illustration.hpp"

namespace limber {
namespace {

constexpr std::string_view start_open = R"(<g id="start" opacity="0.35">)";
constexpr std::string_view end_open = R"(<g id="end">)";
constexpr std::string_view group_close = "</g>";

// Removes the element that opens with `open` through its </g> (pose groups hold no groups).
bool remove_group(std::string& svg, std::string_view open)
{
    const auto at = svg.find(open);
    if (at == std::string::npos) return false;
    const auto close = svg.find(group_close, at + open.size());
    if (close == std::string::npos) return false;
    svg.erase(at, close + group_close.size() - at);
    return true;
}

}  // namespace

bool has_poses(std::string_view svg)
{
    return svg.find(start_open) != std::string_view::npos && svg.find(end_open) != std::string_view::npos;
}

std::string pose_svg(std::string_view svg, Pose pose)
{
    std::string out(svg);
    if (!has_poses(svg)) return out;
    if (pose == Pose::End) {
        remove_group(out, start_open);
    } else {
        remove_group(out, end_open);
        const auto at = out.find(start_open);
        out.replace(at, start_open.size(), R"(<g id="start">)");
    }
    return out;
}

Pose pose_at(const std::vector<RoutineStep>& steps, std::size_t index, Seconds left)
{
    if (index >= steps.size()) return Pose::Start;
    const RoutineStep& s = steps[index];
    switch (s.phase) {
    case RoutineStep::Phase::Setup:
    case RoutineStep::Phase::Release: return Pose::Start;
    case RoutineStep::Phase::Hold: return Pose::End;
    case RoutineStep::Phase::Move: {
        const bool eases_into_hold = index + 1 < steps.size() && steps[index + 1].phase == RoutineStep::Phase::Hold &&
                                     steps[index + 1].exercise_index == s.exercise_index;
        if (eases_into_hold) return Pose::End;
        return left * 2 > s.length ? Pose::Start : Pose::End;
    }
    }
    return Pose::Start;
}

}  // namespace limber
