#include "platform.hpp"

#include <wx/app.h>
#include <wx/log.h>
#include <wx/notifmsg.h>
#include <wx/translation.h>
#include <wx/stdpaths.h>

#include <utility>

namespace limber::tray {

void before_toolkit() {}

void quit_with_session(std::function<void()> quit)
{
    // Windows asks before it logs off (WM_QUERYENDSESSION, which wx answers yes) and then
    // tells (WM_ENDSESSION), and ends the process once that answer returns: the app is asked
    // to leave as Quit does, and wx's own handler (Skip) then closes the windows at once.
    // Nothing of the record lives here: limberd saves it at its own WM_ENDSESSION.
    wxTheApp->Bind(wxEVT_END_SESSION, [quit = std::move(quit)](wxCloseEvent& event) {
        quit();
        event.Skip();
    });
}

void stop_waking_on_keys() {}

void use_native_notifications()
{
    // Toasts carry Start and Not now; Windows shows them for an app with a Start menu
    // shortcut carrying its AppUserModelID: the installer makes "Limber" with this id, and wx
    // makes it when it is missing.
    if (wxNotificationMessage::MSWUseToasts("Limber", "Limber.Limber")) {
        wxLogMessage("notifications are Windows toasts, with actions");
    } else {
        wxLogMessage("Windows toasts are not available here; a break due shows Limber's own card");
    }
}

std::string icon_advice()
{
    return _("Limber's icon is in the notification area, at the right end of the taskbar; Windows may tuck "
             "a new icon under the ^ arrow there. Drag it onto the taskbar to keep the time to your next break "
             "in sight. Limber in the Start menu opens its window at any time.")
        .utf8_string();
}

std::filesystem::path limberd_program()
{
    return std::filesystem::path(wxStandardPaths::Get().GetExecutablePath().ToStdWstring()).parent_path() / L"limberd.exe";
}

}  // namespace limber::tray
