// Drives an sdbus-c++ connection from the Asio loop: lets sd-bus handle all it can, then waits
// for what it asks for (its socket readable or writable, or its own deadline). No thread.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <functional>
#include <memory>
#include <string>

namespace sdbus {
class IConnection;
}

namespace limber {

class BusPump {
public:
    // `on_lost` is told why when the bus fails; the pump has stopped by then.
    BusPump(boost::asio::io_context& io, sdbus::IConnection& bus, std::function<void(const std::string&)> on_lost);
    ~BusPump();
    BusPump(const BusPump&) = delete;
    BusPump& operator=(const BusPump&) = delete;

    void start();
    // No handler of the connection runs from the pump after this. Safe inside a handler.
    void stop();

private:
    void pump();

    sdbus::IConnection& bus_;
    std::function<void(const std::string&)> on_lost_;
    boost::asio::posix::stream_descriptor fd_;
    boost::asio::posix::stream_descriptor wake_fd_;  // sdbus-c++ 2.x only: its own work queued
    boost::asio::steady_timer timer_;
    bool running_ = false;
    unsigned generation_ = 0;  // which pump() a wake-up belongs to; older ones are ignored
    std::shared_ptr<bool> alive_;
};

}  // namespace limber
