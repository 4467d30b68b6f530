// The activity factory's Wayland entries in a build configured with LIMBER_WITH_WAYLAND=OFF.
#include "activity/activity_parts.hpp"

namespace limber {
namespace {
constexpr ActivityPartEntry wayland_left_out_entries[] = {{"wayland", "LIMBER_WITH_WAYLAND", nullptr}};
}  // namespace

std::span<const ActivityPartEntry> wayland_activity_part() { return wayland_left_out_entries; }

}  // namespace limber
