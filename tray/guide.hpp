// What a person hears from Limber: a sound when a break is due, and, through a routine, the
// sound and the words of each moment of its cue timeline. Whether to play them is limberd's
// word (the status's `sounds` and `voice`); this turns a moment into sound and speech.
#pragma once

#include "limber/catalog.hpp"
#include "limber/cues.hpp"
#include "sound.hpp"
#include "voice.hpp"

#include <wx/string.h>

namespace limber::tray {

class Guide {
public:
    explicit Guide(const Catalog& catalog) : catalog_(catalog) {}

    void sound(Sound sound) { sounds_.play(sound); }
    // A moment of a routine: its sound when `sounds`, its words when `voice`.
    void cue(const Cue& cue, bool sounds, bool voice);
    // Stops speaking (the routine was closed).
    void hush() { voice_.hush(); }

    // The words for a moment, in the tray's language: "Rep 2 of 10.", "Hold.", "Three."
    [[nodiscard]] wxString spoken(const Cue& cue) const;

private:
    const Catalog& catalog_;
    SoundPlayer sounds_;
    Voice voice_;
};

}  // namespace limber::tray
