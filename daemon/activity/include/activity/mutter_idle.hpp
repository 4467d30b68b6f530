// Idle on GNOME through Mutter's org.gnome.Mutter.IdleMonitor on the session bus: for GNOME
// Wayland, whose compositor offers neither Wayland idle protocol. No polling. Mutter may come
// to the bus after limberd (a user service starts early in the session): the source follows
// the name, and reports through a fallback (X11 idle) while no one owns it.
#pragma once

#include "activity/activity_source.hpp"

#include "activity/bus_pump.hpp"

#include <sdbus-c++/sdbus-c++.h>

#include <cstdint>
#include <memory>

namespace limber {

// Asks Mutter for an idle watch at the threshold (it fires each time the threshold is crossed)
// and, whenever it fires, a one-shot user-active watch. Idle `since` is when the threshold began.
class MutterIdle final : public ActivitySource {
public:
    // Connects to the session bus; null, after logging why, when there is none. Whether or not
    // Mutter is there yet: until it is (and whenever it leaves) `fallback`, which may be null,
    // reports in its place.
    static std::unique_ptr<MutterIdle> open(boost::asio::io_context& io, Millis threshold, const Clock& clock,
                                            std::unique_ptr<ActivitySource> fallback = nullptr);
    ~MutterIdle() override;

    // Reports active at once (or what the fallback reports while Mutter is away), then each change.
    void start(ActivityCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override;

private:
    MutterIdle(boost::asio::io_context& io, std::unique_ptr<sdbus::IConnection> bus, Millis threshold, const Clock& clock,
               std::unique_ptr<ActivitySource> fallback);
    void appeared();  // Mutter owns its name: watch through it
    void left();      // no one does: the fallback reports
    void fired(std::uint32_t id);
    void remove(std::uint32_t& id);

    std::unique_ptr<sdbus::IConnection> bus_;
    std::unique_ptr<sdbus::IProxy> monitor_;
    std::unique_ptr<ActivitySource> fallback_;
    sdbus::Slot name_watch_;
    BusPump pump_;
    Millis threshold_;
    const Clock& clock_;
    ActivityCallback on_change_;
    std::uint32_t idle_watch_ = 0;    // 0: none
    std::uint32_t active_watch_ = 0;  // 0: none
    bool present_ = false;            // Mutter owns its name, and its watches are ours
    bool fallback_running_ = false;
    bool idle_ = false;
    bool running_ = false;
};

}  // namespace limber
