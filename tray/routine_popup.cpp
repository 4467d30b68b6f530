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
const wxColour& warm = style::warm_text;

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
      catalog_(catalog), plan_(std::move(plan)), steps_(routine_steps(catalog, plan_)), illustrations_(illustrations),
      callbacks_(std::move(callbacks)), total_(total_length(steps_)), timer_(this), cues_(cue_timeline(catalog, steps_))
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
    progress_ = new wxGauge(root, wxID_ANY, std::max<int>(1, static_cast<int>(total_.count())), wxDefaultPosition, wxSize(-1, 6));
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
    hurt->SetForegroundColour(warm);
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
    hs->Add(text(hurt_, _("Stopped. That's the right call."), warm, 1.05, true), 0, wxBOTTOM, 6);
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

    set_mode(Mode::Running);
    show_exercise();
    start_clock();
}

const Exercise& RoutinePopup::exercise() const { return *catalog_.find_exercise(plan_[exercise_].first); }

void RoutinePopup::show_exercise()
{
    if (exercise_ >= plan_.size()) {
        finish(done_count_ > 0, done_count_ > 0 ? "" : "all skipped");
        return;
    }
    const Exercise& e = exercise();
    load_poses(illustrations_ / (e.id + ".svg"));
    name_->SetLabel(u8(e.name));
    purpose_->SetLabel(u8(e.purpose));
    purpose_->Wrap(330);
    how_->SetLabel(instructions(e));
    how_->Wrap(330);
    step_ = 0;
    while (step_ < steps_.size() && static_cast<std::size_t>(steps_[step_].exercise_index) < exercise_) ++step_;
    step_left_ = step_ < steps_.size() ? static_cast<int>(steps_[step_].length.count()) : 0;
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
    if (exercise_ < plan_.size())
        set_accessible_name(picture_, wxString::Format(pose == Pose::Start ? _("%s: the start position") : _("%s: the end position"),
                                                       u8(exercise().name)));
}

void RoutinePopup::show_step()
{
    progress_->SetValue(std::min<int>(progress_->GetRange(), static_cast<int>(elapsed_.count())));
    // "2 of 3 · 4:10 left": where in the routine, and how much of it remains.
    const long long left = std::max<long long>(0, (total_ - elapsed_).count());
    counter_->SetLabel(wxString::Format(_("%zu of %zu · %lld:%02lld left"), std::min(exercise_ + 1, plan_.size()), plan_.size(),
                                        left / 60, left % 60));
    counter_->GetParent()->Layout();
    show_pose(pose_at(steps_, step_, Seconds{step_left_}));
    if (step_ >= steps_.size() || static_cast<std::size_t>(steps_[step_].exercise_index) != exercise_) {
        cue_->SetLabel(_("All reps done"));
        rep_->SetLabel("");
        return;
    }
    const RoutineStep& s = steps_[step_];
    const bool breath = exercise().dose.with_breath;
    wxString cue;
    switch (s.phase) {
    case RoutineStep::Phase::Setup: cue = wxString::Format(_("Get ready  %d"), step_left_); break;
    case RoutineStep::Phase::Move:
        cue = breath ? (step_left_ > static_cast<int>(s.length.count()) / 2 ? _("Breathe in") : _("Breathe out")) : _("Move slowly");
        break;
    case RoutineStep::Phase::Hold: cue = wxString::Format(_("Hold  %d s"), step_left_); break;
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
    for (int i = 0; i < seconds && mode_ == Mode::Running; ++i) second();
    skip_cues();
    anchor_ = std::chrono::steady_clock::now() - elapsed_;
}

void RoutinePopup::tick(wxTimerEvent&) { run_clock(); }

void RoutinePopup::start_clock()
{
    // Routine time resumes where it stood: elapsed_ whole seconds in.
    anchor_ = std::chrono::steady_clock::now() - elapsed_;
    run_clock();
}

void RoutinePopup::stop_clock() { timer_.Stop(); }

void RoutinePopup::run_clock()
{
    using namespace std::chrono;
    if (mode_ != Mode::Running || paused_) return;
    const auto now = duration_cast<milliseconds>(steady_clock::now() - anchor_);
    // The cues of this exercise that are due (the next exercise's wait for the feedback).
    while (next_cue_ < cues_.size() && cues_[next_cue_].at <= now && cues_[next_cue_].kind != limber::Cue::Kind::RoutineEnd &&
           static_cast<std::size_t>(cues_[next_cue_].exercise_index) == exercise_)
        emit(cues_[next_cue_++]);
    while (mode_ == Mode::Running && !paused_ && duration_cast<milliseconds>(elapsed_ + seconds{1}) <= now) second();
    if (mode_ != Mode::Running || paused_) return;
    // Wake for the next whole second or the next cue, whichever comes first.
    milliseconds next = duration_cast<milliseconds>(elapsed_ + seconds{1});
    if (next_cue_ < cues_.size() && static_cast<std::size_t>(cues_[next_cue_].exercise_index) == exercise_)
        next = std::min(next, cues_[next_cue_].at);
    const auto wait = std::max<milliseconds::rep>(1, (next - duration_cast<milliseconds>(steady_clock::now() - anchor_)).count());
    timer_.StartOnce(static_cast<int>(wait));
}

void RoutinePopup::skip_cues()
{
    const auto now = std::chrono::milliseconds(elapsed_);
    while (next_cue_ < cues_.size() && cues_[next_cue_].kind != limber::Cue::Kind::RoutineEnd &&
           (static_cast<std::size_t>(cues_[next_cue_].exercise_index) < exercise_ || cues_[next_cue_].at < now))
        ++next_cue_;
}

void RoutinePopup::emit(const limber::Cue& c)
{
    wxLogVerbose("cue %s at %lld ms, planned %lld ms", to_string(c.kind),
                 static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - anchor_).count()),
                 static_cast<long long>(c.at.count()));
    if (callbacks_.cue) callbacks_.cue(c);
}

