// The tray sleeps while the user types. On X11, GDK asks the server for an XKB StateNotify on
// every modifier change, so each Shift or Ctrl press woke the tray twice (5 wake-ups a second
// in the typing benchmark). The tray has no use for modifier state it is not focused for.
#pragma once

namespace limber::tray {

// Narrows GDK's XKB state events to lock changes (Caps Lock, layout group). No-op off X11.
void stop_waking_on_keys();

}  // namespace limber::tray
