// Smart pause's D-Bus entries in a build configured with LIMBER_WITH_DBUS=OFF.
#include "smart_pause/hold_parts.hpp"

namespace limber {
namespace {
constexpr HoldPartEntry dbus_left_out_entries[] = {
    {"inhibitors", "LIMBER_WITH_DBUS", nullptr},
    {"do_not_disturb", "LIMBER_WITH_DBUS", nullptr},
};
}  // namespace

std::span<const HoldPartEntry> dbus_hold_part() { return dbus_left_out_entries; }

}  // namespace limber
