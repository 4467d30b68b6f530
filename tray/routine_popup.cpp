#include "routine_popup.hpp"

#include <wx/weakref.h>

#include "accessible.hpp"
#include "i18n.hpp"
#include "style.hpp"

#include "limber/illustration.hpp"
#include "message_box.hpp"

#include <wx/bmpbndl.h>
#include <wx/button.h>
#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/msgdlg.h>
#include <wx/display.h>
#include <wx/gauge.h>
#include <wx/log.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>

namespace limber::tray {
namespace {

using style::ink;
using style::muted;
using style::teal;
using style::text;
using style::warm_text;

wxString u8(const std::string& s) { return wxString::FromUTF8(s); }

wxButton* button(wxWindow* parent, const wxString& label, std::function<void()> action)
{
    auto* b = new wxButton(parent, wxID_ANY, label);
    b->Bind(wxEVT_BUTTON, [action = std::move(action)](wxCommandEvent&) { action(); });
    return b;
}

// A short numbered list of the exercise's steps.
wxString instructions(const Exercise& e)
{
    wxString out;
    int n = 1;
    for (const auto& s : e.steps) out += wxString::Format("%d. ", n++) + u8(s) + "\n";
    if (!e.tip.empty()) out += wxString::Format(_("Tip: %s"), u8(e.tip));
    return out;
}

}  // namespace

RoutinePopup::RoutinePopup(const Catalog& catalog, const std::string& routine_name,
                           std::vector<std::pair<std::string, DoseStep>> plan, const std::filesystem::path& illustrations,
                           Callbacks callbacks)
    : wxFrame(nullptr, wxID_ANY, wxString::Format(_("Limber: %s"), u8(routine_name)), wxDefaultPosition, wxSize(360, 460),
              wxCAPTION | wxCLOSE_BOX | wxSTAY_ON_TOP | wxFRAME_TOOL_WINDOW | wxFRAME_NO_TASKBAR),
      catalog_(catalog), player_(catalog, std::move(plan)), illustrations_(illustrations), callbacks_(std::move(callbacks)),
      timer_(this)
{
    SetBackgroundColour(*wxWHITE);
    auto* root = new wxPanel(this);
    root->SetBackgroundColour(*wxWHITE);
    auto* box = new wxBoxSizer(wxVERTICAL);

    auto* head = new wxBoxSizer(wxHORIZONTAL);
    title_ = text(root, u8(routine_name), ink, 1.1, true);
    counter_ = text(root, "", muted, 0.9);
    head->Add(title_, 1, wxALIGN_CENTER_VERTICAL);
    head->Add(counter_, 0, wxALIGN_CENTER_VERTICAL);
    box->Add(head, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 14);
    progress_ = new wxGauge(root, wxID_ANY, std::max<int>(1, static_cast<int>(player_.total().count())), wxDefaultPosition, wxSize(-1, 6));
    box->Add(progress_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 14);
    set_accessible_name(progress_, _("Routine progress"));
    if (callbacks_.offer_voice && callbacks_.offer_voice()) {
        // Offered once: following a routine by ear is the point for exercises away from the desk.
        auto* offer = new wxButton(root, wxID_ANY, _("Guide me by voice"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        offer->Bind(wxEVT_BUTTON, [this, offer](wxCommandEvent&) {
            if (callbacks_.enable_voice) callbacks_.enable_voice();
            offer->Hide();
            fit();
        });
        box->Add(offer, 0, wxALIGN_RIGHT | wxRIGHT | wxTOP, 14);
    }

    picture_ = new wxStaticBitmap(root, wxID_ANY, wxBitmapBundle(), wxDefaultPosition, wxSize(240, 160));
    box->Add(picture_, 0, wxALIGN_CENTER | wxTOP, 8);
    name_ = text(root, "", ink, 1.25, true);
    box->Add(name_, 0, wxLEFT | wxRIGHT, 14);
    purpose_ = text(root, "", muted, 0.9);
    box->Add(purpose_, 0, wxLEFT | wxRIGHT | wxTOP, 14);
    how_ = text(root, "", ink, 0.85);
    box->Add(how_, 0, wxLEFT | wxRIGHT | wxTOP, 14);
    box->AddStretchSpacer();

    // The live area and its buttons; the other panels replace it in place.
    running_ = new wxPanel(root);
    running_->SetBackgroundColour(*wxWHITE);
    auto* run = new wxBoxSizer(wxVERTICAL);
    auto* live = new wxBoxSizer(wxHORIZONTAL);
    ring_ = new wxPanel(running_, wxID_ANY, wxDefaultPosition, wxSize(44, 44));
    ring_->SetBackgroundStyle(wxBG_STYLE_PAINT);
    ring_->Bind(wxEVT_PAINT, &RoutinePopup::paint_ring, this);
    set_accessible_name(ring_, _("Hold countdown"));
    cue_ = text(running_, "", teal, 1.4, true);
    rep_ = text(running_, "", muted);
    live->Add(ring_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    live->Add(cue_, 1, wxALIGN_CENTER_VERTICAL);
    live->Add(rep_, 0, wxALIGN_CENTER_VERTICAL);
    run->Add(live, 0, wxEXPAND | wxBOTTOM, 8);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    next_ = button(running_, _("Next"), [this] { on_done(); });
    next_->SetDefault();
    buttons->Add(next_, 1, wxRIGHT, 6);
    pause_ = button(running_, _("Pause"), [this] { on_pause(); });
    buttons->Add(pause_, 1, wxRIGHT, 6);
    buttons->Add(button(running_, _("Skip exercise"), [this] { on_skip(); }), 1);
    run->Add(buttons, 0, wxEXPAND | wxBOTTOM, 6);
    wxButton* hurt = button(running_, _("Stop — this hurts"), [this] { on_hurt(); });
    hurt->SetForegroundColour(warm_text);
    run->Add(hurt, 0, wxEXPAND);
    running_->SetSizer(run);
    box->Add(running_, 0, wxEXPAND | wxALL, 14);

    feedback_ = new wxPanel(root);
    feedback_->SetBackgroundColour(*wxWHITE);
    auto* fb = new wxBoxSizer(wxVERTICAL);
    fb->Add(text(feedback_, _("How did that feel?"), ink, 1.0, true), 0, wxBOTTOM, 8);
    auto* rates = new wxBoxSizer(wxHORIZONTAL);
    easy_ = button(feedback_, _("Easy"), [this] { on_rate(Rating::Easy); });
    rates->Add(easy_, 1, wxRIGHT, 6);
    rates->Add(button(feedback_, _("Just right"), [this] { on_rate(Rating::Ok); }), 1, wxRIGHT, 6);
    rates->Add(button(feedback_, _("Hard"), [this] { on_rate(Rating::Hard); }), 1);
    fb->Add(rates, 0, wxEXPAND);
    feedback_->SetSizer(fb);
    box->Add(feedback_, 0, wxEXPAND | wxALL, 14);

    hurt_ = new wxPanel(root);
    hurt_->SetBackgroundColour(*wxWHITE);
    auto* hs = new wxBoxSizer(wxVERTICAL);
    hs->Add(text(hurt_, _("Stopped. That's the right call."), warm_text, 1.05, true), 0, wxBOTTOM, 6);
    wxString advice = _("Rest and breathe. A mild stretch is fine; pain is not.\nTalk to a doctor or physiotherapist if you have:") + "\n";
    for (const auto& a : catalog_.safety.ask_first_if) advice += u8("  • " + a + "\n");
    advice += _("Limber leaves this exercise out after repeated pain.");
    auto* advice_text = text(hurt_, advice, ink, 0.85);
    advice_text->Wrap(320);
    hs->Add(advice_text, 0, wxBOTTOM, 8);
    close_hurt_ = button(hurt_, _("Close"), [this] { Close(); });
    hs->Add(close_hurt_, 0, wxALIGN_RIGHT);
    hurt_->SetSizer(hs);
    box->Add(hurt_, 0, wxEXPAND | wxALL, 14);

    finished_ = new wxPanel(root);
    finished_->SetBackgroundColour(*wxWHITE);
    auto* fs = new wxBoxSizer(wxVERTICAL);
    finished_text_ = text(finished_, "", teal, 1.2, true);
    fs->Add(finished_text_, 0, wxBOTTOM, 8);
    close_done_ = button(finished_, _("Close"), [this] { Close(); });
    fs->Add(close_done_, 0, wxALIGN_RIGHT);
    finished_->SetSizer(fs);
    box->Add(finished_, 0, wxEXPAND | wxALL, 14);

    root->SetSizer(box);
    // For bench/compare.py: when the popup first reached the screen, on the steady clock.
    root->Bind(wxEVT_PAINT, [this](wxPaintEvent& event) {
        if (!painted_) {
            painted_ = true;
            wxLogVerbose("popup painted at %lld ms (steady clock)",
                         static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                    std::chrono::steady_clock::now().time_since_epoch())
                                                    .count()));
        }
        event.Skip();
    });
    Bind(wxEVT_TIMER, &RoutinePopup::tick, this);
    Bind(wxEVT_CHAR_HOOK, &RoutinePopup::on_key, this);
    Bind(wxEVT_CLOSE_WINDOW, &RoutinePopup::on_close, this);

    const MonoTime t = now();
    set_mode(Mode::Running);
    const RoutinePlayer::Events events = player_.start(t);
    for (const auto& c : events.cues) emit(c, t);
    if (events.ended) finish(*events.ended, t);
    else show_exercise();
    rearm(t);
}

MonoTime RoutinePopup::now()
{
    return MonoTime{std::chrono::duration_cast<MonoClock::duration>(std::chrono::steady_clock::now().time_since_epoch())};
}

const Exercise& RoutinePopup::exercise() const { return *catalog_.find_exercise(player_.plan()[player_.exercise_index()].first); }

void RoutinePopup::show_exercise()
{
    const Exercise& e = exercise();
    load_poses(illustrations_ / (e.id + ".svg"));
    name_->SetLabel(u8(e.name));
    purpose_->SetLabel(u8(e.purpose));
    purpose_->Wrap(330);
    how_->SetLabel(instructions(e));
    how_->Wrap(330);
    show_step();
    fit();
}

void RoutinePopup::load_poses(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const std::string svg = text.str();
    const wxSize size(240, 160);
    if (!in || svg.empty()) {
        start_pose_ = end_pose_ = wxBitmapBundle();
    } else {
        start_pose_ = wxBitmapBundle::FromSVG(pose_svg(svg, Pose::Start).c_str(), size);
        end_pose_ = wxBitmapBundle::FromSVG(pose_svg(svg, Pose::End).c_str(), size);
    }
    shown_pose_.reset();
}

void RoutinePopup::show_pose(Pose pose)
{
    if (shown_pose_ == pose) return;  // a new bitmap only when the pose changes
    shown_pose_ = pose;
    picture_->SetBitmap(pose == Pose::Start ? start_pose_ : end_pose_);
    if (player_.exercise_index() < player_.plan().size())
        set_accessible_name(picture_, wxString::Format(pose == Pose::Start ? _("%s: the start position") : _("%s: the end position"),
                                                       u8(exercise().name)));
}

void RoutinePopup::show_step()
{
    const Seconds elapsed = player_.elapsed();
    progress_->SetValue(std::min<int>(progress_->GetRange(), static_cast<int>(elapsed.count())));
    // "2 of 3 · 4:10 left": where in the routine, and how much of it remains.
    const long long left = std::max<long long>(0, (player_.total() - elapsed).count());
    const std::size_t exercises = player_.plan().size();
    counter_->SetLabel(wxString::Format(_("%zu of %zu · %lld:%02lld left"), std::min(player_.exercise_index() + 1, exercises), exercises,
                                        left / 60, left % 60));
    counter_->GetParent()->Layout();
    show_pose(player_.pose());
    const RoutineStep* step = player_.step();
    if (!step) {
        cue_->SetLabel(_("All reps done"));
        rep_->SetLabel("");
        return;
    }
    const RoutineStep& s = *step;
    const int step_left = player_.step_left();
    const bool breath = exercise().dose.with_breath;
    wxString cue;
    switch (s.phase) {
    case RoutineStep::Phase::Setup: cue = wxString::Format(_("Get ready  %d"), step_left); break;
    case RoutineStep::Phase::Move:
        cue = breath ? (step_left > static_cast<int>(s.length.count()) / 2 ? _("Breathe in") : _("Breathe out")) : _("Move slowly");
        break;
    case RoutineStep::Phase::Hold: cue = wxString::Format(_("Hold  %d s"), step_left); break;
    case RoutineStep::Phase::Release: cue = _("Release"); break;
    }
    cue_->SetLabel(cue);
    wxString rep = s.rep > 0 ? wxString::Format(_("Rep %d of %d"), s.rep, s.reps) : wxString();
    if (!s.side.empty()) rep += (rep.empty() ? wxString() : u8(" · ")) + (s.side == "left" ? _("left side") : s.side == "right" ? _("right side") : u8(s.side));
    rep_->SetLabel(rep);
    ring_->Refresh();
    running_->Layout();
}

void RoutinePopup::advance_seconds(int seconds)
{
    // The timer keeps its aim: a tick that comes early finds nothing due and aims again.
    const MonoTime t = now();
    play(player_.jump(t, seconds), t);
}

void RoutinePopup::tick(wxTimerEvent&)
{
    const MonoTime t = now();
    play(player_.advance(t), t);
    rearm(t);
}

void RoutinePopup::rearm(MonoTime t)
{
    const std::optional<MonoTime> wake = player_.next_wake();
    if (!wake) {
        timer_.Stop();
        return;
    }
    // Rounded up to the millisecond, so the timer never fires before the wake.
    const auto wait = std::max<std::chrono::milliseconds::rep>(1, std::chrono::ceil<std::chrono::milliseconds>(*wake - t).count());
    timer_.StartOnce(static_cast<int>(wait));
}

void RoutinePopup::play(const RoutinePlayer::Events& events, MonoTime t)
{
    if (events.record && callbacks_.step)
        callbacks_.step(events.record->exercise, events.record->reps, events.record->hold_seconds, events.record->rating);
    for (const auto& c : events.cues) emit(c, t);
    // The countdown is shown while it runs; an exercise just through keeps its last picture.
    if (events.ticked && player_.mode() == Mode::Running && !events.next_exercise) show_step();
    if (events.feedback) set_mode(Mode::Feedback);
    if (events.next_exercise) set_mode(Mode::Running);
    if (events.ended) finish(*events.ended, t);
    else if (events.next_exercise) show_exercise();
}

void RoutinePopup::emit(const limber::Cue& c, MonoTime t)
{
    wxLogVerbose("cue %s at %lld ms, planned %lld ms", to_string(c.kind), static_cast<long long>(player_.routine_time(t).count()),
                 static_cast<long long>(c.at.count()));
    if (callbacks_.cue) callbacks_.cue(c);
}

void RoutinePopup::on_done()
{
    play(player_.done(), now());
}

void RoutinePopup::on_pause()
{
    const MonoTime t = now();
    if (player_.paused()) {
        const RoutinePlayer::Events events = player_.resume(t);
        pause_->SetLabel(_("Pause"));
        play(events, t);
        show_step();
    } else {
        player_.pause();
        pause_->SetLabel(_("Resume"));
        cue_->SetLabel(_("Paused"));
    }
    rearm(t);
}

void RoutinePopup::on_key(wxKeyEvent& event)
{
    switch (event.GetKeyCode()) {
    case WXK_SPACE:
        if (player_.mode() == Mode::Running) on_pause();
        return;
    case WXK_RETURN:
    case WXK_NUMPAD_ENTER:
        if (player_.mode() == Mode::Running) on_done();
        else if (player_.mode() == Mode::Feedback) on_rate(Rating::Ok);
        else Close();
        return;
    case WXK_ESCAPE:
        if (reported_end_ || confirm_skip()) Close();
        return;
    default: event.Skip();
    }
}

void RoutinePopup::paint_ring(wxPaintEvent&)
{
    wxAutoBufferedPaintDC dc(ring_);
    dc.SetBackground(wxBrush(ring_->GetParent()->GetBackgroundColour()));
    dc.Clear();
    const RoutineStep* step = player_.step();
    if (!step || step->phase != RoutineStep::Phase::Hold) return;
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    const double size = ring_->GetClientSize().x;
    const double c = size / 2;
    const double r = c - 4;
    const double share = static_cast<double>(player_.step_left()) / static_cast<double>(step->length.count());
    gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(wxColour(220, 230, 228), 5)));
    wxGraphicsPath track = gc->CreatePath();
    track.AddCircle(c, c, r);
    gc->StrokePath(track);
    wxGraphicsPath arc = gc->CreatePath();
    arc.MoveToPoint(c, c - r);  // the arc's start: GDI+ (Windows) draws a line from (0,0) to it otherwise
    arc.AddArc(c, c, r, -M_PI / 2, -M_PI / 2 + 2 * M_PI * share, true);
    gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(teal, 5).Cap(wxCAP_ROUND)));
    gc->StrokePath(arc);
}

