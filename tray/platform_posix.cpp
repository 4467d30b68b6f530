#include "platform.hpp"

#include <wx/app.h>
#include <wx/stdpaths.h>

#include <csignal>
#include <cstdlib>
#include <utility>

namespace limber::tray {

void before_toolkit()
{
    // GTK probes GLX at start to choose visuals, which maps the whole GL driver (with Mesa,
    // tens of MiB of LLVM) into a process that never draws with GL. A user's own GDK_GL wins.
    setenv("GDK_GL", "disable", 0);
}

void quit_with_session(std::function<void()> quit)
{
    // wx calls the handler from its event loop, not from the signal handler.
    static std::function<void()> on_signal;
    on_signal = std::move(quit);
    for (const int sig : {SIGTERM, SIGINT, SIGHUP}) wxTheApp->SetSignalHandler(sig, [](int) { on_signal(); });
}

void use_native_notifications() {}  // the desktop's notification service, over D-Bus

// A panel shows the icon where the user looks for it; without one, the home window opens.
std::string icon_advice() { return {}; }

std::filesystem::path limberd_program()
{
    return std::filesystem::path(wxStandardPaths::Get().GetExecutablePath().utf8_string()).parent_path() / "limberd";
}

}  // namespace limber::tray
