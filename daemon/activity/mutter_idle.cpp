// Mutter's idle monitor over sdbus-c++, driven by Asio (see mutter_idle.hpp).
#include "activity/mutter_idle.hpp"

#include "activity/log.hpp"

#include "dbus/sdbus_adapter.hpp"

namespace limber {
namespace {

constexpr const char* service = "org.gnome.Mutter.IdleMonitor";
constexpr const char* path = "/org/gnome/Mutter/IdleMonitor/Core";
constexpr const char* iface = "org.gnome.Mutter.IdleMonitor";

bool has_owner(sdbus::IConnection& bus, const char* name)
{
    auto bus_proxy = dbus::make_proxy(bus, "org.freedesktop.DBus", "/org/freedesktop/DBus");
    bool owned = false;
    bus_proxy->callMethod("NameHasOwner").onInterface("org.freedesktop.DBus").withArguments(std::string(name)).storeResultsTo(owned);
    return owned;
}

}  // namespace

std::unique_ptr<MutterIdle> MutterIdle::open(boost::asio::io_context& io, Millis threshold, const Clock& clock)
{
    try {
        auto bus = sdbus::createSessionBusConnection();
        if (!has_owner(*bus, service)) {
            activity_log()->warn("mutter: {} is not on the session bus; no Mutter idle tracking", service);
            return nullptr;
        }
        return std::unique_ptr<MutterIdle>(new MutterIdle(io, std::move(bus), threshold, clock));
    } catch (const sdbus::Error& e) {
        activity_log()->warn("mutter: no session bus ({}); no Mutter idle tracking", e.getMessage());
        return nullptr;
    }
}

MutterIdle::MutterIdle(boost::asio::io_context& io, std::unique_ptr<sdbus::IConnection> bus, Millis threshold,
                       const Clock& clock)
    : bus_(std::move(bus)), pump_(io, *bus_, [this](const std::string& why) {
          activity_log()->warn("mutter: lost the session bus ({}); idle is no longer tracked", why);
          running_ = false;
      }),
      threshold_(threshold), clock_(clock)
{
}

MutterIdle::~MutterIdle() { stop(); }

void MutterIdle::start(ActivityCallback on_change)
{
    stop();
    on_change_ = std::move(on_change);
    running_ = true;
    idle_ = false;
    monitor_.reset();
    try {
        monitor_ = dbus::make_proxy(*bus_, service, path);
        monitor_->uponSignal("WatchFired").onInterface(iface).call([this](std::uint32_t id) { fired(id); });
        dbus::signals_declared(*monitor_);
        // Idle watches fire each time the threshold is crossed; they stay until removed.
        const auto ms = static_cast<std::uint64_t>(threshold_.count());
        monitor_->callMethod("AddIdleWatch").onInterface(iface).withArguments(ms).storeResultsTo(idle_watch_);
    } catch (const sdbus::Error& e) {
        activity_log()->warn("mutter: cannot watch for idle ({}); no Mutter idle tracking", e.getMessage());
        running_ = false;
        return;
    }
    on_change_(Activity{ActivityKind::Active, {}});
    pump_.start();
}

void MutterIdle::fired(std::uint32_t id)
{
    if (!running_ || id == 0) return;
    if (id == idle_watch_ && !idle_) {
        idle_ = true;
        // User-active watches are one-shot: one is added for each stretch of idle.
        try {
            monitor_->callMethod("AddUserActiveWatch").onInterface(iface).storeResultsTo(active_watch_);
        } catch (const sdbus::Error& e) {
            activity_log()->warn("mutter: cannot watch for the user's return ({})", e.getMessage());
        }
        on_change_(Activity{ActivityKind::Idle, clock_.now().mono - threshold_});
    } else if (id == active_watch_) {
        active_watch_ = 0;
        if (!idle_) return;
        idle_ = false;
        on_change_(Activity{ActivityKind::Active, {}});
    }
}

void MutterIdle::remove(std::uint32_t& id)
{
    if (id == 0) return;
    try {
        monitor_->callMethod("RemoveWatch").onInterface(iface).withArguments(id).storeResultsTo();
    } catch (const sdbus::Error&) {
        // Mutter may have gone, or dropped the watch itself: there is nothing left to undo.
    }
    id = 0;
}

void MutterIdle::stop()
{
    if (!running_) return;
    running_ = false;
    pump_.stop();
    if (monitor_) {
        remove(idle_watch_);
        remove(active_watch_);
    }
    // The proxy stays until the next start() or the end: stop() may be called from inside its
    // signal handler.
}

}  // namespace limber
