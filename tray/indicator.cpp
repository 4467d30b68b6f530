#include "indicator.hpp"

#include "app.hpp"
#include "icon_painter.hpp"
#include "tray_icon.hpp"

#include <libayatana-appindicator/app-indicator.h>
#include <wx/image.h>
#include <wx/log.h>
#include <wx/menu.h>
#include <wx/modalhook.h>

#include <array>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <system_error>

#include <unistd.h>

namespace limber::tray {
namespace {

namespace fs = std::filesystem;

const char* look_name(StatusView::Look look)
{
    switch (look) {
    case StatusView::Look::Counting: return "counting";
    case StatusView::Look::Due: return "due";
    case StatusView::Look::Paused: return "paused";
    case StatusView::Look::Away: return "away";
    case StatusView::Look::InBreak: return "in-break";
    case StatusView::Look::OffHours: return "off-hours";
    case StatusView::Look::NotRunning: return "not-running";
    }
    return "unknown";
}

// Where the icon files go: the runtime directory is private to the user and emptied at logout.
fs::path icon_dir()
{
    const char* run = std::getenv("XDG_RUNTIME_DIR");
    const fs::path base = run && *run ? fs::path(run) : fs::temp_directory_path() / ("limber-" + std::to_string(getuid()));
    return base / "limber" / "icons";
}

class SniIndicator;

// Counts the modal dialogs open (wx keeps its count to itself).
class ModalCount final : public wxModalDialogHook {
public:
    int open = 0;

protected:
    int Enter(wxDialog*) override
    {
        ++open;
        return wxID_NONE;
    }
    void Exit(wxDialog*) override { --open; }
};

// A subclass of AppIndicator whose fallback is our own XEmbed icon rather than a
// GtkStatusIcon of the library's making.
struct LimberIndicatorClass {
    AppIndicatorClass parent;
};

SniIndicator* owner_of(AppIndicator* indicator)
{
    return static_cast<SniIndicator*>(g_object_get_data(G_OBJECT(indicator), "limber-owner"));
}

GtkStatusIcon* on_fallback(AppIndicator* indicator);
void on_unfallback(AppIndicator* indicator, GtkStatusIcon* stand_in);

void limber_indicator_class_init(gpointer klass, gpointer)
{
    auto* c = static_cast<AppIndicatorClass*>(klass);
    c->fallback = on_fallback;
    c->unfallback = on_unfallback;
}

GType limber_indicator_type()
{
    static const GType type = g_type_register_static_simple(app_indicator_get_type(), "LimberIndicator", sizeof(LimberIndicatorClass),
                                                            limber_indicator_class_init, sizeof(AppIndicator), nullptr, GTypeFlags{});
    return type;
}

// The StatusNotifierItem: the icon as PNG files under a new name for each change (hosts
// cache icons by name), and the wx menu exported over dbusmenu. The library has no tooltip;
// the title stays "Limber" (hosts show it as the item's name) and the words a tooltip would
// carry ("Next break in 23 min") are the menu's first line.
class SniIndicator final : public Indicator {
public:
    explicit SniIndicator(TrayApp& app) : app_(app), dir_(icon_dir())
    {
        std::error_code ec;
        fs::create_directories(dir_, ec);
        if (ec) wxLogWarning("cannot create %s: %s", dir_.string(), ec.message());
        if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) wxImage::AddHandler(new wxPNGHandler);
        write_icon(StatusView::not_running(), 1.0);
        indicator_ = APP_INDICATOR(g_object_new(limber_indicator_type(), "id", "limber", "category", "ApplicationStatus",
                                                "icon-theme-path", dir_.c_str(), "icon-name", icon_name_.c_str(), nullptr));
        g_object_set_data(G_OBJECT(indicator_), "limber-owner", this);
        app_indicator_set_title(indicator_, "Limber");
        app_indicator_set_status(indicator_, APP_INDICATOR_STATUS_ACTIVE);
        rebuild_menu();
        modals_.Register();
    }

    ~SniIndicator() override
    {
        modals_.Unregister();
        // Disposing the indicator takes its fallback icon down through on_unfallback.
        g_object_unref(indicator_);
        fallback_.reset();
        remove_old_icons("");
    }

    void update(const StatusView& view, double remaining) override
    {
        view_ = view;
        remaining_ = remaining;
        if (fallback_) fallback_->update(view, remaining);
        if (write_icon(view, remaining)) {
            app_indicator_set_icon_full(indicator_, icon_name_.c_str(), view.tooltip.c_str());
            remove_old_icons(icon_name_);
        }
        rebuild_menu();
    }

    void rebuild_menu() override
    {
        // The new menu is exported before the old one goes, so the panel never sees none.
        std::unique_ptr<wxMenu> menu(build_menu(app_));
        watch_clicks(*menu);
        app_indicator_set_menu(indicator_, GTK_MENU(menu->m_menu));
        menu_.swap(menu);
    }