void RoutinePopup::second()
{
    if (mode_ != Mode::Running || paused_) return;
    if (step_ >= steps_.size() || static_cast<std::size_t>(steps_[step_].exercise_index) != exercise_) return;
    ++elapsed_;
    if (--step_left_ > 0) {
        show_step();
        return;
    }
    ++step_;
    if (step_ < steps_.size() && static_cast<std::size_t>(steps_[step_].exercise_index) == exercise_) {
        step_left_ = static_cast<int>(steps_[step_].length.count());
        show_step();
    } else {
        on_done();  // the last rep is through: ask how it felt
    }
}

void RoutinePopup::on_done() { set_mode(Mode::Feedback); }

void RoutinePopup::on_pause()
{
    paused_ = !paused_;
    pause_->SetLabel(paused_ ? _("Resume") : _("Pause"));
    if (paused_) stop_clock();
    else start_clock();
    cue_->SetLabel(paused_ ? _("Paused") : cue_->GetLabel());
    if (!paused_) show_step();
}

void RoutinePopup::on_key(wxKeyEvent& event)
{
    switch (event.GetKeyCode()) {
    case WXK_SPACE:
        if (mode_ == Mode::Running) on_pause();
        return;
    case WXK_RETURN:
    case WXK_NUMPAD_ENTER:
        if (mode_ == Mode::Running) on_done();
        else if (mode_ == Mode::Feedback) on_rate(Rating::Ok);
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
    const bool holding = step_ < steps_.size() && steps_[step_].phase == RoutineStep::Phase::Hold &&
                         static_cast<std::size_t>(steps_[step_].exercise_index) == exercise_;
    if (!holding) return;
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    const double size = ring_->GetClientSize().x;
    const double c = size / 2;
    const double r = c - 4;
    const double share = static_cast<double>(step_left_) / static_cast<double>(steps_[step_].length.count());
    gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(wxColour(220, 230, 228), 5)));
    wxGraphicsPath track = gc->CreatePath();
    track.AddCircle(c, c, r);
    gc->StrokePath(track);
    wxGraphicsPath arc = gc->CreatePath();
    arc.AddArc(c, c, r, -M_PI / 2, -M_PI / 2 + 2 * M_PI * share, true);
    gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(teal, 5).Cap(wxCAP_ROUND)));
    gc->StrokePath(arc);
}

void RoutinePopup::on_rate(std::optional<Rating> rating)
{
    const DoseStep dose = plan_[exercise_].second;
    if (callbacks_.step) callbacks_.step(plan_[exercise_].first, dose.reps, dose.hold_seconds, rating);
    ++done_count_;
    next_exercise();
}

void RoutinePopup::on_skip() { next_exercise(); }

void RoutinePopup::next_exercise()
{
    // Time skipped still counts toward the bar, so it reaches the end with the routine.
    bool current = true;
    while (step_ < steps_.size() && static_cast<std::size_t>(steps_[step_].exercise_index) == exercise_) {
        elapsed_ += current ? Seconds{std::max(0, step_left_)} : steps_[step_].length;
        current = false;
        ++step_;
    }
    ++exercise_;
    skip_cues();
    set_mode(Mode::Running);
    show_exercise();
}

void RoutinePopup::on_hurt()
{
    const DoseStep dose = plan_[exercise_].second;
    if (callbacks_.step) callbacks_.step(plan_[exercise_].first, 0, dose.hold_seconds, Rating::Pain);
    set_mode(Mode::Hurt);
    finish(false, "pain");
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
    mode_ = mode;
    running_->Show(mode == Mode::Running);
    feedback_->Show(mode == Mode::Feedback);
    hurt_->Show(mode == Mode::Hurt);
    finished_->Show(mode == Mode::Finished);
    if (mode != Mode::Running) stop_clock();
    else if (!timer_.IsRunning() && !paused_) start_clock();
    fit();
    // Keyboard focus follows the panel on show, so Enter and Tab act on what is visible.
    wxButton* focus = mode == Mode::Running ? next_ : mode == Mode::Feedback ? easy_ : mode == Mode::Hurt ? close_hurt_ : close_done_;
    if (focus) focus->SetFocus();
}

void RoutinePopup::finish(bool completed, const std::string& why)
{
    if (!reported_end_ && callbacks_.finish) callbacks_.finish(completed, why);
    reported_end_ = true;
    if (mode_ == Mode::Hurt) return;
    if (completed && !cues_.empty() && cues_.back().kind == limber::Cue::Kind::RoutineEnd) emit(cues_.back());
    progress_->SetValue(progress_->GetRange());
    wxString result = completed ? _("Well done. Back to it, a little looser.") : _("Stopped. Another time.");
    result += "\n" + wxString::Format(_("Time: %d min %02d s"), static_cast<int>(elapsed_.count() / 60), static_cast<int>(elapsed_.count() % 60));
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
    const bool was_paused = paused_;
    if (!paused_ && mode_ == Mode::Running) on_pause();  // the countdown waits for the answer
    const int answer = message_box(_("Close the routine? This break counts as skipped."), "Limber",
                                    wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this);
    if (answer != wxYES) {
        if (!was_paused && paused_) on_pause();
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
