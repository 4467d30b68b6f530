// The control channel's client on POSIX: a Unix stream socket, waited on with poll().
#include "client/client.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace limber {
namespace {

// Replies can be large (an export), but a line without end is a broken daemon.
constexpr std::size_t max_reply_line = 64 * 1024 * 1024;

std::string errno_text() { return std::strerror(errno); }

protocol::ServerMessage parse(const std::string& line)
{
    try {
        return protocol::parse_server_message(line);
    } catch (const std::runtime_error& e) {
        throw ClientError(e.what());
    }
}

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
    if (::connect(handle_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
        const int err = errno;
        ::close(handle_);
        handle_ = -1;
        if (err == ENOENT) throw DaemonNotRunning("limberd is not running (no socket at " + socket.string() + ")");
        if (err == ECONNREFUSED)
            throw DaemonNotRunning("limberd is not running (nothing listens on " + socket.string() + ")");
        throw ClientError("cannot connect to limberd at " + socket.string() + ": " + std::strerror(err));
    }
}

Client::~Client()
{
    if (handle_ >= 0) ::close(handle_);
}

Client::Client(Client&& other) noexcept
    : handle_(std::exchange(other.handle_, -1)), socket_(std::move(other.socket_)), timeout_(other.timeout_),
      in_(std::move(other.in_)), events_(std::move(other.events_)), next_id_(other.next_id_)
{
}

Client& Client::operator=(Client&& other) noexcept
{
    if (this != &other) {
        if (handle_ >= 0) ::close(handle_);
        handle_ = std::exchange(other.handle_, -1);
        socket_ = std::move(other.socket_);
        timeout_ = other.timeout_;
        in_ = std::move(other.in_);
        events_ = std::move(other.events_);
        next_id_ = other.next_id_;
    }
    return *this;
}

protocol::Reply Client::call(protocol::Verb verb, protocol::Args args)
{
    if (handle_ < 0) throw ClientError("not connected to limberd");
    const auto id = next_id_++;
    const auto deadline = std::chrono::steady_clock::now() + timeout_;
    send_all(protocol::to_line(protocol::Request{id, verb, std::move(args)}), deadline);
    for (;;) {
        const auto line = read_line(deadline);
        if (!line)
            throw ClientError(std::string("limberd did not answer \"") + protocol::to_string(verb) + "\" within " +
                              std::to_string(timeout_.count()) + " ms");
        auto message = parse(*line);
        if (auto* event = std::get_if<protocol::PushedEvent>(&message)) {
            events_.push_back(std::move(*event));
            continue;
        }
        auto& reply = std::get<protocol::Reply>(message);
        // A reply without an id answers a line the daemon could not read: ours, as we wait for one.
        if (!reply.id || *reply.id == id) return std::move(reply);
    }
}

void Client::interrupt() noexcept
{
    if (handle_ >= 0) ::shutdown(handle_, SHUT_RDWR);
}

std::optional<protocol::PushedEvent> Client::next_event(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (events_.empty()) {
        const auto line = read_line(deadline);
        if (!line) return std::nullopt;
        auto message = parse(*line);
        if (auto* event = std::get_if<protocol::PushedEvent>(&message)) events_.push_back(std::move(*event));
    }
    auto event = std::move(events_.front());
    events_.pop_front();
    return event;
}

void Client::send_all(const std::string& data, Deadline deadline)
{
    std::size_t sent = 0;
    while (sent < data.size()) {
        if (!wait_for(handle_, POLLOUT, deadline)) throw ClientError("limberd is not reading its socket");
        // MSG_NOSIGNAL: a daemon that went away is an error here, not a SIGPIPE that kills us.
        const auto n = ::send(handle_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            throw ClientError("lost the connection to limberd: " + errno_text());
        }
        sent += static_cast<std::size_t>(n);
    }
}

std::optional<std::string> Client::read_line(Deadline deadline)
{
    for (;;) {
        if (const auto nl = in_.find('\n'); nl != std::string::npos) {
            std::string line = in_.substr(0, nl);
            in_.erase(0, nl + 1);
            return line;
        }
        if (in_.size() > max_reply_line) throw ClientError("limberd sent a line over 64 MiB");
        if (!wait_for(handle_, POLLIN, deadline)) return std::nullopt;
        char buf[16384];
        const auto n = ::recv(handle_, buf, sizeof buf, 0);
        if (n == 0) throw ClientError("limberd closed the connection");
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            throw ClientError("lost the connection to limberd: " + errno_text());
        }
        in_.append(buf, static_cast<std::size_t>(n));
    }
}

}  // namespace limber
