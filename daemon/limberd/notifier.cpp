#include "notifier.hpp"

#include "activity/bus_pump.hpp"
#include "logging.hpp"

#include "dbus/sdbus_adapter.hpp"

#include <cstdint>
#include <map>
#include <vector>

namespace limber {
namespace {
constexpr const char* service = "org.freedesktop.Notifications";
constexpr const char* path = "/org/freedesktop/Notifications";
constexpr const char* iface = "org.freedesktop.Notifications";

class BusNotifier final : public Notifier {
public:
    BusNotifier(boost::asio::io_context& io, std::unique_ptr<sdbus::IConnection> bus, ActionHandler on_action);
    ~BusNotifier() override;
    void show(const std::string& summary, const std::string& body, bool with_actions) override;
    void withdraw() override;

private:
    std::unique_ptr<sdbus::IConnection> bus_;
    std::unique_ptr<sdbus::IProxy> proxy_;
    BusPump pump_;
    ActionHandler on_action_;
    std::uint32_t id_ = 0;  // the notification on screen, 0 when none
};

}  // namespace

std::unique_ptr<Notifier> Notifier::open(boost::asio::io_context& io, ActionHandler on_action)
{
    try {
        return std::make_unique<BusNotifier>(io, sdbus::createSessionBusConnection(), std::move(on_action));
    } catch (const sdbus::Error& e) {
        logger("limberd").warn("no session bus ({}): limberd cannot show notifications itself", e.getMessage());
        return nullptr;
    }
}

BusNotifier::BusNotifier(boost::asio::io_context& io, std::unique_ptr<sdbus::IConnection> bus, ActionHandler on_action)
    : bus_(std::move(bus)),
      pump_(io, *bus_, [](const std::string& why) { logger("limberd").warn("lost the session bus ({}): no more notifications", why); }),
      on_action_(std::move(on_action))
{
    proxy_ = dbus::make_proxy(*bus_, service, path);
    proxy_->uponSignal("ActionInvoked").onInterface(iface).call([this](std::uint32_t id, const std::string& action) {
        if (id != 0 && id == id_) on_action_(action);
    });
    proxy_->uponSignal("NotificationClosed").onInterface(iface).call([this](std::uint32_t id, std::uint32_t) {
        if (id == id_) id_ = 0;
    });
    dbus::signals_declared(*proxy_);
    pump_.start();
}

BusNotifier::~BusNotifier() { pump_.stop(); }

void BusNotifier::show(const std::string& summary, const std::string& body, bool with_actions)
{
    std::vector<std::string> actions;
    if (with_actions) actions = {"default", "Start", "start", "Start", "snooze", "Not now"};
    const std::map<std::string, sdbus::Variant> hints{{"category", sdbus::Variant(std::string("presence"))},
                                                      {"desktop-entry", sdbus::Variant(std::string("limber"))}};
    try {
        // Asynchronous: a slow or missing notification service never stalls the schedule.
        proxy_->callMethodAsync("Notify")
            .onInterface(iface)
            .withArguments(std::string("Limber"), id_, std::string("limber"), summary, body, actions, hints, std::int32_t{0})
            .uponReplyInvoke([this](dbus::ReplyError error, std::uint32_t id) {
                if (error) logger("limberd").warn("the notification was not shown: {}", error->getMessage());
                else id_ = id;
            });
    } catch (const sdbus::Error& e) {
        logger("limberd").warn("the notification was not shown: {}", e.getMessage());
    }
}

void BusNotifier::withdraw()
{
    if (id_ == 0) return;
    try {
        proxy_->callMethodAsync("CloseNotification").onInterface(iface).withArguments(id_).uponReplyInvoke([](dbus::ReplyError) {});
    } catch (const sdbus::Error& e) {
        logger("limberd").debug("closing the notification failed: {}", e.getMessage());
    }
    id_ = 0;
}

}  // namespace limber
