// An exercise's illustration as two poses. Each shipped SVG draws the parts both poses share
// at the top level, the start pose in `<g id="start" opacity="0.35">` and the end pose in
// `<g id="end">` (config/illustrations/README.md); the file as it is, start ghosted behind
// end, is the still picture. The popup alternates the two with the routine's steps.
#pragma once

#include "limber/routine_steps.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

enum class Pose { Start, End };

// The SVG text of one pose: the other pose's group removed, the start pose drawn solid. An
// illustration without the two groups is returned unchanged (it has one picture).
[[nodiscard]] std::string pose_svg(std::string_view svg, Pose pose);

// Whether the SVG has both pose groups.
[[nodiscard]] bool has_poses(std::string_view svg);

// The pose to show during steps[index] with `left` seconds of it to go: in position to
// start while getting ready and while releasing; the end pose while easing into and
// holding it; and a rep without a hold (cat-cow's breath) goes start, then end, halfway.
[[nodiscard]] Pose pose_at(const std::vector<RoutineStep>& steps, std::size_t index, Seconds left);

}  // namespace limber
