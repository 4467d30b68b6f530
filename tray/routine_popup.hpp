// The compact window that runs a routine step by step: illustration, instructions, the hold
// countdown, reps and sides, progress, and "done / skip / stop, this hurts".
#pragma once

#include "limber/catalog.hpp"
#include "limber/cues.hpp"
#include "limber/illustration.hpp"
#include "limber/routine_player.hpp"
#include "limber/store.hpp"
#include "sound.hpp"

#include <wx/bmpbndl.h>
#include <wx/frame.h>
#include <wx/timer.h>

#include <functional>
#include <optional>

class wxButton;
class wxGauge;
class wxPanel;
class wxStaticBitmap;
class wxStaticText;

namespace limber::tray {

class RoutinePopup final : public wxFrame {
public:
    struct Callbacks {
        // An exercise was done (or stopped for pain): reps, hold and the user's rating.
        std::function<void(const std::string& exercise, int reps, int hold_seconds, std::optional<Rating> rating)> step;
        // The routine ended: completed, or stopped early and why.
        std::function<void(bool completed, const std::string& why)> finish;
        // The user closed the routine without doing it: the break is skipped.
        std::function<void()> skip;
        // A moment of the routine's cue timeline has come: a sound, a spoken line.
        std::function<void(const limber::Cue&)> cue;
        // Whether to offer spoken guidance (once), and what to do when the user takes it.
        std::function<bool()> offer_voice;
        std::function<void()> enable_voice;
        // Asks for a line for the result panel once the routine is done ("Streak: 3 days"):
        // given to `deliver` when it comes (the panel shows without it meanwhile), or never.
        std::function<void(std::function<void(const std::string&)> deliver)> result_line;
    };

    RoutinePopup(const Catalog& catalog, const std::string& routine_name,
                 std::vector<std::pair<std::string, DoseStep>> plan, const std::filesystem::path& illustrations,
                 Callbacks callbacks);

    // The routine ended elsewhere (limberctl, another window): close without reporting.
    void ended_elsewhere();
    // Whether this window has told limberd the routine ended.
    [[nodiscard]] bool reported_end() const { return reported_end_; }

    // For tests and screenshots: jump the countdown forward.
    void advance_seconds(int seconds);

private:
    using Mode = RoutinePlayer::Mode;
    // The steady clock, read once for each tick, click or key, as the player's time.
    static MonoTime now();
    // Acts on what the player did, in its order: the record, the cues, the countdown, the
    // feedback or the next exercise, the end. Leaves the timer to the caller.
    void play(const RoutinePlayer::Events& events, MonoTime now);
    // Aims the timer at the player's next wake, or stops it.
    void rearm(MonoTime now);
    void show_exercise();
    void show_step();
    void load_poses(const std::filesystem::path& file);
    void show_pose(Pose pose);
    void tick(wxTimerEvent&);
    void on_done();
    void on_skip();
    void on_pause();
    void on_key(wxKeyEvent& event);
    void paint_ring(wxPaintEvent& event);
    void on_hurt();
    void on_rate(std::optional<Rating> rating);
    void set_mode(Mode mode);
    void fit();
    void finish(const RoutinePlayer::Ending& ending, MonoTime now);
    void emit(const limber::Cue& c, MonoTime now);
    void on_close(wxCloseEvent& event);
    // Asks, then ends the routine as a skipped break; false when the user keeps going.
    bool confirm_skip();
    [[nodiscard]] const Exercise& exercise() const;

    const Catalog& catalog_;
    // The routine's steps, countdown, cues and modes; this window shows it and drives it.
    RoutinePlayer player_;
    std::filesystem::path illustrations_;
    Callbacks callbacks_;
    bool reported_end_ = false;
    bool painted_ = false;  // the first paint is logged (with --verbose) for the benchmark
    wxTimer timer_;  // aimed at the player's next wake
    wxBitmapBundle start_pose_;  // this exercise's two pictures, alternating with its steps
    wxBitmapBundle end_pose_;
    std::optional<Pose> shown_pose_;

    wxStaticText* title_ = nullptr;
    wxStaticText* counter_ = nullptr;
    wxGauge* progress_ = nullptr;
    wxStaticBitmap* picture_ = nullptr;
    wxStaticText* name_ = nullptr;
    wxStaticText* purpose_ = nullptr;
    wxStaticText* how_ = nullptr;
    wxStaticText* cue_ = nullptr;
    wxPanel* ring_ = nullptr;
    wxButton* pause_ = nullptr;
    wxButton* next_ = nullptr;
    wxButton* easy_ = nullptr;
    wxButton* close_hurt_ = nullptr;
    wxButton* close_done_ = nullptr;
    wxStaticText* rep_ = nullptr;
    wxPanel* running_ = nullptr;
    wxPanel* feedback_ = nullptr;
    wxPanel* hurt_ = nullptr;
    wxPanel* finished_ = nullptr;
    wxStaticText* finished_text_ = nullptr;
};

}  // namespace limber::tray
