// Windows has no equivalent of systemd's readiness protocol for a program started at login
// (the Run key starts it and waits for nothing): nothing to tell.
#include "service_notify.hpp"

namespace limber {

void notify_service_manager(std::string_view) {}

}  // namespace limber
