#include "indicator.hpp"

#include "app.hpp"
#include "client/runtime.hpp"
#include "icon_painter.hpp"
#include "tray_icon.hpp"

#include <gdk/gdk.h>
#include <gio/gio.h>
#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/gdkx.h>
#endif
#include <libdbusmenu-glib/server.h>
#include <libdbusmenu-gtk/parser.h>
#include <wx/image.h>
#include <wx/log.h>
#include <wx/menu.h>
#include <wx/modalhook.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include <unistd.h>

namespace limber::tray {
namespace {

namespace fs = std::filesystem;

constexpr const char* kItemPath = "/StatusNotifierItem";
constexpr const char* kItemInterface = "org.kde.StatusNotifierItem";
constexpr const char* kMenuPath = "/MenuBar";
constexpr const char* kWatcherName = "org.kde.StatusNotifierWatcher";
constexpr const char* kTitle = "Limber";

// The item as the freedesktop StatusNotifierItem spec has it, less what Limber never shows
// (overlay and attention icons, a movie). GDBus answers Get/GetAll from this. NewTitle is
// declared for hosts that look for it, and never sent: the title stays "Limber".
constexpr const char* kItemXml = R"xml(<node>
  <interface name="org.kde.StatusNotifierItem">
    <property name="Category" type="s" access="read"/>
    <property name="Id" type="s" access="read"/>
    <property name="Title" type="s" access="read"/>
    <property name="Status" type="s" access="read"/>
    <property name="WindowId" type="i" access="read"/>
    <property name="IconName" type="s" access="read"/>
    <property name="IconThemePath" type="s" access="read"/>
    <property name="IconPixmap" type="a(iiay)" access="read"/>
    <property name="ToolTip" type="(sa(iiay)ss)" access="read"/>
    <property name="ItemIsMenu" type="b" access="read"/>
    <property name="Menu" type="o" access="read"/>
    <method name="ContextMenu"><arg name="x" type="i" direction="in"/><arg name="y" type="i" direction="in"/></method>
    <method name="Activate"><arg name="x" type="i" direction="in"/><arg name="y" type="i" direction="in"/></method>
    <method name="SecondaryActivate"><arg name="x" type="i" direction="in"/><arg name="y" type="i" direction="in"/></method>
    <method name="Scroll"><arg name="delta" type="i" direction="in"/><arg name="orientation" type="s" direction="in"/></method>
    <signal name="NewTitle"/>
    <signal name="NewIcon"/>
    <signal name="NewToolTip"/>
    <signal name="NewStatus"><arg name="status" type="s"/></signal>
  </interface>
</node>)xml";

// Owning pointers for what GLib counts references of.
struct ObjectUnref {
    void operator()(gpointer p) const { g_object_unref(p); }
};
struct VariantUnref {
    void operator()(GVariant* v) const { g_variant_unref(v); }
};
struct NodeInfoUnref {
    void operator()(GDBusNodeInfo* n) const { g_dbus_node_info_unref(n); }
};
struct ErrorFree {
    void operator()(GError* e) const { g_error_free(e); }
};
template <class T> using GObjectPtr = std::unique_ptr<T, ObjectUnref>;
using VariantPtr = std::unique_ptr<GVariant, VariantUnref>;
using NodeInfoPtr = std::unique_ptr<GDBusNodeInfo, NodeInfoUnref>;
using ErrorPtr = std::unique_ptr<GError, ErrorFree>;

// Takes a new variant, sinking the floating reference GLib's constructors return.
VariantPtr own(GVariant* v) { return VariantPtr(g_variant_ref_sink(v)); }

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

// A due break asks for the user's eye; hosts may then show the item even when they hide
// the rest.
const char* status_of(const StatusView& view) { return view.look == StatusView::Look::Due ? "NeedsAttention" : "Active"; }

// Where the icon files go: Limber's runtime directory, private to the user and emptied at
// logout (without one, the fallback every Limber program uses for it).
fs::path icon_dir() { return runtime_paths().runtime_dir / "icons"; }

// One (iiay) of IconPixmap: width, height and ARGB32 pixels in network byte order, which
// hosts without access to our icon files (a sandbox, another machine) draw from.
GVariant* pixmap_of(const wxImage& image)
{
    const int w = image.GetWidth();
    const int h = image.GetHeight();
    const unsigned char* rgb = image.GetData();
    const unsigned char* alpha = image.HasAlpha() ? image.GetAlpha() : nullptr;
    std::vector<unsigned char> argb;
    argb.reserve(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
    for (int i = 0; i < w * h; ++i) {
        argb.push_back(alpha ? alpha[i] : 0xff);
        argb.insert(argb.end(), rgb + 3 * i, rgb + 3 * i + 3);
    }
    GVariant* bytes = g_variant_new_fixed_array(G_VARIANT_TYPE_BYTE, argb.data(), argb.size(), 1);
    return g_variant_new("(ii@ay)", w, h, bytes);
}

// The ids GLib hands out for a name owned, a name watched and an object exported, given
// back when the item goes.
class BusIds {
public:
    BusIds() = default;
    BusIds(const BusIds&) = delete;
    BusIds& operator=(const BusIds&) = delete;
    ~BusIds()
    {
        if (watch) g_bus_unwatch_name(watch);
        if (own) g_bus_unown_name(own);
        if (object && connection) g_dbus_connection_unregister_object(connection, object);
    }
    GDBusConnection* connection = nullptr;  // not owned: the item keeps it
    guint object = 0;
    guint own = 0;
    guint watch = 0;
};

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

// The StatusNotifierItem, served in-process with GDBus on the GTK main loop wx runs: Title
// "Limber", the tooltip's words ("Next break in 23 min"), the icon as a name (PNG files under
// a new name for each change, since hosts cache icons by name) and as pixels, and the wx menu
// exported over dbusmenu. While no StatusNotifierWatcher is on the bus, the XEmbed icon
// stands in.
class SniIndicator final : public Indicator {
public:
    explicit SniIndicator(TrayApp& app) : app_(app), dir_(icon_dir())
    {
        std::error_code ec;
        fs::create_directories(dir_, ec);
        if (ec) wxLogWarning("cannot create %s: %s", dir_.string(), ec.message());
        if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) wxImage::AddHandler(new wxPNGHandler);
        write_icon(view_, remaining_);
        modals_.Register();
        if (!connect()) start_fallback();
    }

    ~SniIndicator() override
    {
        modals_.Unregister();
        g_cancellable_cancel(cancel_.get());
        ids_.reset();          // off the bus first: no call reaches a half-gone item
        menu_server_.reset();  // lets go of the menu's root before the wx menu goes
        fallback_.reset();
        remove_old_icons("");
    }

    void update(const StatusView& view, double remaining) override
    {
        const StatusView old = view_;
        view_ = view;
        remaining_ = remaining;
        if (fallback_) fallback_->update(view, remaining);
        if (write_icon(view, remaining)) remove_old_icons(icon_name_);
        emit("NewIcon", nullptr);
        if (view.tooltip != old.tooltip) emit("NewToolTip", nullptr);
        if (std::string(status_of(view)) != status_of(old)) emit("NewStatus", g_variant_new("(s)", status_of(view)));
        rebuild_menu();
    }

    void rebuild_menu() override
    {
        if (!menu_server_) return;
        // The new menu is exported before the old one goes, so the panel never sees none.
        std::unique_ptr<wxMenu> menu(build_menu(app_));
        watch_clicks(*menu);
        GObjectPtr<DbusmenuMenuitem> root(dbusmenu_gtk_parse_menu_structure(GTK_WIDGET(menu->m_menu)));
        dbusmenu_server_set_root(menu_server_.get(), root.get());
        menu_.swap(menu);
    }

private:
    // Puts the item on the session bus: the object, its well-known name, the menu, and a
    // watch on the watcher. False when there is no session bus (the XEmbed icon then).
    bool connect()
    {
        GError* raw = nullptr;
        connection_.reset(g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &raw));
        ErrorPtr error(raw);
        if (!connection_) {
            wxLogWarning("no session bus: %s", error ? error->message : "unknown error");
            return false;
        }
        node_.reset(g_dbus_node_info_new_for_xml(kItemXml, nullptr));
        ids_ = std::make_unique<BusIds>();
        ids_->connection = connection_.get();
        static const GDBusInterfaceVTable vtable{on_method_call, on_get_property, nullptr, {}};
        ids_->object = g_dbus_connection_register_object(connection_.get(), kItemPath, node_->interfaces[0], &vtable, this, nullptr, nullptr);
        // libdbusmenu serves on the same (shared) session connection, hence under our name too.
        menu_server_.reset(dbusmenu_server_new(kMenuPath));
        rebuild_menu();
        bus_name_ = "org.kde.StatusNotifierItem-" + std::to_string(getpid()) + "-1";
        ids_->own = g_bus_own_name_on_connection(connection_.get(), bus_name_.c_str(), G_BUS_NAME_OWNER_FLAGS_NONE, on_name_acquired,
                                                 on_name_lost, this, nullptr);
        ids_->watch = g_bus_watch_name_on_connection(connection_.get(), kWatcherName, G_BUS_NAME_WATCHER_FLAGS_NONE, on_watcher_appeared,
                                                     on_watcher_vanished, this, nullptr);
        return true;
    }

