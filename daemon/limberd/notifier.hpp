// Desktop notifications sent by limberd itself (org.freedesktop.Notifications), for when no
// tray is connected: a headless user is still reminded, and can start or snooze from it.
#pragma once

#include "activity/bus_pump.hpp"

#include <boost/asio/io_context.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace sdbus {
class IConnection;
class IProxy;
}  // namespace sdbus

namespace limber {

class Notifier {
public:
    using ActionHandler = std::function<void(const std::string& action)>;  // "start" or "snooze"

    // Null, after a logged warning, when there is no session bus.
    static std::unique_ptr<Notifier> open(boost::asio::io_context& io, ActionHandler on_action);
    ~Notifier();

    // Shows (or replaces) the one Limber notification.
    void show(const std::string& summary, const std::string& body, bool with_actions);
    // Takes it away (the break was taken, skipped or settled by stepping away).
    void withdraw();

private:
    Notifier(boost::asio::io_context& io, std::unique_ptr<sdbus::IConnection> bus, ActionHandler on_action);

    std::unique_ptr<sdbus::IConnection> bus_;
    std::unique_ptr<sdbus::IProxy> proxy_;
    BusPump pump_;
    ActionHandler on_action_;
    std::uint32_t id_ = 0;  // the notification on screen, 0 when none
};

}  // namespace limber
