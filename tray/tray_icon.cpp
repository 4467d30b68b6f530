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
    Bind(wxEVT_TASKBAR_LEFT_UP, &TrayIcon::on_left_click, this);
}

TrayIcon::~TrayIcon() { RemoveIcon(); }

void TrayIcon::update(const StatusView& view, double remaining)
{
    SetIcon(icon_bundle(view.look, remaining), wxString::FromUTF8(view.tooltip));
}

void TrayIcon::on_left_click(wxTaskBarIconEvent&)
{
    if (wxMenu* menu = CreatePopupMenu()) {
        PopupMenu(menu);
        delete menu;
    }
}

wxMenu* TrayIcon::CreatePopupMenu() { return build_menu(app_); }

wxMenu* build_menu(TrayApp& app)
{
    const StatusView& v = app.view();
    const Catalog& c = app.catalog();
    const bool up = app.connected();
    auto* menu = new wxMenu;
    wxMenuItem* status = menu->Append(wxID_ANY, wxString::FromUTF8(v.menu_line));
    status->Enable(false);
    if (!up) add(menu, _("Start Limber"), [&app] { app.start_daemon(); });
    menu->AppendSeparator();

    const Routine* quick = c.find_routine("quick-daily-reset");
    add(menu, quick ? wxString::Format(_("Start %s"), wxString::FromUTF8(quick->name)) : _("Start a break"), [&app] { app.start_routine("quick-daily-reset"); },
        up && !v.in_break);
    auto* routines = new wxMenu;
    for (const Routine& r : c.routines) {
        if (r.id == "quick-daily-reset") continue;
        add(routines, wxString::FromUTF8(r.name), [&app, id = r.id] { app.start_routine(id); }, up && !v.in_break);
    }
    routines->AppendSeparator();
    for (const Exercise& e : c.exercises)
        add(routines, wxString::Format(_("%s only"), wxString::FromUTF8(e.name)), [&app, id = e.id] { app.start_routine("single:" + id); },
            up && !v.in_break);
    menu->AppendSubMenu(routines, _("Start routine"))->Enable(up && !v.in_break);

    add(menu, _("Snooze"), [&app] { app.snooze(); }, up && v.can_snooze);
    add(menu, v.look == StatusView::Look::Due ? _("Skip this break") : _("Skip next break"), [&app] { app.skip(); },
        up && !v.in_break && !v.paused);
    if (v.paused) {
        add(menu, _("Resume"), [&app] { app.resume(); }, up);
    } else {
        auto* pause = new wxMenu;
        add(pause, _("For 30 minutes"), [&app] { app.pause_for(30min); });
        add(pause, _("For 1 hour"), [&app] { app.pause_for(1h); });
        add(pause, _("For 2 hours"), [&app] { app.pause_for(2h); });
        add(pause, _("Until tomorrow"), [&app] { app.pause_until_tomorrow(); });
        menu->AppendSubMenu(pause, _("Pause"))->Enable(up);
    }
    menu->AppendSeparator();
    add(menu, _("Weekly summary…"), [&app] { app.show_summary(); }, up);
    add(menu, _("Settings…"), [&app] { app.show_settings(); });
    add(menu, _("About Limber"), [&app] { app.show_about(); });
    menu->AppendSeparator();
    add(menu, _("Quit"), [&app] { app.quit(); });
    return menu;
}

}  // namespace limber::tray
