// A bare Unix-socket client for tests: writes any bytes, reads lines with a deadline, and
// notices when the server hangs up. For sending what a real client never would.
#pragma once

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace limber::test {

class RawClient {
public:
    explicit RawClient(const std::filesystem::path& socket)
    {
        fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::strncpy(addr.sun_path, socket.c_str(), sizeof addr.sun_path - 1);
        if (fd_ < 0 || ::connect(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0)
            throw std::runtime_error("cannot connect to " + socket.string() + ": " + std::strerror(errno));
    }
    ~RawClient() { ::close(fd_); }
    RawClient(const RawClient&) = delete;
    RawClient& operator=(const RawClient&) = delete;

    // Writes everything, or returns false if the server has hung up.
    bool write(const std::string& data)
    {
        for (std::size_t sent = 0; sent < data.size();) {
            const auto n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n < 0) return false;
            sent += static_cast<std::size_t>(n);
        }
        return true;
    }

    // The next line without its newline; nullopt on timeout or when the server hung up.
    std::optional<std::string> read_line(std::chrono::milliseconds timeout = std::chrono::seconds{10})
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            if (const auto nl = in_.find('\n'); nl != std::string::npos) {
                auto line = in_.substr(0, nl);
                in_.erase(0, nl + 1);
                return line;
            }
            if (!fill(deadline)) return std::nullopt;
        }
    }

    // True once the server has closed the connection (reading and discarding what it sent
    // before); false if it is still open at the deadline.
    bool closed_within(std::chrono::milliseconds timeout)
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (fill(deadline)) in_.clear();
        return hung_up_;
    }

private:
    // Reads what is there; false on timeout or hang-up.
    bool fill(std::chrono::steady_clock::time_point deadline)
    {
        if (hung_up_) return false;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(std::max<long long>(0, left.count()))) <= 0) return false;
        char buf[65536];
        const auto n = ::recv(fd_, buf, sizeof buf, 0);
        if (n <= 0) {
            hung_up_ = true;
            return false;
        }
        in_.append(buf, static_cast<std::size_t>(n));
        return true;
    }

    int fd_ = -1;
    std::string in_;
    bool hung_up_ = false;
};

}  // namespace limber::test
