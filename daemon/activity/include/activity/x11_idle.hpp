// X11 idle through the XSync IDLETIME counter: two alarms' worth of events per idle period,
// and no polling in between.
#pragma once

#include "activity/activity_source.hpp"

#include <boost/asio/posix/stream_descriptor.hpp>

#include <memory>

namespace limber {

class X11Idle final : public ActivitySource {
public:
    // Opens $DISPLAY. Returns null, after logging why, when there is no display or it lacks
    // the SYNC extension or its IDLETIME counter.
    static std::unique_ptr<X11Idle> open(boost::asio::io_context& io, Millis threshold, const Clock& clock);
    ~X11Idle() override;

    // Reports the current state at once (idle `since` when input stopped), then each change.
    void start(ActivityCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override { return "x11"; }

    struct Display;  // the Xlib handles, kept out of this header

private:
    X11Idle(boost::asio::io_context& io, std::unique_ptr<Display> display, Millis threshold, const Clock& clock);
    void arm(bool wait_for_idle);
    void wait();
    void drain();
    void report(bool idle, Millis idle_for);

    std::unique_ptr<Display> x_;
    boost::asio::posix::stream_descriptor fd_;
    Millis threshold_;
    const Clock& clock_;
    ActivityCallback on_change_;
    bool idle_ = false;
    bool running_ = false;
    std::shared_ptr<bool> alive_;
};

}  // namespace limber
