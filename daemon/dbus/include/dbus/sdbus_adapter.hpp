// The one place that knows which sdbus-c++ it is built against. Debian 12 and Ubuntu 24.04 carry
// the 1.x API (1.2, 1.4), Debian 13 the 2.x API (2.1); everything else in limberd speaks to
// D-Bus through these few calls and types, and reads the same under both.
#pragma once

#include <sdbus-c++/sdbus-c++.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#ifndef LIMBER_SDBUS_MAJOR
#error "LIMBER_SDBUS_MAJOR is set by daemon/CMakeLists.txt from the sdbus-c++ package found"
#endif

namespace limber::dbus {

// What an asynchronous call's reply handler gets first: empty when the call succeeded, the
// error when it failed. Test it as a bool and read it with ->, under either API.
#if LIMBER_SDBUS_MAJOR >= 2
using ReplyError = std::optional<sdbus::Error>;
#else
using ReplyError = const sdbus::Error*;
#endif

// A proxy for `path` at `service` on `bus`; it runs no loop of its own (a BusPump drives the
// connection). Declare its signal handlers, then call signals_declared().
[[nodiscard]] std::unique_ptr<sdbus::IProxy> make_proxy(sdbus::IConnection& bus, const std::string& service,
                                                        const std::string& path);

// Ends the declaration of a proxy's signal handlers: 1.x subscribes them here, 2.x already has.
void signals_declared(sdbus::IProxy& proxy);

// Handles one pending message or event of the connection; false when there is nothing to do.
bool process_pending(sdbus::IConnection& bus);

// How long the connection may wait before it needs process_pending() again; nothing when it
// has no deadline.
[[nodiscard]] std::optional<std::chrono::microseconds> relative_timeout(const sdbus::IConnection::PollData& poll);

// A descriptor, besides the connection's socket, that becomes readable when the connection
// has queued work of its own (2.x); nothing under 1.x, which has none.
[[nodiscard]] std::optional<int> wake_descriptor(const sdbus::IConnection::PollData& poll);

// Calls `handler` for every message matching the D-Bus match `rule`, for as long as the
// returned slot lives.
using MatchHandler = std::function<void(sdbus::Message&)>;
[[nodiscard]] sdbus::Slot add_match(sdbus::IConnection& bus, const std::string& rule, MatchHandler handler);

// Calls `on_owner(true)` when the well-known `name` gets an owner (or changes hands) and
// `on_owner(false)` when it loses it, for as long as the returned slot lives. Matched on the
// name alone (NameOwnerChanged, arg0), so nothing else on the bus wakes us. Add it before
// asking has_owner(), so that an owner coming between the two is not missed. Throws sdbus::Error.
using OwnerHandler = std::function<void(bool owned)>;
[[nodiscard]] sdbus::Slot watch_name_owner(sdbus::IConnection& bus, const std::string& name, OwnerHandler on_owner);

// Whether anyone owns the well-known `name` on `bus` now; asking starts no service. Throws
// sdbus::Error.
[[nodiscard]] bool has_owner(sdbus::IConnection& bus, const std::string& name);

}  // namespace limber::dbus
