#include "smart_pause/microphone.hpp"

#include "activity/log.hpp"
#include "smart_pause/pulse_api.hpp"
#include "smart_pause/pulse_loop.hpp"

#include <boost/asio/post.hpp>

#include <unistd.h>

#include <array>

namespace limber {
namespace {

// Volume controls whose level meters record from every source while their window is open;
// they say who they are in application.id.
constexpr std::array<const char*, 4> meter_apps = {
    "org.PulseAudio.pavucontrol",  // pavucontrol
    "org.gnome.VolumeControl",     // GNOME's volume control (libgvc: Settings, the shell's menu)
    "org.mate.VolumeControl",      // MATE's, the same library
    "org.kde.kmixd",               // KMix
};

std::string prop(const PulseApi& pa, const pa_proplist* props, const char* key)
{
    const char* value = props ? pa.proplist_gets(props, key) : nullptr;
    return value ? value : "";
}

}  // namespace

std::optional<std::string> capture_user(const CaptureStream& stream, const std::string& own_pid)
{
    if (stream.corked) return std::nullopt;  // paused: nothing is being heard
    if (!stream.pid.empty() && stream.pid == own_pid) return std::nullopt;
    for (const char* meter : meter_apps)
        if (stream.app_id == meter) return std::nullopt;
    if (!stream.app_name.empty()) return stream.app_name;
    return stream.binary;
}

MicrophoneWatch::MicrophoneWatch(boost::asio::io_context& io, std::chrono::seconds retry)
    : io_(io), retry_(retry), retry_timer_(io)
{
}

MicrophoneWatch::~MicrophoneWatch() { stop(); }

void MicrophoneWatch::start(HoldCallback on_change)
{
    stop();
    on_change_ = std::move(on_change);
    running_ = true;
    warned_ = false;
    reported_ = false;
    user_.reset();
    alive_ = std::make_shared<bool>(true);
    connect();
}

void MicrophoneWatch::stop()
{
    if (!running_) return;
    running_ = false;
    *alive_ = false;
    alive_.reset();
    retry_timer_.cancel();
    disconnect();
}

void MicrophoneWatch::connect()
{
    // libpulse is loaded only once a server is there: without one there is nothing to hear.
    if (!sound_server_present()) {
        unavailable();
        return;
    }
    if (!pa_) {
        std::string why;
        pa_ = load_pulse(why);
        if (!pa_) {
            if (!warned_)
                activity_log()->warn("microphone: cannot load the sound server's client library ({}); calls are not "
                                     "detected by microphone",
                                     why);
            warned_ = true;
            unavailable();
            return;
        }
    }
    if (!loop_) loop_ = std::make_unique<PulseAsioLoop>(io_);
    pa_proplist* props = pa_->proplist_new();
    pa_->proplist_sets(props, PA_PROP_APPLICATION_NAME, "Limber");
    pa_->proplist_sets(props, PA_PROP_APPLICATION_ID, "io.github.limber.Limber");
    context_ = pa_->context_new_with_proplist(loop_->api(), "Limber", props);
    pa_->proplist_free(props);
    if (!context_) {
        activity_log()->warn("microphone: cannot make a sound server context; calls are not detected by microphone");
        report(std::nullopt);
        return;
    }
    connected_ = false;
    listing_ = relist_ = false;
    pa_->context_set_state_callback(
        context_,
        [](pa_context* c, void* self_) {
            auto* self = static_cast<MicrophoneWatch*>(self_);
            if (c != self->context_) return;
            switch (self->pa_->context_get_state(c)) {
            case PA_CONTEXT_READY: self->ready(); break;
            case PA_CONTEXT_FAILED:
            case PA_CONTEXT_TERMINATED:
                // Not from inside libpulse's own call: the context is freed there.
                boost::asio::post(self->io_, [self, alive = self->alive_] {
                    if (alive && *alive) self->failed();
                });
                break;
            default: break;
            }
        },
        this);
    // Never start a server: one that is not running is not in a call. A failure, even at
    // once, reaches the state callback as FAILED.
    static_cast<void>(pa_->context_connect(context_, nullptr, PA_CONTEXT_NOAUTOSPAWN, nullptr));
}

void MicrophoneWatch::disconnect()
{
    if (!context_) return;
    pa_->context_set_state_callback(context_, nullptr, nullptr);
    pa_->context_set_subscribe_callback(context_, nullptr, nullptr);
    pa_->context_disconnect(context_);
    pa_->context_unref(context_);
    context_ = nullptr;
    connected_ = false;
}

void MicrophoneWatch::failed()
{
    if (!running_ || !context_) return;
    const int err = pa_->context_errno(context_);
    const bool was_connected = connected_;
    disconnect();
    if (was_connected) {
        activity_log()->warn("microphone: lost the sound server ({}); calls are not detected by microphone until it is back",
                             pa_->strerror(err));
        warned_ = true;
    }
    unavailable();
}

void MicrophoneWatch::unavailable()
{
    if (!warned_) {
        activity_log()->warn("microphone: no sound server; calls are not detected by microphone");
        warned_ = true;
    }
    report(std::nullopt);
    if (retry_.count() <= 0) return;
    retry_timer_.expires_after(retry_);
    retry_timer_.async_wait([this, alive = alive_](const boost::system::error_code& ec) {
        if (ec || !alive || !*alive) return;
        connect();
    });
}

void MicrophoneWatch::ready()
{
    connected_ = true;
    if (warned_) activity_log()->info("microphone: found the sound server; calls are detected by microphone again");
    warned_ = false;
    pa_->context_set_subscribe_callback(
        context_,
        [](pa_context* c, pa_subscription_event_type_t type, uint32_t, void* self_) {
            auto* self = static_cast<MicrophoneWatch*>(self_);
            if (c != self->context_) return;
            if ((type & PA_SUBSCRIPTION_EVENT_FACILITY_MASK) == PA_SUBSCRIPTION_EVENT_SOURCE_OUTPUT) self->list();
        },
        this);
    if (pa_operation* op = pa_->context_subscribe(context_, PA_SUBSCRIPTION_MASK_SOURCE_OUTPUT, nullptr, nullptr))
        pa_->operation_unref(op);
    list();
}

void MicrophoneWatch::list()
{
    if (listing_) {
        relist_ = true;
        return;
    }
    found_.reset();
    pa_operation* op = pa_->context_get_source_output_info_list(
        context_,
        [](pa_context* c, const pa_source_output_info* info, int eol, void* self_) {
            auto* self = static_cast<MicrophoneWatch*>(self_);
            if (c != self->context_) return;
            if (eol == 0 && info) self->listed_one(*info);
            else self->listed_all();  // the end, or an error: what was seen is what there is
        },
        this);
    if (!op) return;  // the context is failing; its state callback follows
    listing_ = true;
    pa_->operation_unref(op);
}

void MicrophoneWatch::listed_one(const pa_source_output_info& info)
{
    if (found_) return;
    CaptureStream stream{info.corked != 0, prop(*pa_, info.proplist, PA_PROP_APPLICATION_NAME),
                         prop(*pa_, info.proplist, PA_PROP_APPLICATION_ID), prop(*pa_, info.proplist, PA_PROP_APPLICATION_PROCESS_BINARY),
                         prop(*pa_, info.proplist, PA_PROP_APPLICATION_PROCESS_ID)};
    found_ = capture_user(stream, std::to_string(::getpid()));
}

void MicrophoneWatch::listed_all()
{
    listing_ = false;
    if (relist_) {  // the list is stale already: ask again before saying anything
        relist_ = false;
        list();
        return;
    }
    report(found_);
}

void MicrophoneWatch::report(const std::optional<std::string>& user)
{
    if (!running_ || (reported_ && user == user_)) return;
    reported_ = true;
    user_ = user;
    if (user_) on_change_(HoldReason{HoldKind::Microphone, *user_});
    else on_change_(std::nullopt);
}

}  // namespace limber
