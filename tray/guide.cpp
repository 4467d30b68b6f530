#include "guide.hpp"

#include "i18n.hpp"

namespace limber::tray {

void Guide::cue(const Cue& cue, bool sounds, bool voice)
{
    using K = Cue::Kind;
    if (sounds) {
        switch (cue.kind) {
        case K::HoldStart: sounds_.play(Sound::Hold); break;
        case K::Release: sounds_.play(Sound::Release); break;
        case K::ExerciseStart:
            if (cue.exercise_index > 0) sounds_.play(Sound::NextExercise);
            break;
        case K::RoutineEnd: sounds_.play(Sound::Done); break;
        default: break;
        }
    }
    if (!voice) return;
    // Speech in the language the tray's words are in, where a catalog was found; else English.
    wxString language = wxTranslations::Get() ? wxTranslations::Get()->GetBestTranslation("limber", wxLANGUAGE_ENGLISH_US) : "en";
    if (language.empty()) language = "en";
    voice_.say(spoken(cue).utf8_string(), language.Left(2).ToStdString());
}

wxString Guide::spoken(const Cue& cue) const
{
    using K = Cue::Kind;
    const Exercise* e = catalog_.find_exercise(cue.exercise);
    switch (cue.kind) {
    case K::ExerciseStart:
        if (!e) return {};
        return wxString::FromUTF8(e->name) + ". " + wxString::FromUTF8(e->say.empty() ? e->steps.front() : e->say);
    case K::Position: return _("Get into position.");
    case K::SwitchSides: return _("Switch sides.");
    case K::Rep: {
        wxString words = wxString::Format(_("Rep %d of %d."), cue.rep, cue.reps);
        if (cue.rep == 1 && cue.side == "left") words = _("Left side.") + " " + words;
        if (cue.rep == 1 && cue.side == "right") words = _("Right side.") + " " + words;
        return words;
    }
    case K::BreatheIn: return _("Breathe in.");
    case K::BreatheOut: return _("Breathe out.");
    case K::HoldStart: return _("Hold.");
    case K::Countdown: return cue.count == 3 ? _("Three.") : cue.count == 2 ? _("Two.") : _("One.");
    case K::Release: return _("Relax.");
    case K::ExerciseEnd: return _("Done. How did that feel?");
    case K::RoutineEnd: return _("Well done. That is the routine.");
    }
    return {};
}

}  // namespace limber::tray