    GtkStatusIcon* start_fallback()
    {
        wxLogMessage("no StatusNotifierWatcher on the session bus; using the XEmbed tray icon");
        fallback_ = std::make_unique<TrayIcon>(app_);
        fallback_->update(view_, remaining_);
        // The library wants a status icon back, or it never calls on_unfallback; an
        // invisible one stands in for ours.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
        return GTK_STATUS_ICON(g_object_new(GTK_TYPE_STATUS_ICON, "visible", FALSE, nullptr));
#pragma GCC diagnostic pop
    }

    void stop_fallback(GtkStatusIcon* stand_in)
    {
        if (fallback_) wxLogMessage("a StatusNotifierWatcher appeared; leaving the XEmbed tray");
        fallback_.reset();
        if (stand_in) g_object_unref(stand_in);
    }

private:
    // wx drops menu events while a modal dialog (Settings, About) is open, but a click in the
    // panel's menu is the user's, not the dialog's business: each item also answers GTK's
    // "activate" itself then, and the action runs from the event loop.
    void watch_clicks(wxMenu& menu)
    {
        for (wxMenuItem* item : menu.GetMenuItems()) {
            if (wxMenu* sub = item->GetSubMenu()) {
                watch_clicks(*sub);
            } else if (GtkWidget* widget = item->GetMenuItem()) {
                g_signal_connect(widget, "activate", G_CALLBACK(on_activate_during_modal), this);
            }
        }
    }

    static void on_activate_during_modal(GtkMenuItem* widget, gpointer data)
    {
        auto* self = static_cast<SniIndicator*>(data);
        if (self->modals_.open == 0) return;  // wx sends the event itself
        const int id = item_id(*self->menu_, GTK_WIDGET(widget));
        if (id == wxID_NONE) return;
        wxTheApp->CallAfter([self, id] {
            // The menu may have been rebuilt meanwhile; its ids are new then and nothing runs.
            wxMenu* owner = nullptr;
            if (self->menu_ && self->menu_->FindItem(id, &owner) && owner) owner->SendEvent(id);
        });
    }

    static int item_id(const wxMenu& menu, const GtkWidget* widget)
    {
        for (const wxMenuItem* item : menu.GetMenuItems()) {
            if (const wxMenu* sub = item->GetSubMenu()) {
                if (const int id = item_id(*sub, widget); id != wxID_NONE) return id;
            } else if (item->GetMenuItem() == widget) {
                return item->IsEnabled() ? item->GetId() : wxID_NONE;
            }
        }
        return wxID_NONE;
    }

    // Paints the icon into new files; false (and the old name kept) if it could not.
    bool write_icon(const StatusView& view, double remaining)
    {
        const std::string name = std::string("limber-") + look_name(view.look) + "-" + std::to_string(++serial_);
        bool ok = true;
        for (int size : std::array{22, 24, 48}) {
            const fs::path sized = dir_ / "hicolor" / (std::to_string(size) + "x" + std::to_string(size)) / "apps";
            std::error_code ec;
            fs::create_directories(sized, ec);
            ok = paint_icon(view.look, remaining, size).ConvertToImage().SaveFile((sized / (name + ".png")).string(), wxBITMAP_TYPE_PNG) && ok;
        }
        // Also one file at the top, for hosts that read the theme path as a plain directory.
        ok = paint_icon(view.look, remaining, 48).ConvertToImage().SaveFile((dir_ / (name + ".png")).string(), wxBITMAP_TYPE_PNG) && ok;
        if (!ok) {
            wxLogWarning("cannot write the tray icon into %s", dir_.string());
            return false;
        }
        icon_name_ = name;
        return true;
    }

    // Removes every icon file but those named `keep` (all of them when it is empty).
    void remove_old_icons(const std::string& keep) const
    {
        std::error_code ec;
        const std::string keep_file = keep + ".png";
        for (auto it = fs::recursive_directory_iterator(dir_, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const fs::path& p = it->path();
            if (p.extension() == ".png" && p.filename().string().starts_with("limber-") && (keep.empty() || p.filename() != keep_file)) {
                std::error_code ignored;
                fs::remove(p, ignored);
            }
        }
    }

    TrayApp& app_;
    ModalCount modals_;
    fs::path dir_;
    AppIndicator* indicator_ = nullptr;
    std::unique_ptr<wxMenu> menu_;
    std::unique_ptr<TrayIcon> fallback_;
    StatusView view_ = StatusView::not_running();
    double remaining_ = 1.0;
    std::string icon_name_;
    unsigned serial_ = 0;
};

GtkStatusIcon* on_fallback(AppIndicator* indicator)
{
    SniIndicator* owner = owner_of(indicator);
    return owner ? owner->start_fallback() : nullptr;
}

void on_unfallback(AppIndicator* indicator, GtkStatusIcon* stand_in)
{
    if (SniIndicator* owner = owner_of(indicator)) owner->stop_fallback(stand_in);
    else if (stand_in) g_object_unref(stand_in);
}

}  // namespace

std::unique_ptr<Indicator> make_indicator(TrayApp& app) { return std::make_unique<SniIndicator>(app); }

}  // namespace limber::tray
