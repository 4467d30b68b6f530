#include "activity/bus_pump.hpp"

#include <sdbus-c++/sdbus-c++.h>

#include <poll.h>

namespace limber {

BusPump::BusPump(boost::asio::io_context& io, sdbus::IConnection& bus, std::function<void(const std::string&)> on_lost)
    : bus_(bus), on_lost_(std::move(on_lost)), fd_(io, bus.getEventLoopPollData().fd), timer_(io)
{
}

BusPump::~BusPump()
{
    stop();
    // The connection owns its socket; it closes it, not Asio.
    fd_.release();
}

void BusPump::start()
{
    stop();
    alive_ = std::make_shared<bool>(true);
    running_ = true;
    pump();
}

void BusPump::stop()
{
    if (!running_) return;
    running_ = false;
    *alive_ = false;
    fd_.cancel();
    timer_.cancel();
}

void BusPump::pump()
{
    try {
        while (running_ && bus_.processPendingRequest()) {
        }
    } catch (const sdbus::Error& e) {
        stop();
        on_lost_(e.getMessage());
        return;
    }
    if (!running_) return;
    const auto poll = bus_.getEventLoopPollData();
    const unsigned gen = ++generation_;
    auto wake = [this, gen, alive = alive_](const boost::system::error_code& ec) {
        if (ec || !*alive || gen != generation_) return;
        fd_.cancel();
        timer_.cancel();
        pump();
    };
    if (poll.events & POLLIN) fd_.async_wait(boost::asio::posix::stream_descriptor::wait_read, wake);
    if (poll.events & POLLOUT) fd_.async_wait(boost::asio::posix::stream_descriptor::wait_write, wake);
    if (const auto timeout = poll.getRelativeTimeout()) {
        timer_.expires_after(*timeout);
        timer_.async_wait(wake);
    }
}

}  // namespace limber
