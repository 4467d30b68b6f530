// The POSIX half of the server: a Unix socket in a private directory, one server per path (a
// lock file), and each peer's uid checked with SO_PEERCRED before it becomes a session.
#include "ipc/hub.hpp"
#include "ipc/socket_file.hpp"

#include <boost/asio/local/stream_protocol.hpp>

#include <sys/socket.h>

#include <optional>

namespace limber::ipc {

namespace asio = boost::asio;
using stream = asio::local::stream_protocol;

struct Listener {
    Listener(asio::io_context& io, std::filesystem::path p, PathLock l) : path(std::move(p)), lock(std::move(l)), acceptor(io) {}
    ~Listener()
    {
        boost::system::error_code ignored;
        acceptor.close(ignored);
        remove_socket_file(path);
        // The lock goes last, so that a server starting now finds the stale file already gone.
    }
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;

    std::filesystem::path path;
    PathLock lock;
    stream::acceptor acceptor;
};

namespace {

struct Peer {
    uid_t uid;
    pid_t pid;
};

std::optional<Peer> peer_of(stream::socket& socket)
{
    ucred cred{};
    socklen_t len = sizeof cred;
    if (::getsockopt(socket.native_handle(), SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0) return std::nullopt;
    return Peer{cred.uid, cred.pid};
}

void accept_next(const std::shared_ptr<Server::Hub>& hub)
{
    hub->listener->acceptor.async_accept([hub](const boost::system::error_code& ec, stream::socket socket) {
        if (hub->stopped || !hub->listener) return;
        if (ec) {
            // Out of descriptors and the like: wait a little rather than spin, and keep serving.
            logger().error("accepting a connection failed: {}", ec.message());
            hub->retry.expires_after(std::chrono::milliseconds(200));
            hub->retry.async_wait([hub](const boost::system::error_code& e) {
                if (!e && !hub->stopped && hub->listener) accept_next(hub);
            });
            return;
        }
        const auto peer = peer_of(socket);
        if (!peer || peer->uid != hub->options.allowed_user) {
            if (peer)
                logger().warn("refused a connection from uid {} (pid {}): only uid {} may control this daemon", peer->uid,
                              peer->pid, hub->options.allowed_user);
            else
                logger().warn("refused a connection whose user could not be checked");
            close_stream(socket, false);
        } else {
            admit(hub, std::move(socket), peer->pid);
        }
        accept_next(hub);
    });
}

}  // namespace

std::shared_ptr<Listener> listen(asio::io_context& io, const std::filesystem::path& path, const std::shared_ptr<Server::Hub>& hub)
{
    PathLock lock = claim_socket_path(path);
    stream::acceptor acceptor(io);
    try {
        acceptor.open();
        acceptor.bind(stream::endpoint(path.string()));
        restrict_socket_file(path);
        acceptor.listen();
    } catch (const boost::system::system_error& e) {
        throw ServerError("cannot listen on " + path.string() + ": " + e.code().message());
    }
    auto listener = std::make_shared<Listener>(io, path, std::move(lock));
    listener->acceptor = std::move(acceptor);
    // The hub holds the listener from here; accept_next() reaches it through the hub.
    hub->listener = listener;
    hub->stopped = false;
    accept_next(hub);
    return listener;
}

void stop_listening(Listener& listener) noexcept
{
    boost::system::error_code ignored;
    listener.acceptor.close(ignored);
}

}  // namespace limber::ipc
