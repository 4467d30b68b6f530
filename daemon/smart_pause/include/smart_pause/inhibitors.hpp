// Smart pause's inhibitor signal: an application asks the desktop not to go idle (a video
// player, a presentation). Two services say so on the session bus, and either or both may be
// there:
// - GNOME's session manager (org.gnome.SessionManager): IsInhibited(8), 8 being "idle", asked
//   again on each InhibitorAdded/InhibitorRemoved; the application is the GetAppId of the
//   first inhibitor whose GetFlags include idle.
// - org.freedesktop.PowerManagement.Inhibit (KDE Plasma and others): HasInhibit(), asked
//   again on HasInhibitChanged; the application is the first of ListInhibitions() where the
//   service has it (KDE does), else none.
// Each is asked again when its name gets an owner and counts as off when it loses it, so a
// session manager that starts after us, or restarts, is followed. No polling.
//
// Not covered: org.freedesktop.ScreenSaver's Inhibit, which offers no way to ask whether
// anyone holds it (GNOME and KDE mirror it into the services above).
#pragma once

#include "smart_pause/hold_source.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sdbus {
class IProxy;
class ObjectPath;
}  // namespace sdbus

namespace limber {

class HoldBus;

class InhibitorsWatch final : public HoldSource {
public:
    explicit InhibitorsWatch(boost::asio::io_context& io);
    ~InhibitorsWatch() override;

    void start(HoldCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override { return "inhibitors"; }

private:
    void listen(HoldBus& bus);  // its proxies and watches; throws sdbus::Error
    // What one service says: on or not, and who; `asking` is bumped by every new question,
    // so an older answer is dropped.
    struct Side {
        bool on = false;
        std::string app;
        unsigned asking = 0;
    };

    void ask_gnome();
    void ask_gnome_inhibitor(unsigned asking, std::vector<sdbus::ObjectPath> paths, std::size_t i);
    void ask_kde();
    void lost(Side& side);
    void update();

    boost::asio::io_context& io_;
    std::unique_ptr<HoldBus> bus_;
    std::unique_ptr<sdbus::IProxy> gnome_, kde_;
    std::vector<std::unique_ptr<sdbus::IProxy>> gnome_inhibitors_;  // for the questions in flight
    Side gnome_side_, kde_side_;
    HoldCallback on_change_;
    bool running_ = false;
    bool reported_ = false;
    std::optional<HoldReason> last_;
};

}  // namespace limber
