#include "smart_pause/inhibitors.hpp"

#include "activity/log.hpp"
#include "smart_pause/hold_bus.hpp"

#include "dbus/sdbus_adapter.hpp"

#include <cstdint>

namespace limber {
namespace {

constexpr const char* gsm_service = "org.gnome.SessionManager";
constexpr const char* gsm_path = "/org/gnome/SessionManager";
constexpr const char* gsm_iface = "org.gnome.SessionManager";
constexpr const char* gsm_inhibitor_iface = "org.gnome.SessionManager.Inhibitor";
constexpr std::uint32_t gsm_inhibit_idle = 8;  // GsmInhibitorFlag: "inhibit the session being marked as idle"

constexpr const char* pm_service = "org.freedesktop.PowerManagement";
constexpr const char* pm_path = "/org/freedesktop/PowerManagement/Inhibit";
constexpr const char* pm_iface = "org.freedesktop.PowerManagement.Inhibit";

}  // namespace

InhibitorsWatch::InhibitorsWatch(boost::asio::io_context& io) : io_(io) {}

InhibitorsWatch::~InhibitorsWatch()
{
    stop();
    // The proxies before the connection they use.
    gnome_inhibitors_.clear();
    gnome_.reset();
    kde_.reset();
}

void InhibitorsWatch::start(HoldCallback on_change)
{
    stop();
    on_change_ = std::move(on_change);
    reported_ = false;
    last_.reset();
    gnome_side_ = Side{};
    kde_side_ = Side{};
    gnome_inhibitors_.clear();
    gnome_.reset();
    kde_.reset();
    if (!bus_) bus_ = HoldBus::open(io_, "inhibitors", "applications keeping the desktop awake are not seen");
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
    ask_gnome();
    ask_kde();
}

void InhibitorsWatch::listen(HoldBus& bus)
{
    gnome_ = dbus::make_proxy(bus.bus(), gsm_service, gsm_path);
    gnome_->uponSignal("InhibitorAdded").onInterface(gsm_iface).call([this](const sdbus::ObjectPath&) { ask_gnome(); });
    gnome_->uponSignal("InhibitorRemoved").onInterface(gsm_iface).call([this](const sdbus::ObjectPath&) { ask_gnome(); });
    dbus::signals_declared(*gnome_);
    kde_ = dbus::make_proxy(bus.bus(), pm_service, pm_path);
    kde_->uponSignal("HasInhibitChanged").onInterface(pm_iface).call([this](bool) { ask_kde(); });
    dbus::signals_declared(*kde_);
    bus.watch_name(gsm_service, [this](bool owned) {
        if (owned) ask_gnome();
        else lost(gnome_side_);
    });
    bus.watch_name(pm_service, [this](bool owned) {
        if (owned) ask_kde();
        else lost(kde_side_);
    });
}

void InhibitorsWatch::stop()
{
    if (!running_) return;
    running_ = false;
    bus_->stop();
    // The proxies stay until the next start() or the end: stop() may come from one of their
    // handlers.
}

void InhibitorsWatch::ask_gnome()
{
    if (!running_) return;
    const unsigned asking = ++gnome_side_.asking;
    gnome_inhibitors_.clear();  // their questions are stale now
    gnome_->callMethodAsync("IsInhibited")
        .onInterface(gsm_iface)
        .withArguments(gsm_inhibit_idle)
        .uponReplyInvoke([this, asking](dbus::ReplyError error, bool inhibited) {
            if (!running_ || asking != gnome_side_.asking) return;
            if (error || !inhibited) {  // an error: no session manager, so nothing inhibited there
                gnome_side_.on = false;
                gnome_side_.app.clear();
                update();
                return;
            }
            gnome_->callMethodAsync("GetInhibitors")
                .onInterface(gsm_iface)
                .uponReplyInvoke([this, asking](dbus::ReplyError error, std::vector<sdbus::ObjectPath> paths) {
                    if (!running_ || asking != gnome_side_.asking) return;
                    gnome_side_.on = true;
                    gnome_side_.app.clear();
                    if (error) paths.clear();
                    ask_gnome_inhibitor(asking, std::move(paths), 0);
                });
        });
}

// Who inhibits idle: the first of `paths` from i on whose flags include it.
void InhibitorsWatch::ask_gnome_inhibitor(unsigned asking, std::vector<sdbus::ObjectPath> paths, std::size_t i)
{
    if (i >= paths.size()) {
        update();
        return;
    }
    sdbus::IProxy* inhibitor = nullptr;
    try {
        gnome_inhibitors_.push_back(dbus::make_proxy(bus_->bus(), gsm_service, paths[i]));
        inhibitor = gnome_inhibitors_.back().get();
    } catch (const sdbus::Error&) {
        update();
        return;
    }
    inhibitor->callMethodAsync("GetFlags")
        .onInterface(gsm_inhibitor_iface)
        .uponReplyInvoke([this, asking, paths = std::move(paths), i, inhibitor](dbus::ReplyError error,
                                                                                  std::uint32_t flags) {
            if (!running_ || asking != gnome_side_.asking) return;
            if (error || (flags & gsm_inhibit_idle) == 0) {
                ask_gnome_inhibitor(asking, paths, i + 1);
                return;
            }
            inhibitor->callMethodAsync("GetAppId")
                .onInterface(gsm_inhibitor_iface)
                .uponReplyInvoke([this, asking](dbus::ReplyError error, const std::string& app) {
                    if (!running_ || asking != gnome_side_.asking) return;
                    if (!error) gnome_side_.app = app;
                    update();
                });
        });
}

void InhibitorsWatch::ask_kde()
{
    if (!running_) return;
    const unsigned asking = ++kde_side_.asking;
    kde_->callMethodAsync("HasInhibit").onInterface(pm_iface).uponReplyInvoke([this, asking](dbus::ReplyError error,
                                                                                           bool has) {
        if (!running_ || asking != kde_side_.asking) return;
        kde_side_.app.clear();
        kde_side_.on = !error && has;
        if (!kde_side_.on) {
            update();
            return;
        }
        // KDE's own addition; another service may not have it, and then no one is named.
        kde_->callMethodAsync("ListInhibitions")
            .onInterface(pm_iface)
            .uponReplyInvoke([this, asking](dbus::ReplyError error,
                                            const std::vector<sdbus::Struct<std::string, std::string>>& list) {
                if (!running_ || asking != kde_side_.asking) return;
                if (!error && !list.empty()) kde_side_.app = std::get<0>(list.front());
                update();
            });
    });
}

void InhibitorsWatch::lost(Side& side)
{
    ++side.asking;
    side.on = false;
    side.app.clear();
    update();
}

void InhibitorsWatch::update()
{
    std::optional<HoldReason> now;
    if (gnome_side_.on) now = HoldReason{HoldKind::Inhibitors, gnome_side_.app};
    else if (kde_side_.on) now = HoldReason{HoldKind::Inhibitors, kde_side_.app};
    const bool same = last_.has_value() == now.has_value() && (!now || last_->detail == now->detail);
    if (reported_ && same) return;
    reported_ = true;
    last_ = now;
    on_change_(now);
}

}  // namespace limber