    // The watcher learns of the item once both are there: our name (so it can find us) and
    // the watcher itself. Either may come first, and the watcher may come again.
    void register_with_watcher()
    {
        if (!name_owned_ || !watcher_present_) return;
        g_dbus_connection_call(connection_.get(), kWatcherName, "/StatusNotifierWatcher", kWatcherName, "RegisterStatusNotifierItem",
                               g_variant_new("(s)", bus_name_.c_str()), nullptr, G_DBUS_CALL_FLAGS_NONE, -1, cancel_.get(), on_registered, this);
    }

    static void on_registered(GObject* source, GAsyncResult* result, gpointer data)
    {
        GError* raw = nullptr;
        VariantPtr reply(g_dbus_connection_call_finish(G_DBUS_CONNECTION(source), result, &raw));
        ErrorPtr error(raw);
        if (error && g_error_matches(error.get(), G_IO_ERROR, G_IO_ERROR_CANCELLED)) return;  // the item is gone
        auto* self = static_cast<SniIndicator*>(data);
        if (error) {
            wxLogWarning("the StatusNotifierWatcher refused the item: %s", error->message);
            self->start_fallback();
        } else {
            self->stop_fallback();
        }
    }

    static void on_name_acquired(GDBusConnection*, const gchar*, gpointer data)
    {
        auto* self = static_cast<SniIndicator*>(data);
        self->name_owned_ = true;
        self->register_with_watcher();
    }

