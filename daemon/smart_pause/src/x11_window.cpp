#include "smart_pause/x11_window.hpp"

#include "activity/log.hpp"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <algorithm>
#include <cctype>

namespace limber {

struct X11Window::Display {
    ::Display* dpy = nullptr;
    Atom active = None, state = None, fullscreen = None, desktop = None, current_desktop = None;
    bool lost = false;
    ~Display()
    {
        if (dpy) XCloseDisplay(dpy);
    }
};

namespace {

// A window can go away between an event and our read of its properties: that BadWindow is
// expected and harmless. Xlib's default handler would print it and exit.
int ignore_x_errors(::Display*, XErrorEvent*) { return 0; }

// Xlib's default handler for a lost connection exits the process; this one only says so, and
// the per-display exit handler below (called instead of exit()) marks the display lost.
int on_io_error(::Display* dpy)
{
    activity_log()->warn("x11: lost the display '{}'", DisplayString(dpy));
    return 0;
}

void on_io_error_exit(::Display*, void* display) { static_cast<X11Window::Display*>(display)->lost = true; }

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The first item of a window property of 32-bit items, or its items as a list.
std::vector<unsigned long> property(::Display* dpy, Window w, Atom name, Atom type)
{
    Atom actual = None;
    int format = 0;
    unsigned long n = 0, after = 0;
    unsigned char* data = nullptr;
    std::vector<unsigned long> out;
    if (XGetWindowProperty(dpy, w, name, 0, 64, False, type, &actual, &format, &n, &after, &data) == Success && data) {
        if (format == 32) {
            const auto* items = reinterpret_cast<const unsigned long*>(data);  // Xlib widens 32-bit items to long
            out.assign(items, items + n);
        }
        XFree(data);
    }
    return out;
}

}  // namespace

bool app_listed(const std::vector<std::string>& apps, const std::string& name, const std::string& window_class)
{
    const std::string a = lower(name), b = lower(window_class);
    return std::any_of(apps.begin(), apps.end(), [&](const std::string& app) {
        const std::string l = lower(app);
        return (!a.empty() && l == a) || (!b.empty() && l == b);
    });
}

std::unique_ptr<X11Window> X11Window::open(boost::asio::io_context& io, bool fullscreen, std::vector<std::string> apps)
{
    auto x = std::make_unique<Display>();
    x->dpy = XOpenDisplay(nullptr);
    if (!x->dpy) {
        activity_log()->warn("fullscreen: cannot open display '{}'; full-screen windows are not seen", XDisplayName(nullptr));
        return nullptr;
    }
    XSetIOErrorHandler(on_io_error);
    XSetIOErrorExitHandler(x->dpy, on_io_error_exit, x.get());
    x->active = XInternAtom(x->dpy, "_NET_ACTIVE_WINDOW", False);
    x->state = XInternAtom(x->dpy, "_NET_WM_STATE", False);
    x->fullscreen = XInternAtom(x->dpy, "_NET_WM_STATE_FULLSCREEN", False);
    x->desktop = XInternAtom(x->dpy, "_NET_WM_DESKTOP", False);
    x->current_desktop = XInternAtom(x->dpy, "_NET_CURRENT_DESKTOP", False);
    return std::unique_ptr<X11Window>(new X11Window(io, std::move(x), fullscreen, std::move(apps)));
}

X11Window::X11Window(boost::asio::io_context& io, std::unique_ptr<Display> display, bool fullscreen,
                     std::vector<std::string> apps)
    : x_(std::move(display)), fd_(io, ConnectionNumber(x_->dpy)), fullscreen_(fullscreen), apps_(std::move(apps))
{
}

X11Window::~X11Window()
{
    stop();
    fd_.release();  // Xlib owns the socket
}

void X11Window::start(HoldCallback on_change)
{
    stop();
    on_change_ = std::move(on_change);
    alive_ = std::make_shared<bool>(true);
    running_ = true;
    last_.reset();
    XSelectInput(x_->dpy, DefaultRootWindow(x_->dpy), PropertyChangeMask);
    follow_active();
    evaluate();
    XFlush(x_->dpy);
    wait();
}

void X11Window::stop()
{
    if (!running_) return;
    running_ = false;
    *alive_ = false;
    fd_.cancel();
}

void X11Window::follow_active()
{
    auto* old_handler = XSetErrorHandler(ignore_x_errors);
    const auto ids = property(x_->dpy, DefaultRootWindow(x_->dpy), x_->active, XA_WINDOW);
    const Window now = ids.empty() ? 0 : ids.front();
    if (now != active_) {
        if (active_) XSelectInput(x_->dpy, active_, NoEventMask);
        active_ = now;
        // StructureNotify too: its destruction and unmapping, which the window manager may
        // never follow with a new _NET_ACTIVE_WINDOW.
        if (active_) XSelectInput(x_->dpy, active_, PropertyChangeMask | StructureNotifyMask);
    }
    XSync(x_->dpy, False);  // errors for a window already gone arrive here, to the handler above
    XSetErrorHandler(old_handler);
}

bool X11Window::shown(unsigned long window)
{
    auto* old_handler = XSetErrorHandler(ignore_x_errors);
    XWindowAttributes attributes{};
    // Viewable: mapped, and so is every ancestor (a window manager hides a window on another
    // desktop or minimised by unmapping it or its frame). A window already destroyed fails.
    bool seen = XGetWindowAttributes(x_->dpy, window, &attributes) != 0 && attributes.map_state == IsViewable;
    if (seen) {
        // On another desktop than the current one, whatever the window manager does with frames.
        const auto on = property(x_->dpy, window, x_->desktop, XA_CARDINAL);
        const auto current = property(x_->dpy, DefaultRootWindow(x_->dpy), x_->current_desktop, XA_CARDINAL);
        constexpr unsigned long all_desktops = 0xFFFFFFFF;
        if (!on.empty() && !current.empty() && (on.front() & all_desktops) != all_desktops && on.front() != current.front())
            seen = false;
    }
    XSync(x_->dpy, False);
    XSetErrorHandler(old_handler);
    return seen;
}

void X11Window::evaluate()
{
    std::optional<HoldReason> reason;
    if (active_ && !shown(active_)) {
        // Gone, hidden or on another desktop: the window manager may still name it active,
        // but it holds nothing until it is seen again (a MapNotify or a property brings it back).
    } else if (active_) {
        auto* old_handler = XSetErrorHandler(ignore_x_errors);
        bool is_fullscreen = false;
        for (unsigned long a : property(x_->dpy, active_, x_->state, XA_ATOM)) is_fullscreen = is_fullscreen || a == x_->fullscreen;
        std::string name, cls;
        XClassHint hint{};
        if (XGetClassHint(x_->dpy, active_, &hint)) {
            if (hint.res_name) name = hint.res_name;
            if (hint.res_class) cls = hint.res_class;
            XFree(hint.res_name);
            XFree(hint.res_class);
        }
        XSync(x_->dpy, False);
        XSetErrorHandler(old_handler);
        const std::string who = !cls.empty() ? cls : name;
        if (fullscreen_ && is_fullscreen) reason = HoldReason{HoldKind::Fullscreen, who};
        else if (app_listed(apps_, name, cls)) reason = HoldReason{HoldKind::Apps, who};
    }
    if (last_ && *last_ == reason) return;
    last_ = reason;
    on_change_(reason);
}

void X11Window::drain()
{
    bool active_moved = false, props = false;
    while (running_ && !x_->lost && XPending(x_->dpy) > 0) {
        XEvent ev;
        XNextEvent(x_->dpy, &ev);
        if (ev.type == DestroyNotify && ev.xdestroywindow.window == active_ && active_) {
            active_ = 0;  // nothing to unselect: the window is no more
            props = true;
            continue;
        }
        if ((ev.type == UnmapNotify && ev.xunmap.window == active_) || (ev.type == MapNotify && ev.xmap.window == active_)) {
            props = true;
            continue;
        }
        if (ev.type != PropertyNotify) continue;
        if (ev.xproperty.window == DefaultRootWindow(x_->dpy)) {
            if (ev.xproperty.atom == x_->active) active_moved = true;
            if (ev.xproperty.atom == x_->current_desktop) props = true;
        } else if (ev.xproperty.window == active_ && (ev.xproperty.atom == x_->state || ev.xproperty.atom == XA_WM_CLASS ||
                                                      ev.xproperty.atom == x_->desktop)) {
            props = true;
        }
    }
    if (!running_) return;
    if (x_->lost) {
        activity_log()->warn("fullscreen: lost the display; full-screen windows are no longer seen");
        running_ = false;
        if (last_ && *last_) on_change_(std::nullopt);
        return;
    }
    if (active_moved) follow_active();
    if (active_moved || props) evaluate();
    XFlush(x_->dpy);
}

void X11Window::wait()
{
    fd_.async_wait(boost::asio::posix::stream_descriptor::wait_read, [this, alive = alive_](const boost::system::error_code& ec) {
        if (ec || !*alive) return;
        drain();
        if (running_) wait();
    });
}

}  // namespace limber
