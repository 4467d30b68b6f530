#include "sound.hpp"

#include <wx/log.h>

#include <canberra.h>

namespace limber::tray {

const char* sound_name(Sound sound)
{
    switch (sound) {
    case Sound::BreakDue: return "message-new-instant";
    case Sound::Hold: return "audio-volume-change";  // a short, soft tick
    case Sound::Release: return "bell";
    case Sound::NextExercise: return "message";
    case Sound::Done: return "complete";
    }
    return "bell";
}

// The context is left to the end of the process on purpose. Destroying it unloads
// canberra's sound backend while a thread of the sound server's client library can still be
// running in it (a cue that was playing when the tray was told to quit), which crashed the
// tray on its way out under AddressSanitizer. The process ends a moment later, and with it
// the connection and the memory.
SoundPlayer::~SoundPlayer() = default;

void SoundPlayer::play(Sound sound)
{
    if (unavailable_) return;
    if (!context_) {
        int r = ca_context_create(&context_);
        if (r == CA_SUCCESS) {
            ca_context_change_props(context_, CA_PROP_APPLICATION_NAME, "Limber", CA_PROP_APPLICATION_ID, "limber",
                                    CA_PROP_APPLICATION_ICON_NAME, "limber", nullptr);
            r = ca_context_open(context_);
        }
        if (r != CA_SUCCESS) {
            wxLogMessage("no sound: %s; Limber stays silent", ca_strerror(r));
            if (context_) ca_context_destroy(context_);
            context_ = nullptr;
            unavailable_ = true;
            return;
        }
    }
    const int r = ca_context_play(context_, 0, CA_PROP_EVENT_ID, sound_name(sound), CA_PROP_MEDIA_ROLE, "event", nullptr);
    if (r != CA_SUCCESS && r != CA_ERROR_NOTFOUND) wxLogDebug("cannot play %s: %s", sound_name(sound), ca_strerror(r));
    if (r == CA_ERROR_NOTFOUND) wxLogDebug("the sound theme has no %s", sound_name(sound));
}

}  // namespace limber::tray
