#include "activity/bus_pump.hpp"

#include "dbus/sdbus_adapter.hpp"

#include <poll.h>

namespace limber {

BusPump::BusPump(boost::asio::io_context& io, sdbus::IConnection& bus, std::function<void(const std::string&)> on_lost)
    : bus_(bus), on_lost_(std::move(on_lost)), fd_(io, bus.getEventLoopPollData().fd), wake_fd_(io), timer_(io)
{
    if (const auto wake = dbus::wake_descriptor(bus.getEventLoopPollData())) wake_fd_.assign(*wake);
}

BusPump::~BusPump()
{
    stop();
    // The connection owns its descriptors; it closes them, not Asio.
    fd_.release();
    if (wake_fd_.is_open()) wake_fd_.release();
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
    if (wake_fd_.is_open()) wake_fd_.cancel();
    timer_.cancel();
}

void BusPump::pump()
{
    try {
        while (running_ && dbus::process_pending(bus_)) {
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
        if (wake_fd_.is_open()) wake_fd_.cancel();
        timer_.cancel();
        pump();
    };
    if (poll.events & POLLIN) fd_.async_wait(boost::asio::posix::stream_descriptor::wait_read, wake);
    if (poll.events & POLLOUT) fd_.async_wait(boost::asio::posix::stream_descriptor::wait_write, wake);
    // Work the connection queued itself (a reply read during a blocking call, a long message
    // half sent) shows on its wake descriptor, not on the socket.
    if (wake_fd_.is_open()) wake_fd_.async_wait(boost::asio::posix::stream_descriptor::wait_read, wake);
    if (const auto timeout = dbus::relative_timeout(poll)) {
        timer_.expires_after(*timeout);
        timer_.async_wait(wake);
    }
}

}  // namespace limber
