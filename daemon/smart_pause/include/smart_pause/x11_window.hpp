// Smart pause on X11: the active window is full screen (a video, slides, a game), or belongs
// to an application the user listed. The window manager's _NET_ACTIVE_WINDOW on the root and
// _NET_WM_STATE on the active window are watched through PropertyNotify events: no polling.
// The active window holds breaks only while it is there to see: its destruction, unmapping or
// move to another desktop releases the hold at once, whatever the window manager leaves in
// _NET_ACTIVE_WINDOW.
#pragma once

#include "smart_pause/hold_source.hpp"

#include <boost/asio/posix/stream_descriptor.hpp>

namespace limber {

// Whether `window_class` (WM_CLASS's name or class) is one of `apps`, ignoring case.
bool app_listed(const std::vector<std::string>& apps, const std::string& name, const std::string& window_class);

class X11Window final : public HoldSource {
public:
    struct Display;  // the Xlib handles, kept out of this header

    // Nullptr (and a warning) when $DISPLAY cannot be opened.
    static std::unique_ptr<X11Window> open(boost::asio::io_context& io, bool fullscreen, std::vector<std::string> apps);
    ~X11Window() override;

    void start(HoldCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override { return "fullscreen"; }

private:
    X11Window(boost::asio::io_context& io, std::unique_ptr<Display> display, bool fullscreen, std::vector<std::string> apps);
    void follow_active();
    [[nodiscard]] bool shown(unsigned long window);  // exists, is viewable, on the current desktop
    void evaluate();
    void drain();
    void wait();

    std::unique_ptr<Display> x_;
    boost::asio::posix::stream_descriptor fd_;
    bool fullscreen_;
    std::vector<std::string> apps_;
    unsigned long active_ = 0;  // the active window (an X Window id), 0 when none
    HoldCallback on_change_;
    std::optional<std::optional<HoldReason>> last_;
    bool running_ = false;
    std::shared_ptr<bool> alive_;
};

}  // namespace limber
