// The activity factory's X11 entries in a build configured with LIMBER_WITH_X11=OFF.
#include "activity/activity_parts.hpp"

namespace limber {
namespace {
constexpr ActivityPartEntry x11_left_out_entries[] = {{"x11", "LIMBER_WITH_X11", nullptr}};
}  // namespace

std::span<const ActivityPartEntry> x11_activity_part() { return x11_left_out_entries; }

}  // namespace limber
