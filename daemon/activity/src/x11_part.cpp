// The X11 part of the activity factory (activity_parts.hpp).
#include "activity/activity_parts.hpp"
#include "activity/x11_idle.hpp"

namespace limber {
namespace {
constexpr ActivityPartEntry x11_entries[] = {
    {"x11", "LIMBER_WITH_X11",
     [](const ActivityOpenArgs& a, std::unique_ptr<ActivitySource>) -> std::unique_ptr<ActivitySource> {
         return X11Idle::open(a.io, a.idle_threshold, a.clock);
     }},
};
}  // namespace

std::span<const ActivityPartEntry> x11_activity_part() { return x11_entries; }

}  // namespace limber
