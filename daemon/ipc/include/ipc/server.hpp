// The control channel: a server on an io_context that reads request lines, hands each to the
// daemon's handler and writes the reply, and pushes events to subscribers. The transport is the
// OS's (ipc/os.hpp): a Unix socket on POSIX, a named pipe on Windows.
#pragma once

#include "ipc/os.hpp"
#include "limber/protocol.hpp"

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

namespace limber::ipc {

class Session;

// Turns a request into a reply. Runs on the io_context's thread; may throw (the client then
// gets an `internal` error). The server sets the reply's id, and makes the session a
// subscriber when a `subscribe` request is answered ok.
using Handler = std::function<protocol::Reply(const protocol::Request&, Session&)>;

struct ServerOptions {
    // A line once begun must end within this, or the client is dropped: a stalled or trickling
    // client cannot hold a connection half-open. Idle clients between lines are not timed.
    std::chrono::milliseconds line_timeout{std::chrono::seconds{30}};
    // A client whose unread replies and events pass this is not reading; it is dropped.
    std::size_t max_queued_bytes = 4 * 1024 * 1024;
    std::size_t max_sessions = 256;
    // Only this user may connect: a uid checked with SO_PEERCRED on POSIX, a SID checked against
    // the client process's token on Windows. Tests set another to see refusal.
    UserId allowed_user = current_user();
};

// Why the server cannot start: the message says what to do about it.
class ServerError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Server {
public:
    Server(boost::asio::io_context& io, std::filesystem::path socket_path, Handler handler, ServerOptions options = {});
    // Closes every connection and removes the socket file (POSIX). Call from the io_context's
    // thread or when it is not running.
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Starts accepting. POSIX: creates the directory (0700) and the socket (0600); a stale
    // socket file left by a crash is replaced. Windows: `socket_path` is a pipe name
    // (\\.\pipe\limber-<SID>) whose instances only this user may open. Throws ServerError
    // when another server is live on the path, or the path cannot be used.
    void start();

    // Queues `line` (one JSON object; a newline is added if missing) to every subscriber.
    // Safe from any thread.
    void broadcast(std::string line);

    // Stops accepting and closes every connection. Safe from any thread.
    void stop();

    // Whether a subscriber that said hello as `client` is connected. On the io_context's thread.
    [[nodiscard]] bool has_subscriber(std::string_view client) const;

    [[nodiscard]] const std::filesystem::path& socket_path() const { return path_; }

    struct Hub;  // the state sessions share with the server; defined in server.cpp

private:
    boost::asio::io_context& io_;
    std::filesystem::path path_;
    std::shared_ptr<Hub> hub_;
};

}  // namespace limber::ipc
