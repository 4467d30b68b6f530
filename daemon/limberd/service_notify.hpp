// Tells a service manager (systemd's Type=notify units) how limberd is doing, as sd_notify(3)
// does: one datagram ("READY=1", "STOPPING=1") to the AF_UNIX socket $NOTIFY_SOCKET names, a
// path or, after '@', an abstract name. Written here rather than taken from libsystemd, so that
// limberd needs no library for it (libsystemd remains sdbus-c++'s own dependency, with D-Bus).
#pragma once

#include <string_view>

namespace limber {

// Nothing without $NOTIFY_SOCKET; a failure is logged at debug level and is no error, as with
// sd_notify.
void notify_service_manager(std::string_view state);

}  // namespace limber
