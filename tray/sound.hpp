// Soft event sounds from the desktop's sound theme, through libcanberra (the freedesktop
// sound-theme standard, played by PulseAudio or PipeWire). No sound server or no theme is a
// quiet fallback to silence, logged once: never an error in the user's way.
#pragma once

struct ca_context;

namespace limber::tray {

enum class Cue { BreakDue, Hold, Release, NextExercise, Done };

// The sound theme's name for a cue ("complete", "bell", ...).
const char* sound_name(Cue cue);

class Sounds {
public:
    Sounds() = default;
    ~Sounds();
    Sounds(const Sounds&) = delete;
    Sounds& operator=(const Sounds&) = delete;

    // Starts the cue and returns at once; the sound plays in the background.
    void play(Cue cue);

private:
    ca_context* context_ = nullptr;
    bool unavailable_ = false;  // opening failed once: stay silent, and say so only once
};

}  // namespace limber::tray
