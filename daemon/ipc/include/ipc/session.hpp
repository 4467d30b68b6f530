// One client connection: reads request lines under a size cap and a line timeout, and writes
// replies and events through a queue so that only one write is ever in flight.
#pragma once

#include "ipc/os.hpp"
#include "ipc/server.hpp"

#include <boost/asio/steady_timer.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

namespace limber::ipc {

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(Stream stream, std::shared_ptr<Server::Hub> hub, std::uint64_t id, ProcessId peer_pid);

    void begin();  // starts reading; call once, after the hub holds the session

    // Queues one line (newline included) for the client. A client too far behind is dropped.
    void send(std::string line);
    // Closes at once; queued lines are discarded.
    void close();

    [[nodiscard]] std::uint64_t id() const { return id_; }
    [[nodiscard]] ProcessId peer_pid() const { return peer_pid_; }
    [[nodiscard]] bool subscribed() const { return subscribed_; }
    // When the client last sent a whole request (or connected): the quietest gives way when
    // the server is full.
    [[nodiscard]] std::chrono::steady_clock::time_point last_heard() const { return last_heard_; }
    void set_subscribed(bool on) { subscribed_ = on; }
    // What the client called itself in `hello`, for the log.
    [[nodiscard]] const std::string& client_name() const { return client_name_; }
    void set_client_name(std::string name) { client_name_ = std::move(name); }

private:
    void read_more();
    void on_read(const boost::system::error_code& ec, std::size_t n);
    void handle_line(std::string_view line);
    void refuse_too_long(std::size_t size);
    void write_next();
    void close_after_flush();
    void end(bool keep_unread);
    void arm_timer(const char* why);

    Stream socket_;
    boost::asio::steady_timer timer_;
    std::shared_ptr<Server::Hub> hub_;
    std::uint64_t id_;
    ProcessId peer_pid_;
    std::string client_name_;
    bool subscribed_ = false;
    std::chrono::steady_clock::time_point last_heard_ = std::chrono::steady_clock::now();

    std::array<char, 4096> chunk_{};
    std::string in_;             // bytes read but not yet a whole line
    std::deque<std::string> out_;
    std::size_t queued_bytes_ = 0;
    bool writing_ = false;
    bool closing_ = false;       // no more reading; close once the queue is written
    bool closed_ = false;
    const char* timer_reason_ = "";
};

}  // namespace limber::ipc