    static void on_name_lost(GDBusConnection*, const gchar* name, gpointer data)
    {
        auto* self = static_cast<SniIndicator*>(data);
        self->name_owned_ = false;
        wxLogWarning("cannot own %s on the session bus", name);
    }

    static void on_watcher_appeared(GDBusConnection*, const gchar*, const gchar*, gpointer data)
    {
        auto* self = static_cast<SniIndicator*>(data);
        self->watcher_present_ = true;
        self->register_with_watcher();
    }

    static void on_watcher_vanished(GDBusConnection*, const gchar*, gpointer data)
    {
        auto* self = static_cast<SniIndicator*>(data);
        self->watcher_present_ = false;
        self->start_fallback();
    }

    void start_fallback()
    {
        if (fallback_) return;
        wxLogMessage("no StatusNotifierWatcher on the session bus; using the XEmbed tray icon");
        fallback_ = std::make_unique<TrayIcon>(app_);
        fallback_->update(view_, remaining_);
    }

    void stop_fallback()
    {
        if (!fallback_) return;
        wxLogMessage("a StatusNotifierWatcher appeared; leaving the XEmbed tray");
        fallback_.reset();
    }

    // Activate (a left click on the icon) opens the home window. SecondaryActivate, Scroll
    // and ContextMenu do nothing: the menu is in the Menu property, which hosts open
    // themselves, and no click on the icon should start something the user did not pick.
    static void on_method_call(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar* method, GVariant*,
                               GDBusMethodInvocation* invocation, gpointer data)
    {
        if (g_strcmp0(method, "Activate") == 0) {
            TrayApp& app = static_cast<SniIndicator*>(data)->app_;
            app.CallAfter([&app] { app.show_home(); });
        }
        g_dbus_method_invocation_return_value(invocation, nullptr);
    }

    static GVariant* on_get_property(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar* name, GError** error,
                                     gpointer data)
    {
        if (GVariant* value = static_cast<SniIndicator*>(data)->property(name)) return value;
        g_set_error(error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY, "no property %s", name);
        return nullptr;
    }

