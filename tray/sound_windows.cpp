// Sounds on Windows: the user's own system sounds (Control Panel > Sound > Sounds), by their
// event names, played asynchronously. An event the user set to "(None)" stays silent: there
// is no fallback beep (SND_NODEFAULT).
#include "sound.hpp"

#include <wx/log.h>

#include <windows.h>
#include <mmsystem.h>

namespace limber::tray {

const char* sound_name(Sound sound)
{
    switch (sound) {
    case Sound::BreakDue: return "Notification.Default";
    case Sound::Hold: return "SystemAsterisk";
    case Sound::Release: return "Notification.Reminder";
    case Sound::NextExercise: return "Notification.IM";
    case Sound::Done: return "SystemNotification";
    }
    return "Notification.Default";
}

SoundPlayer::~SoundPlayer() { PlaySoundW(nullptr, nullptr, 0); }

void SoundPlayer::play(Sound sound)
{
    if (unavailable_) return;
    const char* name = sound_name(sound);
    const std::wstring alias(name, name + std::char_traits<char>::length(name));  // ASCII
    if (!PlaySoundW(alias.c_str(), nullptr, SND_ALIAS | SND_ASYNC | SND_NODEFAULT | SND_NOWAIT))
        wxLogDebug("Windows did not play %s (no sound device, or the sound is set to none)", name);
}

}  // namespace limber::tray
