// Mutter's idle monitor over sdbus-c++, driven by Asio (see mutter_idle.hpp).
#include "activity/mutter_idle.hpp"

#include "activity/log.hpp"
#include "dbus/sdbus_adapter.hpp"

namespace limber {
namespace {

constexpr const char* mutter_service = "org.gnome.Mutter.IdleMonitor";
constexpr const char* path = "/org/gnome/Mutter/IdleMonitor/Core";
constexpr const char* mutter_iface = "org.gnome.Mutter.IdleMonitor";

}  // namespace

std::unique_ptr<MutterIdle> MutterIdle::open(boost::asio::io_context& io, Millis threshold, const Clock& clock,
                                             std::unique_ptr<ActivitySource> fallback)
{
    try {
        auto bus = sdbus::createSessionBusConnection();
        return std::unique_ptr<MutterIdle>(new MutterIdle(io, std::move(bus), threshold, clock, std::move(fallback)));
    } catch (const sdbus::Error& e) {
        activity_log()->warn("mutter: no session bus ({}); no Mutter idle tracking", e.getMessage());
        return nullptr;
    }
}

MutterIdle::MutterIdle(boost::asio::io_context& io, std::unique_ptr<sdbus::IConnection> bus, Millis threshold,
                       const Clock& clock, std::unique_ptr<ActivitySource> fallback)
    : bus_(std::move(bus)), fallback_(std::move(fallback)), pump_(io, *bus_, [this](const std::string& why) {
          activity_log()->warn("mutter: lost the session bus ({}); idle is no longer tracked", why);
          running_ = false;
      }),
      threshold_(threshold), clock_(clock)
{
}

MutterIdle::~MutterIdle() { stop(); }

std::string MutterIdle::name() const { return fallback_ ? "mutter (" + fallback_->name() + " until it appears)" : "mutter"; }

void MutterIdle::start(ActivityCallback on_change)
{
    stop();
    on_change_ = std::move(on_change);
    running_ = true;
    present_ = false;
    try {
        // Matched before the question, so an owner that comes between the two is not missed.
        name_watch_ = dbus::watch_name_owner(*bus_, mutter_service, [this](bool owned) {
            if (!running_) return;
            if (owned) appeared();
            else left();
        });
        if (dbus::has_owner(*bus_, mutter_service)) appeared();
        else {
            activity_log()->warn("mutter: {} is not on the session bus; idle is tracked {}when it appears", mutter_service,
                                 fallback_ ? "by " + fallback_->name() + " until " : "");
            left();
        }
    } catch (const sdbus::Error& e) {
        activity_log()->warn("mutter: cannot watch the session bus ({}); no Mutter idle tracking", e.getMessage());
        running_ = false;
        return;
    }
    if (running_) pump_.start();
}

void MutterIdle::appeared()
{
    if (fallback_running_) {
        fallback_->stop();
        fallback_running_ = false;
    }
    idle_ = false;
    idle_watch_ = active_watch_ = 0;  // a new Mutter knows nothing of the last one's watches
    try {
        monitor_ = dbus::make_proxy(*bus_, mutter_service, path);
        monitor_->uponSignal("WatchFired").onInterface(mutter_iface).call([this](std::uint32_t id) { fired(id); });
        dbus::signals_declared(*monitor_);
        // Idle watches fire each time the threshold is crossed; they stay until removed.
        const auto ms = static_cast<std::uint64_t>(threshold_.count());
        monitor_->callMethod("AddIdleWatch").onInterface(mutter_iface).withArguments(ms).storeResultsTo(idle_watch_);
    } catch (const sdbus::Error& e) {
        activity_log()->warn("mutter: cannot watch for idle ({}); waiting for Mutter to come back", e.getMessage());
        left();
        return;
    }
    if (!present_) activity_log()->info("mutter: watching {} for idle", mutter_service);
    present_ = true;
    on_change_(Activity{ActivityKind::Active, {}});
}

void MutterIdle::left()
{
    if (present_) activity_log()->warn("mutter: {} left the session bus; idle is tracked {}when it comes back", mutter_service,
                                       fallback_ ? "by " + fallback_->name() + " until " : "");
    present_ = false;
    idle_ = false;
    idle_watch_ = active_watch_ = 0;  // they went with Mutter
    if (fallback_ && !fallback_running_) {
        fallback_running_ = true;
        fallback_->start([this](const Activity& a) {
            if (running_ && !present_) on_change_(a);
        });
    } else if (!fallback_) {
        on_change_(Activity{ActivityKind::Active, {}});
    }
}

void MutterIdle::fired(std::uint32_t id)
{
    if (!running_ || !present_ || id == 0) return;
    if (id == idle_watch_ && !idle_) {
        idle_ = true;
        // User-active watches are one-shot: one is added for each stretch of idle.
        try {
            monitor_->callMethod("AddUserActiveWatch").onInterface(mutter_iface).storeResultsTo(active_watch_);
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
        monitor_->callMethod("RemoveWatch").onInterface(mutter_iface).withArguments(id).storeResultsTo();
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
    if (fallback_running_) {
        fallback_->stop();
        fallback_running_ = false;
    }
    if (monitor_ && present_) {
        remove(idle_watch_);
        remove(active_watch_);
    }
    // The proxy and the name's match stay until the next start() or the end: stop() may be
    // called from inside one of their handlers.
}

}  // namespace limber
