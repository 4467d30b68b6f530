// The Wayland part of the activity factory (activity_parts.hpp).
#include "activity/activity_parts.hpp"
#include "activity/wayland_idle.hpp"

namespace limber {
namespace {
constexpr ActivityPartEntry wayland_entries[] = {
    {"wayland", "LIMBER_WITH_WAYLAND",
     [](const ActivityOpenArgs& a, std::unique_ptr<ActivitySource>) -> std::unique_ptr<ActivitySource> {
         return WaylandIdle::open(a.io, a.idle_threshold, a.clock);
     }},
};
}  // namespace

std::span<const ActivityPartEntry> wayland_activity_part() { return wayland_entries; }

}  // namespace limber
