// The state the server and its sessions share. Sessions hold it by shared_ptr, so a session
// finishing after the server is gone still finds it.
#pragma once

#include "ipc/server.hpp"
#include "ipc/socket_file.hpp"

#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/steady_timer.hpp>

#include <spdlog/spdlog.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>

namespace limber::ipc {

// The "ipc" logger: the daemon's if it registered one, else a clone of the default logger.
spdlog::logger& logger();

struct Server::Hub {
    Hub(boost::asio::io_context& io, Handler h, ServerOptions o) : handler(std::move(h)), options(o), retry(io) {}

    Handler handler;
    ServerOptions options;
    PathLock lock;
    std::optional<boost::asio::local::stream_protocol::acceptor> acceptor;
    boost::asio::steady_timer retry;  // backs off after an accept error (out of descriptors)
    std::map<std::uint64_t, std::shared_ptr<Session>> sessions;
    std::uint64_t next_id = 1;
    std::uint64_t dropped_for_room = 0;  // clients closed to make room for new ones
    bool stopped = false;

    void forget(std::uint64_t id) { sessions.erase(id); }
};

}  // namespace limber::ipc
