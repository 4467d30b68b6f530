// sdbus-c++ 1.x and 2.x behind one set of calls (see sdbus_adapter.hpp).
#include "dbus/sdbus_adapter.hpp"

#include <utility>

namespace limber::dbus {

#if LIMBER_SDBUS_MAJOR >= 2

std::unique_ptr<sdbus::IProxy> make_proxy(sdbus::IConnection& bus, const std::string& service, const std::string& path)
{
    return sdbus::createProxy(bus, sdbus::ServiceName{service}, sdbus::ObjectPath{path});
}

void signals_declared(sdbus::IProxy&) {}

bool process_pending(sdbus::IConnection& bus) { return bus.processPendingEvent(); }

std::optional<std::chrono::microseconds> relative_timeout(const sdbus::IConnection::PollData& poll)
{
    const auto timeout = poll.getRelativeTimeout();
    if (timeout == std::chrono::microseconds::max()) return std::nullopt;
    return timeout;
}

std::optional<int> wake_descriptor(const sdbus::IConnection::PollData& poll)
{
    if (poll.eventFd < 0) return std::nullopt;
    return poll.eventFd;
}

sdbus::Slot add_match(sdbus::IConnection& bus, const std::string& rule, MatchHandler handler)
{
    return bus.addMatch(
        rule, [handler = std::move(handler)](sdbus::Message msg) { handler(msg); }, sdbus::return_slot);
}

#else

std::unique_ptr<sdbus::IProxy> make_proxy(sdbus::IConnection& bus, const std::string& service, const std::string& path)
{
    return sdbus::createProxy(bus, service, path);
}

void signals_declared(sdbus::IProxy& proxy) { proxy.finishRegistration(); }

bool process_pending(sdbus::IConnection& bus) { return bus.processPendingRequest(); }

std::optional<std::chrono::microseconds> relative_timeout(const sdbus::IConnection::PollData& poll)
{
    return poll.getRelativeTimeout();
}

std::optional<int> wake_descriptor(const sdbus::IConnection::PollData&) { return std::nullopt; }

sdbus::Slot add_match(sdbus::IConnection& bus, const std::string& rule, MatchHandler handler)
{
    return bus.addMatch(rule, std::move(handler));
}

#endif

// The same under both APIs: built on the calls above.

sdbus::Slot watch_name_owner(sdbus::IConnection& bus, const std::string& name, OwnerHandler on_owner)
{
    const std::string rule = "type='signal',sender='org.freedesktop.DBus',path='/org/freedesktop/DBus',"
                             "interface='org.freedesktop.DBus',member='NameOwnerChanged',arg0='" + name + "'";
    return add_match(bus, rule, [on_owner = std::move(on_owner)](sdbus::Message& msg) {
        std::string changed, old_owner, new_owner;
        try {
            msg >> changed >> old_owner >> new_owner;
        } catch (const sdbus::Error&) {
            return;
        }
        on_owner(!new_owner.empty());
    });
}

bool has_owner(sdbus::IConnection& bus, const std::string& name)
{
    auto bus_proxy = make_proxy(bus, "org.freedesktop.DBus", "/org/freedesktop/DBus");
    bool owned = false;
    bus_proxy->callMethod("NameHasOwner").onInterface("org.freedesktop.DBus").withArguments(name).storeResultsTo(owned);
    return owned;
}

}  // namespace limber::dbus
