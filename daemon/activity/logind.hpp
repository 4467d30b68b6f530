// Screen lock and suspend from systemd-logind over the system bus, on the daemon's Asio loop.
#pragma once

#include "activity/activity_source.hpp"

#include "activity/bus_pump.hpp"

#include <memory>

namespace sdbus {
class IConnection;
class IProxy;
}  // namespace sdbus

namespace limber {

// Reports Asleep between PrepareForSleep(true) and PrepareForSleep(false), Locked between
// the session's Lock and Unlock (or while its LockedHint is true), Active otherwise.
class Logind final : public ActivitySource {
public:
    // Connects to the system bus. Returns null, after logging why, when there is no bus; a
    // session that cannot be found only loses lock tracking, with a warning.
    static std::unique_ptr<Logind> open(boost::asio::io_context& io);
    ~Logind() override;

    void start(ActivityCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override { return "logind"; }

private:
    Logind(boost::asio::io_context& io, std::unique_ptr<sdbus::IConnection> bus);
    void watch_session();
    void set(bool* flag, bool value);
    [[nodiscard]] ActivityKind kind() const;

    std::unique_ptr<sdbus::IConnection> bus_;
    std::unique_ptr<sdbus::IProxy> manager_;
    std::unique_ptr<sdbus::IProxy> session_;
    BusPump pump_;
    ActivityCallback on_change_;
    bool asleep_ = false;
    bool locked_ = false;
    bool running_ = false;
};

}  // namespace limber
