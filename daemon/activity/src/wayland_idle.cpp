// Wayland idle via ext-idle-notify-v1 or org_kde_kwin_idle (see wayland_idle.hpp).
#include "activity/wayland_idle.hpp"

#include "activity/log.hpp"

#include <ext-idle-notify-v1-protocol.h>
#include <kde-idle-protocol.h>
#include <wayland-client.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string_view>

namespace limber {

struct WaylandIdle::Globals {
    wl_display* display = nullptr;
    wl_registry* registry = nullptr;
    wl_seat* seat = nullptr;
    ext_idle_notifier_v1* notifier = nullptr;         // preferred
    org_kde_kwin_idle* kde_idle = nullptr;            // the fallback
    ext_idle_notification_v1* notification = nullptr;  // while watching, one of these two
    org_kde_kwin_idle_timeout* kde_timeout = nullptr;

    void unwatch()
    {
        if (notification) ext_idle_notification_v1_destroy(notification);
        if (kde_timeout) org_kde_kwin_idle_timeout_release(kde_timeout);
        notification = nullptr;
        kde_timeout = nullptr;
    }

    ~Globals()
    {
        unwatch();
        if (notifier) ext_idle_notifier_v1_destroy(notifier);
        if (kde_idle) org_kde_kwin_idle_destroy(kde_idle);
        if (seat) wl_seat_destroy(seat);
        if (registry) wl_registry_destroy(registry);
        if (display) wl_display_disconnect(display);
    }
};

namespace {

// The first seat and whichever idle protocols the compositor offers.
void on_global(void* data, wl_registry* registry, std::uint32_t id, const char* interface, std::uint32_t)
{
    auto& g = *static_cast<WaylandIdle::Globals*>(data);
    const std::string_view name(interface);
    if (name == wl_seat_interface.name && !g.seat)
        g.seat = static_cast<wl_seat*>(wl_registry_bind(registry, id, &wl_seat_interface, 1));
    else if (name == ext_idle_notifier_v1_interface.name && !g.notifier)
        g.notifier = static_cast<ext_idle_notifier_v1*>(wl_registry_bind(registry, id, &ext_idle_notifier_v1_interface, 1));
    else if (name == org_kde_kwin_idle_interface.name && !g.kde_idle)
        g.kde_idle = static_cast<org_kde_kwin_idle*>(wl_registry_bind(registry, id, &org_kde_kwin_idle_interface, 1));
}

void on_global_remove(void*, wl_registry*, std::uint32_t) {}

const wl_registry_listener registry_listener{on_global, on_global_remove};

void ext_idled(void* self, ext_idle_notification_v1*) { static_cast<WaylandIdle*>(self)->changed(true); }
void ext_resumed(void* self, ext_idle_notification_v1*) { static_cast<WaylandIdle*>(self)->changed(false); }
const ext_idle_notification_v1_listener ext_listener{ext_idled, ext_resumed};

void kde_idle(void* self, org_kde_kwin_idle_timeout*) { static_cast<WaylandIdle*>(self)->changed(true); }
void kde_resumed(void* self, org_kde_kwin_idle_timeout*) { static_cast<WaylandIdle*>(self)->changed(false); }
const org_kde_kwin_idle_timeout_listener kde_listener{kde_idle, kde_resumed};

std::string display_name()
{
    const char* name = std::getenv("WAYLAND_DISPLAY");
    return name && *name ? name : "wayland-0";
}

}  // namespace

std::unique_ptr<WaylandIdle> WaylandIdle::open(boost::asio::io_context& io, Millis threshold, const Clock& clock)
{
    auto log = activity_log();
    auto g = std::make_unique<Globals>();
    g->display = wl_display_connect(nullptr);
    if (!g->display) {
        log->warn("wayland: cannot connect to '{}' ({}); no Wayland idle tracking", display_name(), std::strerror(errno));
        return nullptr;
    }
    g->registry = wl_display_get_registry(g->display);
    wl_registry_add_listener(g->registry, &registry_listener, g.get());
    // One blocking round trip at start, as XOpenDisplay does: the compositor lists its globals.
    if (wl_display_roundtrip(g->display) < 0) {
        log->warn("wayland: '{}' did not answer ({}); no Wayland idle tracking", display_name(),
                  std::strerror(wl_display_get_error(g->display)));
        return nullptr;
    }
    if (!g->seat) {
        log->warn("wayland: '{}' has no seat; no Wayland idle tracking", display_name());
        return nullptr;
    }
    if (!g->notifier && !g->kde_idle) {
        log->warn("wayland: '{}' offers neither ext_idle_notifier_v1 nor org_kde_kwin_idle; no Wayland idle tracking",
                  display_name());
        return nullptr;
    }
    if (g->notifier && g->kde_idle) {
        org_kde_kwin_idle_destroy(g->kde_idle);
        g->kde_idle = nullptr;
    }
    return std::unique_ptr<WaylandIdle>(new WaylandIdle(io, std::move(g), threshold, clock));
}

WaylandIdle::WaylandIdle(boost::asio::io_context& io, std::unique_ptr<Globals> globals, Millis threshold, const Clock& clock)
    : wl_(std::move(globals)), fd_(io, wl_display_get_fd(wl_->display)), threshold_(threshold), clock_(clock)
{
}

WaylandIdle::~WaylandIdle()
{
    stop();
    // libwayland owns the socket; wl_display_disconnect (in ~Globals) closes it, not Asio.
    fd_.release();
}

void WaylandIdle::start(ActivityCallback on_change)
{
    stop();
    on_change_ = std::move(on_change);
    alive_ = std::make_shared<bool>(true);
    running_ = true;
    idle_ = false;
    // Both protocols count in milliseconds, as a 32-bit number.
    const auto ms = static_cast<std::uint32_t>(
        std::clamp<Millis::rep>(threshold_.count(), 1, std::numeric_limits<std::uint32_t>::max()));
    if (wl_->notifier) {
        wl_->notification = ext_idle_notifier_v1_get_idle_notification(wl_->notifier, ms, wl_->seat);
        ext_idle_notification_v1_add_listener(wl_->notification, &ext_listener, this);
    } else {
        wl_->kde_timeout = org_kde_kwin_idle_get_idle_timeout(wl_->kde_idle, wl_->seat, ms);
        org_kde_kwin_idle_timeout_add_listener(wl_->kde_timeout, &kde_listener, this);
    }
    on_change_(Activity{ActivityKind::Active, {}});
    wait();
}

void WaylandIdle::stop()
{
    if (!running_) return;
    running_ = false;
    *alive_ = false;
    if (reading_) {
        wl_display_cancel_read(wl_->display);
        reading_ = false;
    }
    fd_.cancel();
    wl_->unwatch();
    wl_display_flush(wl_->display);
}

void WaylandIdle::changed(bool idle)
{
    if (!running_ || idle == idle_) return;
    idle_ = idle;
    Activity a{idle ? ActivityKind::Idle : ActivityKind::Active, {}};
    if (idle) a.since = clock_.now().mono - threshold_;
    on_change_(a);
}

// The one-thread form of libwayland's read protocol: dispatch what is already queued until
// prepare_read succeeds, send our requests, then wait for the socket and read. Events that
// libwayland has already read leave the socket quiet, hence the dispatching first.
void WaylandIdle::wait()
{
    auto* d = wl_->display;
    while (running_ && wl_display_prepare_read(d) != 0)
        if (wl_display_dispatch_pending(d) < 0) return lost("dispatch");
    if (!running_) return;  // stopped by a callback: no read was prepared
    reading_ = true;
    if (wl_display_flush(d) < 0) {
        wl_display_cancel_read(d);
        reading_ = false;
        if (errno != EAGAIN) return lost("flush");
        // The socket's buffer is full: wait until it takes more, then try again.
        fd_.async_wait(boost::asio::posix::stream_descriptor::wait_write,
                       [this, alive = alive_](const boost::system::error_code& ec) {
                           if (!ec && *alive) wait();
                       });
        return;
    }
    fd_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                   [this, alive = alive_](const boost::system::error_code& ec) {
                       if (!*alive) return;  // stop() has cancelled the read
                       reading_ = false;
                       if (ec) {
                           wl_display_cancel_read(wl_->display);
                           return lost("wait");
                       }
                       if (wl_display_read_events(wl_->display) < 0) return lost("read");
                       if (wl_display_dispatch_pending(wl_->display) < 0) return lost("dispatch");
                       wait();
                   });
}

// The compositor went away or broke the connection: say so once and report nothing more.
void WaylandIdle::lost(const char* what)
{
    const int error = wl_display_get_error(wl_->display);
    activity_log()->warn("wayland: lost the compositor '{}' ({}: {}); idle is no longer tracked", display_name(), what,
                         std::strerror(error ? error : errno));
    running_ = false;
    *alive_ = false;
    reading_ = false;
}

}  // namespace limber
