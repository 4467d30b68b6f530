// The state the server and its sessions share. Sessions hold it by shared_ptr, so a session
// finishing after the server is gone still finds it. Also the seam between the server's common
// half (server.cpp) and the OS's half that listens (listener_posix.cpp, listener_windows.cpp).
#pragma once

#include "ipc/os.hpp"
#include "ipc/server.hpp"

#include <boost/asio/steady_timer.hpp>

#include <spdlog/spdlog.h>

#include <cstdint>
#include <map>
#include <memory>

namespace limber::ipc {

// The "ipc" logger: the daemon's if it registered one, else a clone of the default logger.
spdlog::logger& logger();

// Where clients come in: the OS's, defined in listener_<os>.cpp. Destroying it gives the path
// back (POSIX: the socket file is removed and its lock released).
struct Listener;

struct Server::Hub {
    Hub(boost::asio::io_context& io, Handler h, ServerOptions o) : handler(std::move(h)), options(std::move(o)), retry(io) {}

    Handler handler;
    ServerOptions options;
    std::shared_ptr<Listener> listener;  // set while the server is started
    boost::asio::steady_timer retry;     // backs off after an accept error (out of descriptors)
    std::map<std::uint64_t, std::shared_ptr<Session>> sessions;
    std::uint64_t next_id = 1;
    std::uint64_t dropped_for_room = 0;  // clients closed to make room for new ones
    bool stopped = false;

    void forget(std::uint64_t id) { sessions.erase(id); }
};

// The OS's half. listen() claims `path` and starts accepting on `io`, handing each client whose
// user it has checked to admit(); it throws ServerError saying why it cannot. stop_listening()
// ends the pending accept, so that nothing of the listener keeps the io_context running.
std::shared_ptr<Listener> listen(boost::asio::io_context& io, const std::filesystem::path& path,
                                 const std::shared_ptr<Server::Hub>& hub);
void stop_listening(Listener& listener) noexcept;

// The common half: a checked client becomes a session, unless the server is full and no one
// can give way.
void admit(const std::shared_ptr<Server::Hub>& hub, Stream stream, ProcessId pid);

}  // namespace limber::ipc
