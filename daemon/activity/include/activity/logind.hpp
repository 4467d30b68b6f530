// Screen lock and suspend from systemd-logind over the system bus, on the daemon's Asio loop.
#pragma once

#include "activity/activity_source.hpp"

#include "activity/bus_pump.hpp"

#include <sdbus-c++/sdbus-c++.h>

#include <memory>

namespace limber {

// Reports Asleep between PrepareForSleep(true) and PrepareForSleep(false), Locked between
// the session's Lock and Unlock (or while its LockedHint is true), Active otherwise. logind
// may come to the bus after limberd, or be restarted: the source follows its name and asks
// again for the session and its state each time logind appears.
class Logind final : public ActivitySource {
public:
    // Connects to the system bus. Returns null, after logging why, when there is no bus; a
    // session that cannot be found (or a logind not there yet) only loses lock tracking until
    // logind appears, with a warning.
    static std::unique_ptr<Logind> open(boost::asio::io_context& io);
    ~Logind() override;

    void start(ActivityCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override { return "logind"; }

private:
    Logind(boost::asio::io_context& io, std::unique_ptr<sdbus::IConnection> bus);
    void read_state();  // asks logind whether it is putting the machine to sleep, and watches the session
    void watch_session();
    void appeared();  // logind owns its name (again)
    void left();
    void set(bool* flag, bool value);
    [[nodiscard]] ActivityKind kind() const;

    std::unique_ptr<sdbus::IConnection> bus_;
    std::unique_ptr<sdbus::IProxy> manager_;
    std::unique_ptr<sdbus::IProxy> session_;
    sdbus::Slot name_watch_;
    BusPump pump_;
    ActivityCallback on_change_;
    bool asleep_ = false;
    bool locked_ = false;
    bool present_ = false;  // logind answered us since it last came to the bus
    bool running_ = false;
};

}  // namespace limber
