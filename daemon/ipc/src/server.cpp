#include "ipc/server.hpp"

#include "ipc/hub.hpp"
#include "ipc/session.hpp"
#include "ipc/socket_file.hpp"

#include <boost/asio/post.hpp>

#include <sys/socket.h>

#include <vector>

namespace limber::ipc {

namespace asio = boost::asio;
using stream = asio::local::stream_protocol;

spdlog::logger& logger()
{
    static const std::shared_ptr<spdlog::logger> logger = [] {
        if (auto existing = spdlog::get("ipc")) return existing;
        auto made = spdlog::default_logger()->clone("ipc");
        try {
            spdlog::register_logger(made);
        } catch (const spdlog::spdlog_ex&) {
            return spdlog::get("ipc");  // registered by someone else meanwhile
        }
        return made;
    }();
    return *logger;
}

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

// The server is full: the client heard from longest ago gives way, one that never subscribed
// before a subscriber, so that a crowd of idle connections never keeps a new request (say
// `status`) from an answer. False when no one can give way (max_sessions is 0).
bool make_room(Server::Hub& hub, pid_t newcomer)
{
    std::shared_ptr<Session> quietest;
    for (const auto& [id, s] : hub.sessions) {
        if (!quietest || std::pair(s->subscribed(), s->last_heard()) < std::pair(quietest->subscribed(), quietest->last_heard()))
            quietest = s;
    }
    if (!quietest) return false;
    // A flood of connections is one line in the log per hundred, not one per connection.
    if (hub.dropped_for_room++ % 100 == 0)
        logger().warn("{} clients at once: dropping client {} (pid {}), the quietest, for pid {} ({} dropped so far)",
                      hub.sessions.size(), quietest->id(), quietest->peer_pid(), newcomer, hub.dropped_for_room);
    quietest->close();
    return true;
}

void accept_next(const std::shared_ptr<Server::Hub>& hub)
{
    hub->acceptor->async_accept([hub](const boost::system::error_code& ec, stream::socket socket) {
        if (hub->stopped) return;
        if (ec) {
            // Out of descriptors and the like: wait a little rather than spin, and keep serving.
            logger().error("accepting a connection failed: {}", ec.message());
            hub->retry.expires_after(std::chrono::milliseconds(200));
            hub->retry.async_wait([hub](const boost::system::error_code& e) {
                if (!e && !hub->stopped) accept_next(hub);
            });
            return;
        }
        const auto peer = peer_of(socket);
        if (!peer || peer->uid != hub->options.allowed_uid) {
            if (peer)
                logger().warn("refused a connection from uid {} (pid {}): only uid {} may control this daemon", peer->uid,
                           peer->pid, hub->options.allowed_uid);
            else
                logger().warn("refused a connection whose user could not be checked");
        } else if (hub->sessions.size() >= hub->options.max_sessions && !make_room(*hub, peer->pid)) {
            logger().warn("refused a connection from pid {}: already {} clients", peer->pid, hub->sessions.size());
        } else {
            const auto id = hub->next_id++;
            auto session = std::make_shared<Session>(std::move(socket), hub, id, peer->pid);
            hub->sessions.emplace(id, session);
            logger().debug("client {} connected (pid {})", id, peer->pid);
            session->begin();
        }
        accept_next(hub);
    });
}

void shut_down(Server::Hub& hub)
{
    hub.stopped = true;
    boost::system::error_code ignored;
    if (hub.acceptor) hub.acceptor->close(ignored);
    hub.retry.cancel();
    // close() removes each session from the map, so walk a copy.
    std::vector<std::shared_ptr<Session>> all;
    for (const auto& [id, s] : hub.sessions) all.push_back(s);
    for (const auto& s : all) s->close();
}

}  // namespace

Server::Server(asio::io_context& io, std::filesystem::path socket_path, Handler handler, ServerOptions options)
    : io_(io), path_(std::move(socket_path)), hub_(std::make_shared<Hub>(io, std::move(handler), options))
{
}

Server::~Server()
{
    const bool was_listening = hub_->acceptor.has_value();
    shut_down(*hub_);
    if (was_listening) remove_socket_file(path_);
    hub_->lock = PathLock{};  // released now, even if late handlers keep the hub alive
}

void Server::start()
{
    PathLock lock = claim_socket_path(path_);
    stream::acceptor acceptor(io_);
    try {
        acceptor.open();
        acceptor.bind(stream::endpoint(path_.string()));
        restrict_socket_file(path_);
        acceptor.listen();
    } catch (const boost::system::system_error& e) {
        throw ServerError("cannot listen on " + path_.string() + ": " + e.code().message());
    }
    hub_->lock = std::move(lock);
    hub_->acceptor.emplace(std::move(acceptor));
    hub_->stopped = false;
    logger().info("listening on {}", path_.string());
    accept_next(hub_);
}

void Server::broadcast(std::string line)
{
    if (line.empty() || line.back() != '\n') line += '\n';
    asio::post(io_, [hub = hub_, line = std::move(line)] {
        std::vector<std::shared_ptr<Session>> subscribers;
        for (const auto& [id, s] : hub->sessions)
            if (s->subscribed()) subscribers.push_back(s);
        for (const auto& s : subscribers) s->send(line);
    });
}

bool Server::has_subscriber(std::string_view client) const
{
    for (const auto& [id, s] : hub_->sessions)
        if (s->subscribed() && s->client_name() == client) return true;
    return false;
}

void Server::stop()
{
    asio::post(io_, [hub = hub_] { shut_down(*hub); });
}

}  // namespace limber::ipc
