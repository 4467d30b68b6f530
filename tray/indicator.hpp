// The seam between the app and whatever shows Limber in the panel: the XEmbed tray icon
// (TrayIcon, in tray_icon.hpp) or a StatusNotifierItem (SniIndicator, below).
#pragma once

#include "status_view.hpp"

#include <memory>

namespace limber::tray {

class TrayApp;

class Indicator {
public:
    virtual ~Indicator() = default;
    // The icon (and, where it is shown by the panel, the menu) for the current state. The
    // app calls this at most once a minute, or when the look changes.
    virtual void update(const StatusView& view, double remaining) = 0;
    // Builds the menu again from the app's state. The XEmbed icon builds it on each opening,
    // so only an exported menu needs this.
    virtual void rebuild_menu() {}
};

// A StatusNotifierItem when the session has a StatusNotifierWatcher, else (and for as long
// as the watcher is away) the XEmbed icon.
std::unique_ptr<Indicator> make_indicator(TrayApp& app);

// Whether anything on this desktop can show Limber's icon: a StatusNotifierWatcher on the
// session bus, or an owner of the X11 system tray selection (_NET_SYSTEM_TRAY_S<screen>).
// Stock GNOME and bare Wayland compositors have neither; the app then shows its home window.
bool tray_host_present();

}  // namespace limber::tray
