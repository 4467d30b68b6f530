#include "smart_pause/do_not_disturb.hpp"

#include "activity/log.hpp"
#include "smart_pause/hold_bus.hpp"

#include "dbus/sdbus_adapter.hpp"
#include "smart_pause/dconf_api.hpp"

#include <algorithm>
#include <map>
#include <vector>

namespace limber {
namespace {

constexpr const char* notify_service = "org.freedesktop.Notifications";
constexpr const char* notify_path = "/org/freedesktop/Notifications";
constexpr const char* notify_iface = "org.freedesktop.Notifications";
constexpr const char* properties_iface = "org.freedesktop.DBus.Properties";

// dconf's writer says which keys changed under a prefix; arg0path matches the prefix when it
// is the key's directory, a parent of it, or the key itself.
const std::string dconf_rule = "type='signal',interface='ca.desrt.dconf.Writer',member='Notify',"
                               "arg0path='/org/gnome/desktop/notifications/'";

}  // namespace

DoNotDisturbWatch::DoNotDisturbWatch(boost::asio::io_context& io) : io_(io) {}

DoNotDisturbWatch::~DoNotDisturbWatch()
{
    stop();
    server_.reset();  // before the connection it uses
    if (dconf_) dconf_api_->object_unref(dconf_);
}

void DoNotDisturbWatch::start(HoldCallback on_change)
{
    stop();
    on_change_ = std::move(on_change);
    reported_ = false;
    server_on_ = gnome_on_ = false;
    server_.reset();
    if (!bus_) bus_ = HoldBus::open(io_, "do_not_disturb", "the desktop's do-not-disturb is not seen");
    // Running before the pump starts: it may hand over waiting messages, or the bus's loss, at once.
    running_ = true;
    if (!bus_ || !bus_->listen([this](HoldBus& bus) { listen(bus); }, [this] {
            running_ = false;
            on_change_(std::nullopt);
        })) {
        running_ = false;
        on_change_(std::nullopt);
        return;
    }
    if (!running_) return;  // the bus went away as the pump started, and that was said
    read_gnome();
    ask_server();
}

void DoNotDisturbWatch::listen(HoldBus& bus)
{
    server_ = dbus::make_proxy(bus.bus(), notify_service, notify_path);
    server_->uponSignal("PropertiesChanged")
        .onInterface(properties_iface)
        .call([this](const std::string& iface, const std::map<std::string, sdbus::Variant>& changed,
                     const std::vector<std::string>& invalidated) {
            if (!running_ || iface != notify_iface) return;
            if (const auto it = changed.find("Inhibited"); it != changed.end()) {
                ++server_asking_;  // an answer still on its way is older than this
                try {
                    server_on_ = it->second.get<bool>();
                } catch (const sdbus::Error&) {
                    server_on_ = false;
                }
                update();
            } else if (std::find(invalidated.begin(), invalidated.end(), "Inhibited") != invalidated.end()) {
                ask_server();
            }
        });
    dbus::signals_declared(*server_);
    bus.watch_name(notify_service, [this](bool owned) {
        if (owned) {
            ask_server();
        } else {
            ++server_asking_;
            server_on_ = false;
            update();
        }
    });
    bus.watch(dconf_rule, [this](sdbus::Message&) { read_gnome(); });
}

void DoNotDisturbWatch::stop()
{
    if (!running_) return;
    running_ = false;
    bus_->stop();
}

void DoNotDisturbWatch::ask_server()
{
    if (!running_) return;
    const unsigned asking = ++server_asking_;
    server_->callMethodAsync("Get")
        .onInterface(properties_iface)
        .withArguments(std::string(notify_iface), std::string("Inhibited"))
        .uponReplyInvoke([this, asking](dbus::ReplyError error, const sdbus::Variant& value) {
            if (!running_ || asking != server_asking_) return;
            server_on_ = false;  // no server, or one without the property: nothing inhibited there
            if (!error) {
                try {
                    server_on_ = value.get<bool>();
                } catch (const sdbus::Error&) {
                }
            }
            update();
        });
}

void DoNotDisturbWatch::read_gnome()
{
    if (!running_) return;
    bool banners = true;  // the schema's default
    if (open_dconf()) {
        if (GVariant* value = dconf_api_->client_read(dconf_, gnome_show_banners_key)) {
            if (dconf_api_->variant_is_of_type(value, G_VARIANT_TYPE_BOOLEAN))
                banners = dconf_api_->variant_get_boolean(value) != FALSE;
            dconf_api_->variant_unref(value);
        }
    }
    gnome_on_ = !banners;
    update();
}

bool DoNotDisturbWatch::open_dconf()
{
    if (dconf_) return true;
    // Loaded only once a database is there to read: until then every key is its default.
    if (!dconf_settings_present()) return false;
    std::string why;
    dconf_api_ = load_dconf(why);
    if (!dconf_api_) {
        if (!dconf_warned_)
            activity_log()->warn("do_not_disturb: cannot load dconf's client library ({}); GNOME's do-not-disturb is not seen", why);
        dconf_warned_ = true;
        return false;
    }
    dconf_ = dconf_api_->client_new();
    return dconf_ != nullptr;
}

void DoNotDisturbWatch::update()
{
    const bool on = server_on_ || gnome_on_;
    if (reported_ && on == last_) return;
    reported_ = true;
    last_ = on;
    if (on) on_change_(HoldReason{HoldKind::DoNotDisturb, ""});
    else on_change_(std::nullopt);
}

}  // namespace limber
