#include "home_window.hpp"

#include "app.hpp"
#include "i18n.hpp"
#include "style.hpp"
#include "tray_icon.hpp"

#include "client/time_text.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/menu.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>

namespace limber::tray {
namespace {

wxString utf8(const std::string& s) { return wxString::FromUTF8(s); }

// "23 min", "1 h 5 min": as the tooltip writes times.
wxString hours_minutes(Seconds s) { return utf8(minutes_text(s.count())); }

}  // namespace

HomeWindow::HomeWindow(TrayApp& app)
    : wxFrame(nullptr, wxID_ANY, "Limber", wxDefaultPosition, wxDefaultSize,
              wxDEFAULT_FRAME_STYLE & ~(wxRESIZE_BORDER | wxMAXIMIZE_BOX)),
      app_(app)
{
    auto* panel = new wxPanel(this);
    panel->SetBackgroundColour(*wxWHITE);
    auto* box = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(6);

    state_ = style::text(panel, "", style::ink, 1.5, true);
    detail_ = style::text(panel, "", style::muted);
    today_ = style::text(panel, "", style::muted);
    box->AddSpacer(3 * gap);
    box->Add(state_, 0, wxLEFT | wxRIGHT, 3 * gap);
    box->AddSpacer(gap / 2);
    box->Add(detail_, 0, wxLEFT | wxRIGHT, 3 * gap);
    box->AddSpacer(gap / 2);
    box->Add(today_, 0, wxLEFT | wxRIGHT, 3 * gap);
    box->Add(new wxStaticLine(panel), 0, wxEXPAND | wxALL, 2 * gap);

    next_ = style::text(panel, "", style::ink);
    box->Add(next_, 0, wxLEFT | wxRIGHT, 3 * gap);
    start_ = new wxButton(panel, wxID_ANY, _("Start"));
    wxFont big = start_->GetFont();
    big.SetFractionalPointSize(big.GetFractionalPointSize() * 1.25);
    big.MakeBold();
    start_->SetFont(big);
    start_->SetMinSize(wxSize(-1, FromDIP(44)));
    start_->SetDefault();
    box->Add(start_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 3 * gap);

    // The other routines and each exercise alone.
    auto* other_row = new wxBoxSizer(wxHORIZONTAL);
    other_ = new wxChoice(panel, wxID_ANY);
    other_->SetName(_("Another routine"));
    for (const Routine& r : app_.catalog().routines) {
        other_->Append(utf8(r.name));
        other_ids_.push_back(r.id);
    }
    for (const Exercise& e : app_.catalog().exercises) {
        other_->Append(wxString::Format(_("%s only"), utf8(e.name)));
        other_ids_.push_back("single:" + e.id);
    }
    if (!other_ids_.empty()) other_->SetSelection(0);
    start_other_ = new wxButton(panel, wxID_ANY, _("Start &this"));
    other_row->Add(other_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    other_row->Add(start_other_, 0, wxALIGN_CENTER_VERTICAL);
    box->Add(other_row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 3 * gap);
    box->Add(new wxStaticLine(panel), 0, wxEXPAND | wxALL, 2 * gap);

    // What can be done about the schedule: the menu's Snooze, Skip, Pause and Resume.
    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    // Each with its own mnemonic (Alt and the underlined letter), as the menu's items have.
    snooze_ = new wxButton(panel, wxID_ANY, _("S&nooze"));
    skip_ = new wxButton(panel, wxID_ANY, _("S&kip next break"));
    pause_ = new wxButton(panel, wxID_ANY, _("&Pause") + wxString::FromUTF8(" ▸"));
    resume_ = new wxButton(panel, wxID_ANY, _("&Resume"));
    for (wxButton* b : {snooze_, skip_, pause_, resume_}) actions->Add(b, 1, b == snooze_ ? 0 : wxLEFT, gap);
    box->Add(actions, 0, wxEXPAND | wxLEFT | wxRIGHT, 3 * gap);

    auto* links = new wxBoxSizer(wxHORIZONTAL);
    summary_ = new wxButton(panel, wxID_ANY, _("&Weekly summary…"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    auto* settings = new wxButton(panel, wxID_ANY, _("S&ettings…"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    links->Add(summary_, 0, wxRIGHT, gap);
    links->Add(settings, 0);
    box->Add(links, 0, wxLEFT | wxRIGHT | wxTOP, 3 * gap);

    note_ = style::text(panel, _("Limber keeps running and reminds you when a break is due. To open this window "
                                 "again, start Limber from the application menu."),
                        style::warm_text);
    note_->Hide();
    box->Add(note_, 0, wxLEFT | wxRIGHT | wxTOP, 3 * gap);
    box->AddSpacer(3 * gap);
    panel->SetSizer(box);

    start_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (app_.offers().start_daemon) return app_.start_daemon();
        app_.start_routine(app_.view().next_routine.empty() ? "quick-daily-reset" : app_.view().next_routine);
    });
    start_other_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { start_other(); });
    snooze_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { app_.snooze(); });
    skip_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { app_.skip(); });
    resume_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { app_.resume(); });
    pause_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        std::unique_ptr<wxMenu> menu(pause_menu(app_));
        pause_->PopupMenu(menu.get(), 0, pause_->GetSize().y);
    });
    summary_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { app_.show_summary(); });
    settings->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { app_.show_settings(); });
    Bind(wxEVT_CLOSE_WINDOW, &HomeWindow::on_close, this);
    minute_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (IsShown()) app_.request_status();
    });
    minute_.Start(60 * 1000);

    // Wide enough for the longest state line, so the window does not grow as the state changes.
    panel->SetMinSize(wxSize(FromDIP(420), -1));
    wrap_ = FromDIP(420) - 6 * gap;
    note_->Wrap(wrap_);
    auto* frame_box = new wxBoxSizer(wxVERTICAL);
    frame_box->Add(panel, 1, wxEXPAND);
    SetSizer(frame_box);
    refresh();
    Fit();
}

