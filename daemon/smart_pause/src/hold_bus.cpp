#include "smart_pause/hold_bus.hpp"

#include "activity/log.hpp"

namespace limber {

std::unique_ptr<HoldBus> HoldBus::open(boost::asio::io_context& io, const std::string& who, const std::string& what)
{
    try {
        auto bus = sdbus::createSessionBusConnection();
        return std::unique_ptr<HoldBus>(new HoldBus(io, std::move(bus), who, what));
    } catch (const sdbus::Error& e) {
        activity_log()->warn("{}: no session bus ({}); {}", who, e.getMessage(), what);
        return nullptr;
    }
}

HoldBus::HoldBus(boost::asio::io_context& io, std::unique_ptr<sdbus::IConnection> bus, std::string who, std::string what)
    : bus_(std::move(bus)), who_(std::move(who)), what_(std::move(what)), pump_(io, *bus_, [this](const std::string& why) {
          activity_log()->warn("{}: lost the session bus ({}); {}", who_, why, what_);
          running_ = false;
          if (on_lost_) on_lost_();
      })
{
}

HoldBus::~HoldBus()
{
    stop();
    matches_.clear();
}

void HoldBus::watch_name(const std::string& name, std::function<void(bool)> on_owner)
{
    matches_.push_back(dbus::watch_name_owner(*bus_, name, [this, on_owner = std::move(on_owner)](bool owned) {
        if (running_) on_owner(owned);
    }));
}

void HoldBus::watch(const std::string& rule, std::function<void(sdbus::Message&)> on_message)
{
    matches_.push_back(dbus::add_match(*bus_, rule, [this, on_message = std::move(on_message)](sdbus::Message& msg) {
        if (running_) on_message(msg);
    }));
}

bool HoldBus::listen(const std::function<void(HoldBus&)>& setup, std::function<void()> on_lost)
{
    matches_.clear();
    try {
        setup(*this);
    } catch (const sdbus::Error& e) {
        activity_log()->warn("{}: cannot listen on the session bus ({}); {}", who_, e.getMessage(), what_);
        return false;
    }
    on_lost_ = std::move(on_lost);
    running_ = true;
    pump_.start();
    return true;
}

void HoldBus::stop()
{
    running_ = false;
    pump_.stop();
}

}  // namespace limber