void RoutinePopup::on_rate(std::optional<Rating> rating)
{
    const MonoTime t = now();
    play(player_.rate(t, rating), t);
    rearm(t);
}

void RoutinePopup::on_skip()
{
    const MonoTime t = now();
    play(player_.skip(t), t);
    rearm(t);
}

void RoutinePopup::on_hurt()
{
    const MonoTime t = now();
    const RoutinePlayer::Events events = player_.hurt();
    if (events.record && callbacks_.step)
        callbacks_.step(events.record->exercise, events.record->reps, events.record->hold_seconds, events.record->rating);
    if (!events.ended) return;
    set_mode(Mode::Hurt);
    finish(*events.ended, t);
}

void RoutinePopup::fit()
{
    // As tall as this exercise's text needs, never under the compact 460; anchored
    // bottom-right of the primary display, clear of a bottom panel.
    wxWindow* root = GetChildren().front();
    root->Layout();
    SetClientSize(360, std::max(460, root->GetBestSize().y));
    const wxRect area = wxDisplay(0u).GetClientArea();
    SetPosition(wxPoint(area.GetRight() - GetSize().x - 16, area.GetBottom() - GetSize().y - 16));
    root->Layout();
}

void RoutinePopup::set_mode(Mode mode)
{
    running_->Show(mode == Mode::Running);
    feedback_->Show(mode == Mode::Feedback);
    hurt_->Show(mode == Mode::Hurt);
    finished_->Show(mode == Mode::Finished);
    if (mode != Mode::Running) timer_.Stop();  // running, the caller aims it
    fit();
    // Keyboard focus follows the panel on show, so Enter and Tab act on what is visible.
    wxButton* focus = mode == Mode::Running ? next_ : mode == Mode::Feedback ? easy_ : mode == Mode::Hurt ? close_hurt_ : close_done_;
    if (focus) focus->SetFocus();
}