void HomeWindow::refresh()
{
    const StatusView& v = app_.view();
    const Offers o = app_.offers();
    const auto& status = app_.status();
    state_->SetLabel(utf8(v.tooltip));
    state_->Wrap(wrap_);  // "Your break waits while you are on a call" takes two lines
    state_->SetForegroundColour(v.look == StatusView::Look::Due ? style::warm_text
                                : v.look == StatusView::Look::NotRunning ? style::grey
                                                                          : style::ink);
    wxString detail;
    if (o.start_daemon) detail = _("Breaks are not counted while Limber is not running.");
    else if (status && (v.look == StatusView::Look::Counting || v.look == StatusView::Look::Due))
        detail = wxString::Format(_("Sitting for %s"), hours_minutes(status->schedule.earned));
    else if (v.config_error) detail = _("Your settings have a problem: limberd uses the last good ones.");
    detail_->SetLabel(detail);
    detail_->Wrap(wrap_);
    if (o.start_daemon) today_->SetLabel("");

    const std::string next = v.next_routine.empty() ? "quick-daily-reset" : v.next_routine;
    if (o.start_daemon) {
        next_->SetLabel(_("Start it, and your breaks are counted and offered again."));
        start_->SetLabel(_("&Start Limber"));
        start_->Enable(true);
    } else if (v.in_break) {
        next_->SetLabel(wxString::Format(_("Doing %s"), utf8(routine_name(app_.catalog(), v.in_break_routine))));
        start_->SetLabel(_("Taking a break"));
        start_->Enable(false);
    } else {
        next_->SetLabel(wxString::Format(_("Next: %s, about %s"), utf8(routine_name(app_.catalog(), next)),
                                         utf8(routine_length(app_.catalog(), next))));
        start_->SetLabel(wxString::Format(_("&Start %s"), utf8(routine_name(app_.catalog(), next))));
        start_->Enable(o.start);
    }
    other_->Enable(o.start);
    start_other_->Enable(o.start && other_->GetSelection() != wxNOT_FOUND);
    snooze_->Enable(o.snooze);
    skip_->SetLabel(o.skip_due ? _("S&kip this break") : _("S&kip next break"));
    skip_->Enable(o.skip);
    pause_->Show(!o.resume);
    pause_->Enable(o.pause);
    resume_->Show(o.resume);
    summary_->Enable(o.summary);
    if (GetSizer()) {
        Layout();
        Fit();
    }
}

void HomeWindow::set_today(const TodayLine& today)
{
    const wxString breaks = today.due > 0 ? wxString::Format(wxPLURAL("Today: %d of %d break taken", "Today: %d of %d breaks taken", today.due),
                                                             today.taken, today.due)
                                          : wxString(_("Today: no break was due yet"));
    today_->SetLabel(breaks + wxString::FromUTF8(" · ") + wxString::Format(_("%s at the computer"), hours_minutes(today.active)));
    Layout();
    Fit();
}

void HomeWindow::set_without_tray(bool without_tray, bool told_before)
{
    without_tray_ = without_tray;
    told_ = told_before;
}

void HomeWindow::start_other()
{
    const int i = other_->GetSelection();
    if (i == wxNOT_FOUND || static_cast<std::size_t>(i) >= other_ids_.size()) return;
    app_.start_routine(other_ids_[static_cast<std::size_t>(i)]);
}

void HomeWindow::on_close(wxCloseEvent& event)
{
    // Closing never stops Limber. Without a tray, the first close says how to come back.
    if (event.CanVeto() && without_tray_ && !told_) {
        told_ = true;
        telling_ = true;
        note_->Show();
        Layout();
        Fit();
        if (on_told) on_told();
        event.Veto();
        return;
    }
    Destroy();
}

}  // namespace limber::tray
