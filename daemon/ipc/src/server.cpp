// The server's common half: sessions, room for newcomers, broadcasts and shutting down. How
// clients come in and who they are is the OS's (listener_posix.cpp, listener_windows.cpp).
#include "ipc/server.hpp"

#include "ipc/hub.hpp"
#include "ipc/session.hpp"

#include <boost/asio/post.hpp>

#include <vector>

namespace limber::ipc {

namespace asio = boost::asio;

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

// The server is full: the client heard from longest ago gives way, one that never subscribed
// before a subscriber, so that a crowd of idle connections never keeps a new request (say
// `status`) from an answer. False when no one can give way (max_sessions is 0).
bool make_room(Server::Hub& hub, ProcessId newcomer)
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

void shut_down(Server::Hub& hub)
{
    hub.stopped = true;
    if (hub.listener) stop_listening(*hub.listener);
    hub.retry.cancel();
    // close() removes each session from the map, so walk a copy.
    std::vector<std::shared_ptr<Session>> all;
    for (const auto& [id, s] : hub.sessions) all.push_back(s);
    for (const auto& s : all) s->close();
}

}  // namespace

void admit(const std::shared_ptr<Server::Hub>& hub, Stream stream, ProcessId pid)
{
    if (hub->sessions.size() >= hub->options.max_sessions && !make_room(*hub, pid)) {
        logger().warn("refused a connection from pid {}: already {} clients", pid, hub->sessions.size());
        close_stream(stream, false);
        return;
    }
    const auto id = hub->next_id++;
    auto session = std::make_shared<Session>(std::move(stream), hub, id, pid);
    hub->sessions.emplace(id, session);
    logger().debug("client {} connected (pid {})", id, pid);
    session->begin();
}

Server::Server(asio::io_context& io, std::filesystem::path socket_path, Handler handler, ServerOptions options)
    : io_(io), path_(std::move(socket_path)), hub_(std::make_shared<Hub>(io, std::move(handler), std::move(options)))
{
}

Server::~Server()
{
    shut_down(*hub_);
    hub_->listener.reset();  // the path is given back now, even if late handlers keep the hub alive
}

void Server::start()
{
    hub_->listener = listen(io_, path_, hub_);
    hub_->stopped = false;
    logger().info("listening on {}", path_.string());
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
