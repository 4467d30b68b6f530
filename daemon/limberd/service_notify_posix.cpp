#include "service_notify.hpp"

#include "logging.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string>

namespace limber {

void notify_service_manager(std::string_view state)
{
    const char* env = std::getenv("NOTIFY_SOCKET");
    if (!env || !*env) return;
    const std::string where(env);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    // A path, or an abstract name after '@' (whose address has no terminating NUL). Other
    // forms (systemd's vsock: for virtual machines) are not for a user's desktop daemon.
    if ((where[0] != '/' && where[0] != '@') || where.size() >= sizeof(addr.sun_path)) {
        logger("limberd").debug("NOTIFY_SOCKET \"{}\" is not a socket limberd can notify", where);
        return;
    }
    std::memcpy(addr.sun_path, where.data(), where.size());
    socklen_t length = offsetof(sockaddr_un, sun_path) + where.size();
    if (where[0] == '@') addr.sun_path[0] = '\0';
    else ++length;  // the path's NUL
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        logger("limberd").debug("cannot notify the service manager: {}", std::strerror(errno));
        return;
    }
    if (::sendto(fd, state.data(), state.size(), MSG_NOSIGNAL, reinterpret_cast<const sockaddr*>(&addr), length) < 0)
        logger("limberd").debug("cannot notify the service manager ({}): {}", where, std::strerror(errno));
    ::close(fd);
}

}  // namespace limber
