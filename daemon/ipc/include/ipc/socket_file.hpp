// Making a socket path safe to listen on: a private directory, one server per path, and no
// stale socket file left in the way.
#pragma once

#include <filesystem>
#include <utility>

namespace limber::ipc {

// An exclusive lock on "<socket>.lock", held for as long as the server runs, so that two
// daemons starting at once cannot both decide the socket is stale.
class PathLock {
public:
    PathLock() = default;
    explicit PathLock(int fd) : fd_(fd) {}
    PathLock(PathLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    PathLock& operator=(PathLock&& other) noexcept;
    ~PathLock();
    PathLock(const PathLock&) = delete;
    PathLock& operator=(const PathLock&) = delete;

private:
    int fd_ = -1;
};

// Creates the socket's directory (0700, ours), takes the lock, and removes a stale socket
// file. Throws ServerError when another server holds the lock or answers on the path, or the
// path is not ours to use.
PathLock claim_socket_path(const std::filesystem::path& socket);

// Makes the bound socket file 0600. Throws ServerError.
void restrict_socket_file(const std::filesystem::path& socket);

void remove_socket_file(const std::filesystem::path& socket) noexcept;

}  // namespace limber::ipc
