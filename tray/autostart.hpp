// Whether limber-tray starts when the user logs in, and the switch for it in the settings.
// Each desktop has its own place for this: tray/autostart_posix.cpp (an XDG autostart entry)
// and tray/autostart_windows.cpp (the user's Run key); CMake picks one.
#pragma once

#include <string>

namespace limber::tray {

// Whether limber-tray starts at login for this user.
bool autostart_enabled();
// Turns starting at login on or off for this user; the error in words, or empty.
std::string set_autostart(bool enabled);

}  // namespace limber::tray
