// logind lock and sleep signals over sdbus-c++, driven by Asio (see logind.hpp).
#include "activity/logind.hpp"

#include "activity/log.hpp"

#include "dbus/sdbus_adapter.hpp"

#include <unistd.h>

#include <cstdlib>
#include <map>

namespace limber {
namespace {

constexpr const char* service = "org.freedesktop.login1";
constexpr const char* manager_path = "/org/freedesktop/login1";
constexpr const char* manager_iface = "org.freedesktop.login1.Manager";
constexpr const char* session_iface = "org.freedesktop.login1.Session";

}  // namespace

std::unique_ptr<Logind> Logind::open(boost::asio::io_context& io)
{
    try {
        auto bus = sdbus::createSystemBusConnection();
        return std::unique_ptr<Logind>(new Logind(io, std::move(bus)));
    } catch (const sdbus::Error& e) {
        activity_log()->warn("logind: no system bus ({}); lock and sleep are not tracked", e.getMessage());
        return nullptr;
    }
}

Logind::Logind(boost::asio::io_context& io, std::unique_ptr<sdbus::IConnection> bus)
    : bus_(std::move(bus)), pump_(io, *bus_, [this](const std::string& why) {
          activity_log()->warn("logind: lost the system bus ({}); lock and sleep are no longer tracked", why);
          running_ = false;
      })
{
}

Logind::~Logind() { stop(); }

void Logind::start(ActivityCallback on_change)
{
    stop();
    on_change_ = std::move(on_change);
    running_ = true;
    asleep_ = locked_ = false;
    session_.reset();
    manager_.reset();
    try {
        // Matched before logind is asked anything, so one that comes in between is not missed.
        name_watch_ = dbus::watch_name_owner(*bus_, service, [this](bool owned) {
            if (!running_) return;
            if (owned) appeared();
            else left();
        });
        // A proxy made on a connection we pass by reference runs no loop of its own: pump() drives it.
        // Its signals are matched by the well-known name: they reach us from whichever logind owns it.
        manager_ = dbus::make_proxy(*bus_, service, manager_path);
        manager_->uponSignal("PrepareForSleep").onInterface(manager_iface).call([this](bool going) {
            set(&asleep_, going);
        });
        dbus::signals_declared(*manager_);
    } catch (const sdbus::Error& e) {
        activity_log()->warn("logind: cannot watch for sleep ({}); lock and sleep are not tracked", e.getMessage());
        manager_.reset();
        running_ = false;
        return;
    }
    read_state();
    on_change_(Activity{kind(), {}});
    pump_.start();
}

void Logind::read_state()
{
    try {
        // A logind that comes back may have begun or ended a sleep while it was away from us.
        asleep_ = manager_->getProperty("PreparingForSleep").onInterface(manager_iface).get<bool>();
    } catch (const sdbus::Error&) {
        // An older logind has no such property (or logind is away): sleep is known from the signal alone.
        asleep_ = false;
    }
    watch_session();
}

void Logind::appeared()
{
    activity_log()->info("logind: {} came to the system bus; watching the session through it", service);
    const ActivityKind before = kind();
    read_state();
    if (kind() != before && running_) on_change_(Activity{kind(), {}});
}

void Logind::left()
{
    // What logind last said stands until it is back to be asked again: a restarted logind
    // keeps its sessions, and a screen locked stays locked meanwhile.
    activity_log()->warn("logind: {} left the system bus; lock and sleep are tracked again when it comes back", service);
}

void Logind::watch_session()
{
    try {
        sdbus::ObjectPath path;
        const char* id = std::getenv("XDG_SESSION_ID");
        if (id && *id)
            manager_->callMethod("GetSession").onInterface(manager_iface).withArguments(std::string(id)).storeResultsTo(path);
        else
            manager_->callMethod("GetSessionByPID").onInterface(manager_iface).withArguments(static_cast<std::uint32_t>(getpid())).storeResultsTo(path);
        session_ = dbus::make_proxy(*bus_, service, path);
        session_->uponSignal("Lock").onInterface(session_iface).call([this] { set(&locked_, true); });
        session_->uponSignal("Unlock").onInterface(session_iface).call([this] { set(&locked_, false); });
        // Lock and Unlock ask the screen locker to act; LockedHint is what the locker says it did.
        session_->uponSignal("PropertiesChanged")
            .onInterface("org.freedesktop.DBus.Properties")
            .call([this](const std::string& iface, const std::map<std::string, sdbus::Variant>& changed,
                         const std::vector<std::string>&) {
                if (iface != session_iface) return;
                if (auto it = changed.find("LockedHint"); it != changed.end()) set(&locked_, it->second.get<bool>());
            });
        dbus::signals_declared(*session_);
        locked_ = session_->getProperty("LockedHint").onInterface(session_iface).get<bool>();
    } catch (const sdbus::Error& e) {
        session_.reset();
        bool away = false;
        try {
            away = !dbus::has_owner(*bus_, service);
        } catch (const sdbus::Error&) {
            // Then the bus itself is failing: the pump will say so.
        }
        if (away)
            activity_log()->warn("logind: {} is not on the system bus; lock and sleep are tracked when it appears", service);
        else
            activity_log()->warn("logind: no session to watch ({}); screen lock is not tracked", e.getMessage());
    }
}

void Logind::stop()
{
    if (!running_) return;
    running_ = false;
    pump_.stop();
    // The proxies stay until the next start() or the end: stop() may be called from inside
    // one of their signal handlers.
}

ActivityKind Logind::kind() const
{
    if (asleep_) return ActivityKind::Asleep;
    if (locked_) return ActivityKind::Locked;
    return ActivityKind::Active;
}

void Logind::set(bool* flag, bool value)
{
    const ActivityKind before = kind();
    *flag = value;
    if (kind() != before && running_) on_change_(Activity{kind(), {}});
}

}  // namespace limber
