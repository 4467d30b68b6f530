// The icon in an XEmbed system tray and its menu.
#pragma once

#include "indicator.hpp"
#include "status_view.hpp"

#include <wx/taskbar.h>

namespace limber::tray {

class TrayApp;

class TrayIcon final : public wxTaskBarIcon, public Indicator {
public:
    explicit TrayIcon(TrayApp& app);
    ~TrayIcon() override;
    void update(const StatusView& view, double remaining) override;

protected:
    wxMenu* CreatePopupMenu() override;

private:
    void on_left_click(wxTaskBarIconEvent& event);
    TrayApp& app_;
};

// The menu itself, apart from the icon so tests and screenshots can show it anywhere.
wxMenu* build_menu(TrayApp& app);
// Pause's choices (30 minutes, 1 hour, 2 hours, until tomorrow): the menu's and the home window's.
wxMenu* pause_menu(TrayApp& app);

}  // namespace limber::tray
