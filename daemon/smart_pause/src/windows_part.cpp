// The Windows part of smart pause's factory (hold_parts.hpp), built only on Windows: a call's
// camera and microphone from the consent store, full screen from the shell's notification
// state, listed applications from the process list. No do_not_disturb: Windows' Focus Assist
// has no documented interface (its notification state's "quiet time" is something else), so
// the name stays the D-Bus part's, left out here.
#include "smart_pause/hold_parts.hpp"
#include "smart_pause/windows_holds.hpp"

namespace limber {
namespace {
constexpr HoldPartEntry windows_entries[] = {
    {"microphone", "WIN32",
     [](const HoldRequest& r) -> std::unique_ptr<HoldSource> {
         if (!r.want("microphone") || !r.settings.microphone) return nullptr;
         return std::make_unique<ConsentWatch>(r.io, HoldKind::Microphone, r.options.consent_store + "\\microphone");
     }},
    {"camera", "WIN32",
     [](const HoldRequest& r) -> std::unique_ptr<HoldSource> {
         if (!r.want("camera") || !r.settings.camera) return nullptr;
         return std::make_unique<ConsentWatch>(r.io, HoldKind::Camera, r.options.consent_store + "\\webcam");
     }},
    {"fullscreen", "WIN32",
     [](const HoldRequest& r) -> std::unique_ptr<HoldSource> {
         if (!r.want("fullscreen") || !r.settings.fullscreen) return nullptr;
         return make_notification_state_watch(r.io, HoldKind::Fullscreen);
     }},
    {"apps", "WIN32",
     [](const HoldRequest& r) -> std::unique_ptr<HoldSource> {
         if (!r.want("apps") || r.settings.apps.empty()) return nullptr;
         return make_windows_apps_watch(r.io, r.settings.apps);
     }},
};
}  // namespace

std::span<const HoldPartEntry> windows_hold_part() { return windows_entries; }

}  // namespace limber
