// What the tray asks of the system it runs on, beyond what wxWidgets covers:
// tray/platform_posix.cpp and tray/platform_windows.cpp; CMake picks one.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace limber::tray {

// What main() does before wxWidgets starts the toolkit.
void before_toolkit();

// Calls `quit` (on the GUI thread) when the session ends or the user asks the process to
// stop from outside: SIGTERM, SIGINT and SIGHUP on POSIX; the session ending on Windows.
void quit_with_session(std::function<void()> quit);

// The tray sleeps while the user types. On X11, GDK asks the server for an XKB StateNotify on
// every modifier change, so each Shift or Ctrl press woke the tray twice (5 wake-ups a second
// in the typing benchmark); the tray has no use for modifier state it is not focused for. This
// narrows GDK's XKB state events to lock changes (Caps Lock, layout group): tray/x11_quiet.cpp.
// Nothing to do off X11 (Windows sends a window only the keys it is focused for).
void stop_waking_on_keys();

// Asks for the system's own notifications with buttons, where they must be asked for
// (Windows' toasts, with the Start menu shortcut and AppUserModelID they belong to).
void use_native_notifications();

// A word on where the tray icon lives, for the first run, where the system may hide it (in
// the user's language, UTF-8); empty where there is nothing to say.
std::string icon_advice();

// limberd's program, beside this one.
std::filesystem::path limberd_program();

}  // namespace limber::tray
