// Desktop notifications sent by limberd itself (org.freedesktop.Notifications), for when no
// tray is connected: a headless user is still reminded, and can start or snooze from it.
// notifier.cpp shows them over D-Bus; a build without D-Bus (LIMBER_WITH_DBUS=OFF) links
// notifier_left_out.cpp instead, whose open() has none to give.
#pragma once

#include <boost/asio/io_context.hpp>

#include <functional>
#include <memory>
#include <string>

namespace limber {

class Notifier {
public:
    using ActionHandler = std::function<void(const std::string& action)>;  // "start" or "snooze"

    // Null, after a logged warning, when there is no session bus (or no way to notify at all).
    static std::unique_ptr<Notifier> open(boost::asio::io_context& io, ActionHandler on_action);
    virtual ~Notifier() = default;

    // Shows (or replaces) the one Limber notification.
    virtual void show(const std::string& summary, const std::string& body, bool with_actions) = 0;
    // Takes it away (the break was taken, skipped or settled by stepping away).
    virtual void withdraw() = 0;
};

}  // namespace limber
