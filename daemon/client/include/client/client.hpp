// The one synchronous client of limberd's control channel, used by limberctl and the tray:
// send a request, wait (bounded) for its reply, or follow the events the daemon pushes. What
// the conversation is lives in client.cpp; the transport is the OS's (client_posix.cpp: a Unix
// socket; client_windows.cpp: a named pipe, whose server must run as the user the pipe is
// named for); this header names no OS type.
#pragma once

#include "limber/paths.hpp"
#include "limber/protocol.hpp"

#include <chrono>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace limber {

// Where limberd listens: $XDG_RUNTIME_DIR/limber/limberd.sock on POSIX; on Windows the pipe
// \\.\pipe\limber-<the user's SID>, one per user (`paths` is not needed there).
std::filesystem::path control_socket(const Paths& paths);

// A broken connection, a timeout, or a daemon that speaks something else.
class ClientError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Nothing listens on the socket: "limberd is not running (no socket at PATH)" (Windows: "no
// pipe at NAME").
class DaemonNotRunning : public ClientError {
public:
    using ClientError::ClientError;
};

class Client {
public:
    // Connects. Throws DaemonNotRunning when no daemon listens at `socket`, ClientError for
    // anything else (on Windows, a pipe served by another user than the one its name
    // says). `timeout` bounds every wait for a reply.
    explicit Client(const std::filesystem::path& socket, std::chrono::milliseconds timeout = std::chrono::seconds{5});
    ~Client();
    Client(Client&& other) noexcept;
    Client& operator=(Client&& other) noexcept;
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    // Sends a request (numbered here) and returns its reply, ok or not. Events that arrive
    // first are kept for next_event(). Throws ClientError on a timeout or a lost connection.
    protocol::Reply call(protocol::Verb verb, protocol::Args args = {});

    // Asks for pushed events; the reply's result is whatever the daemon sends on subscribing.
    protocol::Reply subscribe() { return call(protocol::Verb::Subscribe); }

    // The next pushed event, or nullopt when none came within `timeout`. Throws ClientError
    // when the daemon closes the connection.
    std::optional<protocol::PushedEvent> next_event(std::chrono::milliseconds timeout);

    // Wakes a next_event() or call() blocked in another thread: it then throws ClientError.
    // The one member that may be called from another thread.
    void interrupt() noexcept;

private:
    using Deadline = std::chrono::steady_clock::time_point;
    std::optional<std::string> read_line(Deadline deadline);  // nullopt on timeout

    // The transport, one per OS: all of `data` sent, or ClientError.
    void send_all(const std::string& data, Deadline deadline);
    // Some bytes into `buffer` (how many), nullopt when none came by the deadline; ClientError
    // when the daemon closed the connection or it broke.
    std::optional<std::size_t> receive(char* buffer, std::size_t size, Deadline deadline);
    void close() noexcept;

    // The connection: a descriptor on POSIX; on Windows the pipe's HANDLE, and the event that
    // interrupt() sets (wake_). Integers, so that this header names no OS type.
    std::intptr_t handle_ = -1;
    std::intptr_t wake_ = 0;
    std::filesystem::path socket_;
    std::chrono::milliseconds timeout_;
    std::string in_;
    std::deque<protocol::PushedEvent> events_;
    std::int64_t next_id_ = 1;
};

}  // namespace limber
