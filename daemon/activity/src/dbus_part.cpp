// The D-Bus part of the activity factory (activity_parts.hpp): logind on the system bus, and
// GNOME's idle monitor and the desktop's screensaver on the session bus.
#include "activity/activity_parts.hpp"
#include "activity/logind.hpp"
#include "activity/mutter_idle.hpp"
#include "activity/screensaver.hpp"

namespace limber {
namespace {
constexpr ActivityPartEntry dbus_entries[] = {
    {"logind", "LIMBER_WITH_DBUS",
     [](const ActivityOpenArgs& a, std::unique_ptr<ActivitySource>) -> std::unique_ptr<ActivitySource> {
         return Logind::open(a.io);
     }},
    {"screensaver", "LIMBER_WITH_DBUS",
     [](const ActivityOpenArgs& a, std::unique_ptr<ActivitySource>) -> std::unique_ptr<ActivitySource> {
         return ScreenSaver::open(a.io);
     }},
    {"mutter", "LIMBER_WITH_DBUS",
     [](const ActivityOpenArgs& a, std::unique_ptr<ActivitySource> fallback) -> std::unique_ptr<ActivitySource> {
         return MutterIdle::open(a.io, a.idle_threshold, a.clock, std::move(fallback));
     }},
};
}  // namespace

std::span<const ActivityPartEntry> dbus_activity_part() { return dbus_entries; }

}  // namespace limber
