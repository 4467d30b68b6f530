// The D-Bus part of smart pause's factory (hold_parts.hpp): the desktop's idle inhibitors, and
// its do-not-disturb.
#include "smart_pause/do_not_disturb.hpp"
#include "smart_pause/hold_parts.hpp"
#include "smart_pause/inhibitors.hpp"

namespace limber {
namespace {
constexpr HoldPartEntry dbus_entries[] = {
    {"inhibitors", "LIMBER_WITH_DBUS",
     [](const HoldRequest& r) -> std::unique_ptr<HoldSource> {
         if (!r.want("inhibitors") || !r.settings.inhibitors) return nullptr;
         return std::make_unique<InhibitorsWatch>(r.io);
     }},
    {"do_not_disturb", "LIMBER_WITH_DBUS",
     [](const HoldRequest& r) -> std::unique_ptr<HoldSource> {
         if (!r.want("do_not_disturb") || !r.settings.do_not_disturb) return nullptr;
         return std::make_unique<DoNotDisturbWatch>(r.io);
     }},
};
}  // namespace

std::span<const HoldPartEntry> dbus_hold_part() { return dbus_entries; }

}  // namespace limber
