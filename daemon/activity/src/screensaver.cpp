// The desktop screensaver's lock state over sdbus-c++, driven by Asio (see screensaver.hpp).
#include "activity/screensaver.hpp"

#include "activity/log.hpp"

#include "dbus/sdbus_adapter.hpp"

namespace limber {
namespace {

constexpr const char* screensaver_service = "org.freedesktop.ScreenSaver";
constexpr const char* screensaver_iface = "org.freedesktop.ScreenSaver";
// The path the specification names, and the one KDE and others also (or only) use.
constexpr const char* paths[] = {"/org/freedesktop/ScreenSaver", "/ScreenSaver"};

}  // namespace

std::unique_ptr<ScreenSaver> ScreenSaver::open(boost::asio::io_context& io)
{
    try {
        auto bus = sdbus::createSessionBusConnection();
        return std::unique_ptr<ScreenSaver>(new ScreenSaver(io, std::move(bus)));
    } catch (const sdbus::Error& e) {
        activity_log()->warn("screensaver: no session bus ({}); the screensaver's lock is not tracked", e.getMessage());
        return nullptr;
    }
}

ScreenSaver::ScreenSaver(boost::asio::io_context& io, std::unique_ptr<sdbus::IConnection> bus)
    : bus_(std::move(bus)), pump_(io, *bus_, [this](const std::string& why) {
          activity_log()->warn("screensaver: lost the session bus ({}); the screensaver's lock is no longer tracked", why);
          running_ = false;
      })
{
}

ScreenSaver::~ScreenSaver() { stop(); }

void ScreenSaver::start(ActivityCallback on_change)
{
    stop();
    on_change_ = std::move(on_change);
    running_ = true;
    active_ = false;
    proxies_.clear();
    try {
        // Matched before GetActive(), so a screensaver that comes in between is not missed.
        name_watch_ = dbus::watch_name_owner(*bus_, screensaver_service, [this](bool owned) {
            if (!running_) return;
            if (owned) appeared();
            else left();
        });
        // Signals are matched by the well-known name, so a screensaver that starts after us is
        // heard as well.
        for (const char* path : paths) {
            auto proxy = dbus::make_proxy(*bus_, screensaver_service, path);
            proxy->uponSignal("ActiveChanged").onInterface(screensaver_iface).call([this](bool active) { set(active); });
            dbus::signals_declared(*proxy);
            proxies_.push_back(std::move(proxy));
        }
    } catch (const sdbus::Error& e) {
        activity_log()->warn("screensaver: cannot listen for ActiveChanged ({}); the screensaver's lock is not tracked",
                             e.getMessage());
        proxies_.clear();
        running_ = false;
        return;
    }
    active_ = get_active();
    on_change_(Activity{active_ ? ActivityKind::Locked : ActivityKind::Active, {}});
    pump_.start();
}

void ScreenSaver::stop()
{
    if (!running_) return;
    running_ = false;
    pump_.stop();
    // The proxies stay until the next start() or the end: stop() may be called from inside
    // one of their signal handlers.
}

bool ScreenSaver::get_active()
{
    bool active = false;
    try {
        proxies_.front()->callMethod("GetActive").onInterface(screensaver_iface).storeResultsTo(active);
    } catch (const sdbus::Error& e) {
        activity_log()->warn("screensaver: {} did not answer GetActive ({}); assuming unlocked until it signals",
                             screensaver_service, e.getMessage());
        return false;
    }
    return active;
}

void ScreenSaver::appeared()
{
    activity_log()->info("screensaver: {} came to the session bus; asking it whether the screen is locked", screensaver_service);
    set(get_active());
}

void ScreenSaver::left()
{
    activity_log()->warn("screensaver: {} left the session bus; unlocked until a screensaver comes back", screensaver_service);
    set(false);
}

void ScreenSaver::set(bool active)
{
    if (active == active_) return;
    active_ = active;
    if (running_) on_change_(Activity{active_ ? ActivityKind::Locked : ActivityKind::Active, {}});
}

}  // namespace limber
