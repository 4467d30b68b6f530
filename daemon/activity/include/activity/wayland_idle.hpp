// Wayland idle through the compositor's idle notifications (ext-idle-notify-v1, or KDE's
// org_kde_kwin_idle that older compositors such as sway 1.7 offer): one event per transition,
// and no polling in between.
#pragma once

#include "activity/activity_source.hpp"

#include <boost/asio/posix/stream_descriptor.hpp>

#include <memory>

namespace limber {

class WaylandIdle final : public ActivitySource {
public:
    // Connects to $WAYLAND_DISPLAY. Returns null, after logging why, when there is no
    // compositor, it has no seat, or it offers neither idle protocol.
    static std::unique_ptr<WaylandIdle> open(boost::asio::io_context& io, Millis threshold, const Clock& clock);
    ~WaylandIdle() override;

    // Reports active at once: Wayland cannot tell how long input has been quiet, and the
    // compositor counts the threshold from the moment we ask. Then each change; idle `since`
    // is when the threshold began.
    void start(ActivityCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override { return "wayland"; }

    struct Globals;  // the Wayland objects, kept out of this header

    // Called by the protocol listeners.
    void changed(bool idle);

private:
    WaylandIdle(boost::asio::io_context& io, std::unique_ptr<Globals> globals, Millis threshold, const Clock& clock);
    void wait();
    void lost(const char* what);

    std::unique_ptr<Globals> wl_;
    boost::asio::posix::stream_descriptor fd_;
    Millis threshold_;
    const Clock& clock_;
    ActivityCallback on_change_;
    bool idle_ = false;
    bool running_ = false;
    bool reading_ = false;  // between wl_display_prepare_read and read_events or cancel_read
    std::shared_ptr<bool> alive_;
};

}  // namespace limber