void RoutinePopup::finish(const RoutinePlayer::Ending& ending, MonoTime t)
{
    if (!reported_end_ && callbacks_.finish) callbacks_.finish(ending.completed, ending.why);
    reported_end_ = true;
    if (player_.mode() == Mode::Hurt) return;
    if (ending.cue) emit(*ending.cue, t);
    progress_->SetValue(progress_->GetRange());
    const Seconds elapsed = player_.elapsed();
    wxString result = ending.completed ? _("Well done. Back to it, a little looser.") : _("Stopped. Another time.");
    result += "\n" + wxString::Format(_("Time: %d min %02d s"), static_cast<int>(elapsed.count() / 60), static_cast<int>(elapsed.count() % 60));
    finished_text_->SetLabel(result);
    cue_->SetLabel("");
    set_mode(Mode::Finished);
    if (callbacks_.result_line)
        callbacks_.result_line([self = wxWeakRef<RoutinePopup>(this), result](const std::string& line) {
            if (!self || line.empty()) return;
            self->finished_text_->SetLabel(result + "\n" + u8(line));
            self->fit();
        });
}

void RoutinePopup::ended_elsewhere()
{
    reported_end_ = true;
    Destroy();
}

bool RoutinePopup::confirm_skip()
{
    const bool was_paused = player_.paused();
    if (!was_paused && player_.mode() == Mode::Running) on_pause();  // the countdown waits for the answer
    const int answer = message_box(_("Close the routine? This break counts as skipped."), "Limber",
                                    wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this);
    if (answer != wxYES) {
        if (!was_paused && player_.paused()) on_pause();
        return false;
    }
    if (!reported_end_ && callbacks_.skip) callbacks_.skip();
    reported_end_ = true;
    return true;
}

void RoutinePopup::on_close(wxCloseEvent& event)
{
    // The title bar's close button is Esc: ask first, unless the routine is over.
    if (!reported_end_ && event.CanVeto() && !confirm_skip()) {
        event.Veto();
        return;
    }
    if (!reported_end_ && callbacks_.skip) callbacks_.skip();
    reported_end_ = true;
    timer_.Stop();
    event.Skip();
}

}  // namespace limber::tray
