// The X11 part of smart pause's factory (hold_parts.hpp): the active window, full screen or
// a listed application's. (Listed applications are found by process too, in every build.)
#include "smart_pause/hold_parts.hpp"
#include "smart_pause/x11_window.hpp"

#include <cstdlib>

namespace limber {
namespace {
constexpr HoldPartEntry x11_entries[] = {
    {"fullscreen", "LIMBER_WITH_X11",
     [](const HoldRequest& r) -> std::unique_ptr<HoldSource> {
         // One X11 source serves both: a full-screen active window, and a listed application's.
         const bool fullscreen = r.want("fullscreen") && r.settings.fullscreen;
         const bool x11 = fullscreen || (r.want("apps") && !r.settings.apps.empty());
         const char* display = std::getenv("DISPLAY");
         if (!x11 || !display || !*display) return nullptr;
         return X11Window::open(r.io, fullscreen, r.want("apps") ? r.settings.apps : std::vector<std::string>{});
     }},
};
}  // namespace

std::span<const HoldPartEntry> x11_hold_part() { return x11_entries; }

}  // namespace limber
