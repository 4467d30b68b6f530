// One limber-tray per user session. The first takes a lock in $XDG_RUNTIME_DIR/limber and
// listens on a socket beside it; a later one (the menu entry, autostart twice, a desktop
// action) hands its request to the first and leaves with status 0.
//
// Both halves are wx's own: wxSingleInstanceChecker for the lock (a lock file holding the
// owner's pid here, so a crashed tray's lock is taken over; a named mutex on Windows) and
// wxIPC for the request (a Unix-domain socket here, DDE on Windows). limberd's socket was the
// other choice, but the request must reach the tray whether or not limberd runs.
#pragma once

#include <wx/defs.h>
#include <wx/snglinst.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

class wxServerBase;

namespace limber::tray {

class OneInstance {
public:
    // `dir`: where the lock and the socket live (made, mode 0700, if missing).
    explicit OneInstance(std::filesystem::path dir);
    ~OneInstance();
    OneInstance(const OneInstance&) = delete;
    OneInstance& operator=(const OneInstance&) = delete;

    enum class Role {
        First,      // no other tray: this one runs, and should serve()
        HandedOver, // another tray took the request: leave with status 0
        NoAnswer,   // another tray holds the lock but did not take the request
    };
    // `request`: what to show ("home", "summary", "settings", "start:quick-daily-reset"...).
    Role claim(const std::string& request);
    // Listens for later trays; each request reaches `on_request` on the GUI thread.
    void serve(std::function<void(const std::string&)> on_request);

private:
    std::filesystem::path dir_;
    wxSingleInstanceChecker lock_;
    std::unique_ptr<wxServerBase> server_;
};

}  // namespace limber::tray
