// The session bus as smart pause's D-Bus sources use it: a connection of the source's own,
// driven from the Asio loop by a BusPump (no thread), and word of services coming and going.
#pragma once

#include "activity/bus_pump.hpp"

#include "dbus/sdbus_adapter.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace limber {

class HoldBus {
public:
    // Connects to the session bus; null, after a warning naming `who` and `what` is lost
    // ("inhibitors: no session bus (...); applications keeping the screen awake are not
    // seen"), when there is none.
    static std::unique_ptr<HoldBus> open(boost::asio::io_context& io, const std::string& who, const std::string& what);
    ~HoldBus();
    HoldBus(const HoldBus&) = delete;
    HoldBus& operator=(const HoldBus&) = delete;

    [[nodiscard]] sdbus::IConnection& bus() { return *bus_; }

    // Calls `on_owner(true)` when the well-known `name` gets an owner and `on_owner(false)`
    // when it loses it (dbus::watch_name_owner). Throws sdbus::Error.
    void watch_name(const std::string& name, std::function<void(bool)> on_owner);
    // Calls `on_message` for each message matching the D-Bus match `rule`. Throws sdbus::Error.
    void watch(const std::string& rule, std::function<void(sdbus::Message&)> on_message);

    // A source's start: forgets the watches of an earlier start, lets `setup` add its own
    // (proxies, watch_name, watch), and pumps the connection; `on_lost` runs once if the bus
    // goes away (after a warning). False, after a warning naming what is lost, when `setup`
    // throws sdbus::Error. Not from inside a watch's handler.
    bool listen(const std::function<void(HoldBus&)>& setup, std::function<void()> on_lost);
    // No handler runs after this; the matches stay until the next start or the end.
    void stop();

private:
    HoldBus(boost::asio::io_context& io, std::unique_ptr<sdbus::IConnection> bus, std::string who, std::string what);

    std::unique_ptr<sdbus::IConnection> bus_;
    std::string who_, what_;
    std::function<void()> on_lost_;
    BusPump pump_;
    std::vector<sdbus::Slot> matches_;
    bool running_ = false;
};

}  // namespace limber
