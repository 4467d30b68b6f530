// Idle on GNOME through Mutter's org.gnome.Mutter.IdleMonitor on the session bus: for GNOME
// Wayland, whose compositor offers neither Wayland idle protocol. No polling.
#pragma once

#include "activity/activity_source.hpp"

#include "activity/bus_pump.hpp"

#include <cstdint>
#include <memory>

namespace sdbus {
class IConnection;
class IProxy;
}  // namespace sdbus

namespace limber {

// Asks Mutter for an idle watch at the threshold (it fires each time the threshold is crossed)
// and, whenever it fires, a one-shot user-active watch. Idle `since` is when the threshold began.
class MutterIdle final : public ActivitySource {
public:
    // Connects to the session bus. Returns null, after logging why, when there is none or no
    // one owns org.gnome.Mutter.IdleMonitor on it.
    static std::unique_ptr<MutterIdle> open(boost::asio::io_context& io, Millis threshold, const Clock& clock);
    ~MutterIdle() override;

    // Reports active at once, as Mutter's watches tell only of crossings, then each change.
    void start(ActivityCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override { return "mutter"; }

private:
    MutterIdle(boost::asio::io_context& io, std::unique_ptr<sdbus::IConnection> bus, Millis threshold, const Clock& clock);
    void fired(std::uint32_t id);
    void remove(std::uint32_t& id);

    std::unique_ptr<sdbus::IConnection> bus_;
    std::unique_ptr<sdbus::IProxy> monitor_;
    BusPump pump_;
    Millis threshold_;
    const Clock& clock_;
    ActivityCallback on_change_;
    std::uint32_t idle_watch_ = 0;    // 0: none
    std::uint32_t active_watch_ = 0;  // 0: none
    bool idle_ = false;
    bool running_ = false;
};

}  // namespace limber
