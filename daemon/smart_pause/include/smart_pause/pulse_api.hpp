// The sound server's client library (libpulse; PipeWire answers it through pipewire-pulse),
// loaded the first time a server is there to talk to. Until then limberd maps none of it:
// libpulse and what it links (libsndfile and its codecs, libdbus, GLib's neighbours) are some
// 2.5 MiB resident, more than the rest of the daemon's own code.
#pragma once

#include <pulse/context.h>
#include <pulse/error.h>
#include <pulse/introspect.h>
#include <pulse/proplist.h>
#include <pulse/subscribe.h>

#include <string>

namespace limber {

// The functions the microphone source calls, each typed by libpulse's own header.
struct PulseApi {
    decltype(&::pa_context_connect) context_connect = nullptr;
    decltype(&::pa_context_disconnect) context_disconnect = nullptr;
    decltype(&::pa_context_errno) context_errno = nullptr;
    decltype(&::pa_context_get_source_output_info_list) context_get_source_output_info_list = nullptr;
    decltype(&::pa_context_get_state) context_get_state = nullptr;
    decltype(&::pa_context_new_with_proplist) context_new_with_proplist = nullptr;
    decltype(&::pa_context_set_state_callback) context_set_state_callback = nullptr;
    decltype(&::pa_context_set_subscribe_callback) context_set_subscribe_callback = nullptr;
    decltype(&::pa_context_subscribe) context_subscribe = nullptr;
    decltype(&::pa_context_unref) context_unref = nullptr;
    decltype(&::pa_operation_unref) operation_unref = nullptr;
    decltype(&::pa_proplist_free) proplist_free = nullptr;
    decltype(&::pa_proplist_gets) proplist_gets = nullptr;
    decltype(&::pa_proplist_new) proplist_new = nullptr;
    decltype(&::pa_proplist_sets) proplist_sets = nullptr;
    decltype(&::pa_strerror) strerror = nullptr;
};

// libpulse, loaded on the first call that finds it; nullptr and the reason in `why` when it
// cannot be (not installed, or without a function above). Called on one thread.
const PulseApi* load_pulse(std::string& why);

// Whether a sound server looks to be there, without loading libpulse: the socket that
// PULSE_SERVER names (a unix: path), or the per-user one ($PULSE_RUNTIME_PATH, else
// $XDG_RUNTIME_DIR/pulse, then "native"). A PULSE_SERVER of another kind (a host, tcp:,
// a list) counts as there: only connecting can tell.
bool sound_server_present();

}  // namespace limber
