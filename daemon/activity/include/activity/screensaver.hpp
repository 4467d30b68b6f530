// Screen lock from the desktop's org.freedesktop.ScreenSaver service on the session bus, on
// the daemon's Asio loop.
#pragma once

#include "activity/activity_source.hpp"

#include "activity/bus_pump.hpp"

#include <sdbus-c++/sdbus-c++.h>

#include <memory>
#include <vector>

namespace limber {

// Reports Locked while the screensaver says it is active (ActiveChanged(true), or GetActive()
// at start), Active otherwise. Listens on both /org/freedesktop/ScreenSaver and /ScreenSaver,
// since desktops differ. It follows the name: a screensaver that comes to the bus later (or
// comes back) is asked GetActive(), and one that leaves takes its lock with it.
class ScreenSaver final : public ActivitySource {
public:
    // Connects to the session bus. Returns null, after logging why, when there is none. A
    // missing service is only a warning: its signals are still listened for.
    static std::unique_ptr<ScreenSaver> open(boost::asio::io_context& io);
    ~ScreenSaver() override;

    void start(ActivityCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override { return "screensaver"; }

private:
    ScreenSaver(boost::asio::io_context& io, std::unique_ptr<sdbus::IConnection> bus);
    void appeared();  // someone owns the name (again): asks them
    void left();      // no one does: nothing is locked by it any more
    [[nodiscard]] bool get_active();
    void set(bool active);

    std::unique_ptr<sdbus::IConnection> bus_;
    std::vector<std::unique_ptr<sdbus::IProxy>> proxies_;
    sdbus::Slot name_watch_;
    BusPump pump_;
    ActivityCallback on_change_;
    bool active_ = false;
    bool running_ = false;
};

}  // namespace limber
