// The control channel's transport on POSIX: a Unix stream socket, waited on with poll().
#include "client/client.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace limber {
namespace {

std::string errno_text() { return std::strerror(errno); }

// Waits until `fd` is ready for `events` or the deadline passes. False on timeout.
bool wait_for(int fd, short events, std::chrono::steady_clock::time_point deadline)
{
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        pollfd p{fd, events, 0};
        const int n = ::poll(&p, 1, static_cast<int>(std::max<std::int64_t>(0, left.count())));
        if (n > 0) return true;
        if (n == 0) return false;
        if (errno != EINTR) throw ClientError("waiting for limberd failed: " + errno_text());
    }
}

}  // namespace

std::filesystem::path control_socket(const Paths& paths) { return paths.runtime_dir / "limberd.sock"; }

Client::Client(const std::filesystem::path& socket, std::chrono::milliseconds timeout) : socket_(socket), timeout_(timeout)
{
    sockaddr_un addr{};
    if (socket.native().size() >= sizeof addr.sun_path) throw ClientError("socket path is too long: " + socket.string());
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, socket.c_str(), sizeof addr.sun_path - 1);
    handle_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (handle_ < 0) throw ClientError("cannot create a socket: " + errno_text());
    if (::connect(static_cast<int>(handle_), reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
        const int err = errno;
        close();
        if (err == ENOENT) throw DaemonNotRunning("limberd is not running (no socket at " + socket.string() + ")");
        if (err == ECONNREFUSED)
            throw DaemonNotRunning("limberd is not running (nothing listens on " + socket.string() + ")");
        throw ClientError("cannot connect to limberd at " + socket.string() + ": " + std::strerror(err));
    }
}

void Client::close() noexcept
{
    if (handle_ >= 0) ::close(static_cast<int>(handle_));
    handle_ = -1;
}

void Client::interrupt() noexcept
{
    if (handle_ >= 0) ::shutdown(static_cast<int>(handle_), SHUT_RDWR);
}

void Client::send_all(const std::string& data, Deadline deadline)
{
    const int fd = static_cast<int>(handle_);
    std::size_t sent = 0;
    while (sent < data.size()) {
        if (!wait_for(fd, POLLOUT, deadline)) throw ClientError("limberd is not reading its socket");
        // MSG_NOSIGNAL: a daemon that went away is an error here, not a SIGPIPE that kills us.
        const auto n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            throw ClientError("lost the connection to limberd: " + errno_text());
        }
        sent += static_cast<std::size_t>(n);
    }
}

std::optional<std::size_t> Client::receive(char* buffer, std::size_t size, Deadline deadline)
{
    const int fd = static_cast<int>(handle_);
    for (;;) {
        if (!wait_for(fd, POLLIN, deadline)) return std::nullopt;
        const auto n = ::recv(fd, buffer, size, 0);
        if (n == 0) throw ClientError("limberd closed the connection");
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            throw ClientError("lost the connection to limberd: " + errno_text());
        }
        return static_cast<std::size_t>(n);
    }
}

}  // namespace limber
