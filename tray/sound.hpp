// Soft event sounds from the desktop's sound theme, through libcanberra (the freedesktop
// sound-theme standard, played by PulseAudio or PipeWire). No sound server or no theme is a
// quiet fallback to silence, logged once: never an error in the user's way.
#pragma once

struct ca_context;

namespace limber::tray {

enum class Sound { BreakDue, Hold, Release, NextExercise, Done };

// The sound theme's name for a sound ("complete", "bell", ...).
const char* sound_name(Sound sound);

class SoundPlayer {
public:
    SoundPlayer() = default;
    ~SoundPlayer();
    SoundPlayer(const SoundPlayer&) = delete;
    SoundPlayer& operator=(const SoundPlayer&) = delete;

    // Starts the sound and returns at once; it plays in the background.
    void play(Sound sound);

private:
    ca_context* context_ = nullptr;
    bool unavailable_ = false;  // opening failed once: stay silent, and say so only once
};

}  // namespace limber::tray
