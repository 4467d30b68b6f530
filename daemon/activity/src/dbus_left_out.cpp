// The activity factory's D-Bus entries in a build configured with LIMBER_WITH_DBUS=OFF.
#include "activity/activity_parts.hpp"

namespace limber {
namespace {
constexpr ActivityPartEntry dbus_left_out_entries[] = {
    {"logind", "LIMBER_WITH_DBUS", nullptr},
    {"screensaver", "LIMBER_WITH_DBUS", nullptr},
    {"mutter", "LIMBER_WITH_DBUS", nullptr},
};
}  // namespace

std::span<const ActivityPartEntry> dbus_activity_part() { return dbus_left_out_entries; }

}  // namespace limber
