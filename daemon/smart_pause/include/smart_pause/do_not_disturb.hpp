// Smart pause's do-not-disturb signal: the desktop is told not to show notifications, so a
// break should not show itself either. Two places say so:
// - the notification server's `Inhibited` property (org.freedesktop.Notifications on the
//   session bus; KDE Plasma has it, and tells changes by PropertiesChanged). Read at start,
//   on each change, and whenever the server's name gets a new owner; a server without the
//   property (GNOME Shell, most others) counts as off.
// - GNOME's `show-banners` key (org.gnome.desktop.notifications), false while GNOME's
//   do-not-disturb is on. GSettings keeps it in dconf; dconf's writer announces every change
//   on the session bus (ca.desrt.dconf.Writer Notify), and on each announcement under the
//   key's directory the key is read again through libdconf, which reads the database file
//   directly: no GLib main loop, no thread. Unset, it is the schema's default, true.
//   libdconf is loaded only once a dconf database exists (dconf_api.hpp).
//
// Not covered: a show-banners default changed by a distribution's schema override, a
// GSettings backend other than dconf, a change to dconf's system databases (an
// administrator's lock; read at start only), and other desktops' do-not-disturb (XFCE's
// xfconf, Cinnamon's own key) unless their notification server offers `Inhibited`.
#pragma once

#include "smart_pause/hold_source.hpp"

#include <memory>
#include <string>

struct _DConfClient;

namespace sdbus {
class IProxy;
}

namespace limber {

class HoldBus;
struct DconfApi;

// The dconf key GNOME's do-not-disturb turns false.
inline constexpr const char* gnome_show_banners_key = "/org/gnome/desktop/notifications/show-banners";

class DoNotDisturbWatch final : public HoldSource {
public:
    explicit DoNotDisturbWatch(boost::asio::io_context& io);
    ~DoNotDisturbWatch() override;

    void start(HoldCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override { return "do_not_disturb"; }

private:
    void listen(HoldBus& bus);  // its proxies and watches; throws sdbus::Error
    void ask_server();
    void read_gnome();
    bool open_dconf();  // false: no database to read (every key its default), or no library
    void update();

    boost::asio::io_context& io_;
    std::unique_ptr<HoldBus> bus_;
    std::unique_ptr<sdbus::IProxy> server_;
    const DconfApi* dconf_api_ = nullptr;  // loaded when a dconf database is first there
    _DConfClient* dconf_ = nullptr;
    bool dconf_warned_ = false;
    HoldCallback on_change_;
    bool running_ = false;
    bool server_on_ = false;
    unsigned server_asking_ = 0;  // drops answers older than the latest question
    bool gnome_on_ = false;
    bool reported_ = false;
    bool last_ = false;
};

}  // namespace limber