    GVariant* property(const std::string& name) const
    {
        if (name == "Category") return g_variant_new_string("ApplicationStatus");
        if (name == "Id") return g_variant_new_string("limber");
        if (name == "Title") return g_variant_new_string(kTitle);
        if (name == "Status") return g_variant_new_string(status_of(view_));
        if (name == "WindowId") return g_variant_new_int32(0);
        if (name == "IconName") return g_variant_new_string(icon_name_.c_str());
        if (name == "IconThemePath") return g_variant_new_string(dir_.c_str());
        if (name == "IconPixmap") return g_variant_ref(pixmaps_.get());
        if (name == "ToolTip") return tooltip();
        if (name == "ItemIsMenu") return g_variant_new_boolean(FALSE);
        if (name == "Menu") return g_variant_new_object_path(kMenuPath);
        return nullptr;
    }

    // (icon name, icon pixmaps, title, text): no icon of its own, the item's shows beside it.
    GVariant* tooltip() const
    {
        GVariant* no_pixmaps = g_variant_new_array(G_VARIANT_TYPE("(iiay)"), nullptr, 0);
        return g_variant_new("(s@a(iiay)ss)", "", no_pixmaps, kTitle, view_.tooltip.c_str());
    }

    // Sends one of the item's signals; `args` (floating, or null) is consumed.
    void emit(const char* signal, GVariant* args) const
    {
        if (!connection_) {
            if (args) g_variant_unref(g_variant_ref_sink(args));
            return;
        }
        g_dbus_connection_emit_signal(connection_.get(), nullptr, kItemPath, kItemInterface, signal, args, nullptr);
    }

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

    // Paints the icon into IconPixmap and into new files; false (and the old name kept) if a
    // file could not be written. The pixels change either way: they need no file.
    bool write_icon(const StatusView& view, double remaining)
    {
        const std::string name = std::string("limber-") + look_name(view.look) + "-" + std::to_string(++serial_);
        bool ok = true;
        GVariantBuilder pixmaps;
        g_variant_builder_init(&pixmaps, G_VARIANT_TYPE("a(iiay)"));
        for (int size : std::array{22, 24, 48}) {
            const fs::path sized = dir_ / "hicolor" / (std::to_string(size) + "x" + std::to_string(size)) / "apps";
            std::error_code ec;
            fs::create_directories(sized, ec);
            const wxImage image = paint_icon(view.look, remaining, size).ConvertToImage();
            ok = image.SaveFile((sized / (name + ".png")).string(), wxBITMAP_TYPE_PNG) && ok;
            g_variant_builder_add_value(&pixmaps, pixmap_of(image));
            // Also one file at the top, for hosts that read the theme path as a plain directory.
            if (size == 48) ok = image.SaveFile((dir_ / (name + ".png")).string(), wxBITMAP_TYPE_PNG) && ok;
        }
        pixmaps_ = own(g_variant_builder_end(&pixmaps));
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
    StatusView view_ = StatusView::not_running();
    double remaining_ = 1.0;
    std::string icon_name_;
    VariantPtr pixmaps_;
    unsigned serial_ = 0;

    GObjectPtr<GCancellable> cancel_{g_cancellable_new()};
    GObjectPtr<GDBusConnection> connection_;
    NodeInfoPtr node_;
    std::string bus_name_;
    std::unique_ptr<BusIds> ids_;
    bool name_owned_ = false;
    bool watcher_present_ = false;

    std::unique_ptr<wxMenu> menu_;
    GObjectPtr<DbusmenuServer> menu_server_;
    std::unique_ptr<TrayIcon> fallback_;
};

}  // namespace

std::unique_ptr<Indicator> make_indicator(TrayApp& app) { return std::make_unique<SniIndicator>(app); }

bool tray_host_present()
{
    if (GDBusConnection* bus = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, nullptr)) {
        GVariant* reply = g_dbus_connection_call_sync(bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                                      "NameHasOwner", g_variant_new("(s)", kWatcherName), G_VARIANT_TYPE("(b)"),
                                                      G_DBUS_CALL_FLAGS_NONE, 2000, nullptr, nullptr);
        g_object_unref(bus);
        gboolean owned = FALSE;
        if (reply) {
            g_variant_get(reply, "(b)", &owned);
            g_variant_unref(reply);
        }
        if (owned) return true;
    }
#ifdef GDK_WINDOWING_X11
    GdkDisplay* display = gdk_display_get_default();
    if (display && GDK_IS_X11_DISPLAY(display)) {
        Display* x = gdk_x11_display_get_xdisplay(display);
        const std::string selection = "_NET_SYSTEM_TRAY_S" + std::to_string(DefaultScreen(x));
        if (XGetSelectionOwner(x, XInternAtom(x, selection.c_str(), False)) != None) return true;
    }
#endif
    return false;
}

}  // namespace limber::tray
