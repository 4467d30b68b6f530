#include "tray_icon.hpp"

#include "app.hpp"
#include "i18n.hpp"
#include "icon_painter.hpp"

#include <wx/menu.h>

namespace limber::tray {
namespace {

using namespace std::chrono_literals;

// Binds a menu item to an action of the app; menus are rebuilt on each opening.
void add(wxMenu* menu, const wxString& label, std::function<void()> action, bool enabled = true)
{
    wxMenuItem* item = menu->Append(wxID_ANY, label);
    item->Enable(enabled);
    menu->Bind(wxEVT_MENU, [action = std::move(action)](wxCommandEvent&) { action(); }, item->GetId());
}

}  // namespace

TrayIcon::TrayIcon(TrayApp& app) : app_(app)
{
    // wxGTK tells GtkStatusIcon's "activate" (a left click) as LEFT_DOWN only.
    Bind(wxEVT_TASKBAR_LEFT_DOWN, &TrayIcon::on_left_click, this);
}

TrayIcon::~TrayIcon() { RemoveIcon(); }

void TrayIcon::update(const StatusView& view, double remaining)
{
    SetIcon(icon_bundle(view.look, remaining), wxString::FromUTF8(view.tooltip));
}

// A left click opens the home window; the menu is on the right button.
void TrayIcon::on_left_click(wxTaskBarIconEvent&) { app_.show_home(); }

wxMenu* TrayIcon::CreatePopupMenu() { return build_menu(app_); }

wxMenu* build_menu(TrayApp& app)
{
    const StatusView& v = app.view();
    const Catalog& c = app.catalog();
    const Offers o = app.offers();
    auto* menu = new wxMenu;
    wxMenuItem* status = menu->Append(wxID_ANY, wxString::FromUTF8(v.menu_line));
    status->Enable(false);
    if (o.start_daemon) add(menu, _("Start Limber"), [&app] { app.start_daemon(); });
    menu->AppendSeparator();

    const Routine* quick = c.find_routine("quick-daily-reset");
    add(menu, quick ? wxString::Format(_("Start %s"), wxString::FromUTF8(quick->name)) : _("Start a break"), [&app] { app.start_routine("quick-daily-reset"); },
        o.start);
    auto* routines = new wxMenu;
    for (const Routine& r : c.routines) {
        if (r.id == "quick-daily-reset") continue;
        add(routines, wxString::FromUTF8(r.name), [&app, id = r.id] { app.start_routine(id); }, o.start);
    }
    routines->AppendSeparator();
    for (const Exercise& e : c.exercises)
        add(routines, wxString::Format(_("%s only"), wxString::FromUTF8(e.name)), [&app, id = e.id] { app.start_routine("single:" + id); },
            o.start);
    menu->AppendSubMenu(routines, _("Start routine"))->Enable(o.start);

    add(menu, _("Snooze"), [&app] { app.snooze(); }, o.snooze);
    add(menu, o.skip_due ? _("Skip this break") : _("Skip next break"), [&app] { app.skip(); }, o.skip);
    if (o.resume) {
        add(menu, _("Resume"), [&app] { app.resume(); });
    } else {
        menu->AppendSubMenu(pause_menu(app), _("Pause"))->Enable(o.pause);
    }
    menu->AppendSeparator();
    add(menu, _("Open Limber…"), [&app] { app.show_home(); });
    add(menu, _("Weekly summary…"), [&app] { app.show_summary(); }, o.summary);
    add(menu, _("Settings…"), [&app] { app.show_settings(); });
    add(menu, _("About Limber"), [&app] { app.show_about(); });
    menu->AppendSeparator();
    add(menu, _("Quit"), [&app] { app.quit(); });
    return menu;
}

wxMenu* pause_menu(TrayApp& app)
{
    auto* pause = new wxMenu;
    add(pause, _("For 30 minutes"), [&app] { app.pause_for(30min); });
    add(pause, _("For 1 hour"), [&app] { app.pause_for(1h); });
    add(pause, _("For 2 hours"), [&app] { app.pause_for(2h); });
    add(pause, _("Until tomorrow"), [&app] { app.pause_until_tomorrow(); });
    return pause;
}

}  // namespace limber::tray
