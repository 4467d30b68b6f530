#include "summary_window.hpp"

#include "accessible.hpp"
#include "i18n.hpp"
#include "style.hpp"

#include "limber/calendar.hpp"
#include "message_box.hpp"

#include <wx/button.h>
#include <wx/log.h>
#include <wx/dcbuffer.h>
#include <wx/filedlg.h>
#include <wx/graphics.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>

#include <algorithm>
#include <cmath>
#include <fstream>

namespace limber::tray {
namespace {

using style::ink;
using style::muted;
using style::teal;
using style::warm;
const wxColour& track = style::chart_track;

wxString signed_int(long long n) { return n > 0 ? wxString::Format("+%lld", n) : wxString::Format("%lld", n); }

wxString hours(long long seconds)
{
    if (seconds < 60) return _("0m");
    const long long m = seconds / 60;
    return m >= 60 ? wxString::Format(_("%lldh%02lld"), m / 60, m % 60) : wxString::Format(_("%lldm"), m);
}

wxStaticText* label(wxWindow* parent, const wxColour& colour, float scale = 1.0f, bool bold = false)
{
    return style::text(parent, "", colour, scale, bold);
}

}  // namespace

SummaryWindow::SummaryWindow(Fetch fetch, std::function<std::string(const std::string&)> routine_name, Export exporter)
    : wxFrame(nullptr, wxID_ANY, _("Limber: weekly summary"), wxDefaultPosition, wxSize(520, 640)),
      fetch_(std::move(fetch)), export_(std::move(exporter)), routine_name_(std::move(routine_name))
{
    auto* root = new wxPanel(this);
    root->SetBackgroundColour(*wxWHITE);
    auto* box = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    auto* prev = new wxButton(root, wxID_ANY, wxString::FromUTF8("‹"), wxDefaultPosition, wxSize(36, -1));
    auto* next = new wxButton(root, wxID_ANY, wxString::FromUTF8("›"), wxDefaultPosition, wxSize(36, -1));
    title_ = label(root, ink, 1.2f, true);
    set_accessible_name(prev, _("Previous week"));
    set_accessible_name(next, _("Next week"));
    head->Add(prev, 0, wxRIGHT, 8);
    head->Add(title_, 1, wxALIGN_CENTER_VERTICAL);
    head->Add(next, 0);
    prev->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (data_) show_week(data_->summary.previous.week.to_string());
    });
    next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const auto w = parse_iso_week(week_)) show_week(iso_week_of(w->monday() + 7).to_string());
    });
    box->Add(head, 0, wxEXPAND | wxALL, 16);
    headline_ = label(root, teal, 1.6f, true);
    box->Add(headline_, 0, wxLEFT | wxRIGHT, 16);
    changes_ = label(root, muted);
    box->Add(changes_, 0, wxLEFT | wxRIGHT | wxTOP, 16);
    chart_ = new wxPanel(root, wxID_ANY, wxDefaultPosition, wxSize(-1, 190));
    chart_->SetBackgroundStyle(wxBG_STYLE_PAINT);
    chart_->Bind(wxEVT_PAINT, &SummaryWindow::paint_chart, this);
    set_accessible_name(chart_, _("Active time and breaks per day"));
    box->Add(chart_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 16);
    auto* legend = label(root, muted, 0.85f);
    legend->SetLabel(_("Bars: active time · line: longest sitting · 2/3: breaks taken of due"));
    box->Add(legend, 0, wxLEFT | wxRIGHT | wxTOP | wxBOTTOM, 16);
    figures_ = label(root, ink);
    box->Add(figures_, 0, wxLEFT | wxRIGHT, 16);
    footer_ = label(root, muted, 0.95f);
    box->Add(footer_, 0, wxALL, 16);
    box->AddStretchSpacer();
    auto* exports = new wxBoxSizer(wxHORIZONTAL);
    auto* csv = new wxButton(root, wxID_ANY, _("Export &CSV…"));
    auto* json = new wxButton(root, wxID_ANY, _("Export &JSON…"));
    csv->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_week(true); });
    json->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_week(false); });
    csv->Enable(static_cast<bool>(export_));
    json->Enable(static_cast<bool>(export_));
    exports->AddStretchSpacer();
    exports->Add(csv, 0, wxRIGHT, 8);
    exports->Add(json, 0);
    box->Add(exports, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 16);
    root->SetSizer(box);
}

void SummaryWindow::show_week(const std::string& week) { fetch_(week, *this); }

void SummaryWindow::show_error(const std::string& message)
{
    title_->SetLabel(_("Summary unavailable"));
    headline_->SetLabel("");
    changes_->SetLabel(wxString::FromUTF8(message));
}

void SummaryWindow::show_report(protocol::SummaryReport report)
{
    data_ = std::move(report);
    const WeekFigures& w = data_->summary.week;
    const WeekFigures& p = data_->summary.previous;
    week_ = w.week.to_string();
    title_->SetLabel(wxString::Format(_("Week %s"), week_));
    if (w.compliance)
        headline_->SetLabel(wxString::Format(_("%d%% of breaks taken  (%d of %d)"), static_cast<int>(std::lround(*w.compliance * 100)),
                                             w.taken, w.due));
    else
        headline_->SetLabel(_("No breaks were due this week"));
    // The week's span and totals, then each against last week: "+1h05", "-12m".
    const auto signed_hours = [](long long seconds) { return (seconds < 0 ? "-" : "+") + hours(seconds < 0 ? -seconds : seconds); };
    wxString change = wxString::Format(_("%s to %s: active %s, longest sitting %s"), format_local_day(w.week.monday()),
                                       format_local_day(w.week.sunday()), hours(w.active.count()), hours(w.longest_stretch.count()));
    wxString against = wxString::Format(_("active %s, longest sitting %s"), signed_hours((w.active - p.active).count()),
                                        signed_hours((w.longest_stretch - p.longest_stretch).count()));
    if (w.compliance && p.compliance)
        against = wxString::Format(_("%s points, "), signed_int(std::lround((*w.compliance - *p.compliance) * 100))) + against;
    change += "\n" + wxString::Format(_("Against last week: %s"), against);
    changes_->SetLabel(change);
    wxString figures;
    auto row = [&](const wxString& name, int WeekFigures::*count) {
        figures += wxString::Format("%-14s %3d   (%s)\n", name, w.*count, signed_int(w.*count - p.*count));
    };
    row(_("Due"), &WeekFigures::due);
    row(_("Taken"), &WeekFigures::taken);
    row(_("Partly done"), &WeekFigures::partial);
    row(_("Snoozed"), &WeekFigures::snoozed);
    row(_("Skipped"), &WeekFigures::skipped);
    row(_("Missed"), &WeekFigures::missed);
    row(_("Stepped away"), &WeekFigures::natural);
    figures_->SetFont(wxFont(wxFontInfo(figures_->GetFont().GetPointSize()).Family(wxFONTFAMILY_TELETYPE)));
    figures_->SetLabel(figures);
    wxString footer = _("Routines: ");
    if (w.routines.empty()) footer += _("none yet");
    for (std::size_t i = 0; i < w.routines.size(); ++i) {
        const auto& [id, count] = w.routines[i];
        footer += (i ? ", " : "") + wxString::FromUTF8(routine_name_(id)) + wxString::Format(wxString::FromUTF8(" ×%d"), count);
    }
    // The exercises done, by name: what the week was made of.
    if (!w.exercises.empty()) {
        footer += "\n" + _("Exercises: ");
        for (std::size_t i = 0; i < w.exercises.size(); ++i) {
            const auto& [id, count] = w.exercises[i];
            footer += (i ? ", " : "") + wxString::FromUTF8(routine_name_("single:" + id)) + wxString::Format(wxString::FromUTF8(" ×%d"), count);
        }
    }
    const int streak = w.streak_days;
    footer += "\n" + wxString::Format(wxPLURAL("Streak: %d day in a row with a routine done", "Streak: %d days in a row with a routine done", streak), streak);
    if (w.pain_reports > 0) footer += "\n" + wxString::Format(wxPLURAL("Pain reported %d time: go gently", "Pain reported %d times: go gently", w.pain_reports), w.pain_reports);
    if (const int held = w.held_long; held > 0) {
        int calls = 0;
        for (const auto& [id, count] : w.held_by)
            if (id == calls_held_by) calls = count;
        footer += "\n" + wxString::Format(wxPLURAL("%d break waited over an hour for you to be free", "%d breaks waited over an hour for you to be free", held), held);
        if (calls > 0) footer += wxString::Format(wxPLURAL(" (%d for a call)", " (%d for calls)", calls), calls);
    }
    footer_->SetLabel(footer);
    // The chart in words, for a screen reader: each day's active time and breaks.
    wxString chart_words = _("Active time and breaks per day:");
    const wxString day_names[] = {_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")};
    for (std::size_t i = 0; i < w.days.size() && i < 7; ++i) {
        const DayFigures& d = w.days[i];
        chart_words += " " + wxString::Format(_("%s %s, %d of %d breaks;"), day_names[i], hours(d.active.count()), d.taken, d.due);
    }
    set_accessible_name(chart_, chart_words);
    // The footer grows with the week (exercises, pain, breaks that waited): the window grows
    // with it, so the export buttons never fall off its bottom.
    wxWindow* root = GetChildren().front();
    // (Before the window is first shown its panel has no size yet: the frame's width counts.)
    footer_->Wrap(GetClientSize().x - FromDIP(32));
    const int need = root->GetSizer()->CalcMin().y;
    wxString shown = footer_->GetLabel();
    shown.Replace("\n", " | ");
    wxLogVerbose("summary footer: best %d x %d, need %d, client %d: %s", footer_->GetBestSize().x, footer_->GetBestSize().y,
                 need, GetClientSize().y, shown);
    if (need > GetClientSize().y) SetClientSize(GetClientSize().x, need);
    root->Layout();
    chart_->Refresh();
}

void SummaryWindow::export_week(bool csv)
{
    const std::string from = data_ ? format_local_day(data_->summary.week.week.monday()) : "";
    const std::string to = data_ ? format_local_day(data_->summary.week.week.sunday()) : "";
    if (!export_ || from.empty()) {
        message_box(_("There is no week to export yet."), "Limber", wxOK | wxICON_INFORMATION, this);
        return;
    }
    const wxString kind = csv ? "CSV" : "JSON";
    // Saved where the user keeps documents (~/Documents, or home), not wherever the tray started.
    wxFileDialog dialog(this, wxString::Format(_("Export the week's records as %s"), kind), wxStandardPaths::Get().GetDocumentsDir(),
                        wxString::Format("limber-%s.%s", week_, csv ? "csv" : "json"),
                        csv ? _("CSV files (*.csv)|*.csv") : _("JSON files (*.json)|*.json"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    export_(from, to, csv, dialog.GetPath().utf8_string(), *this);
}

void SummaryWindow::export_failed(const std::string& message)
{
    message_box(wxString::FromUTF8(message), _("Export failed"), wxOK | wxICON_ERROR, this);
}

void SummaryWindow::save_export(const std::string& path, const std::string& content)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) message_box(wxString::Format(_("Cannot write %s"), wxString::FromUTF8(path)), _("Export failed"), wxOK | wxICON_ERROR, this);
}

void SummaryWindow::paint_chart(wxPaintEvent&)
{
    wxAutoBufferedPaintDC dc(chart_);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    if (!data_) return;
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    const wxSize size = chart_->GetClientSize();
    const double label_h = 40;  // the day's name, and under it breaks taken / due
    const double h = size.y - label_h - 4;
    const auto& days = data_->summary.week.days;
    long long top = 4 * 3600;
    for (const auto& d : days) top = std::max(top, static_cast<long long>(d.active.count()));
    const double slot = size.x / 7.0;
    const wxString names[] = {_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")};
    gc->SetFont(chart_->GetFont(), muted);
    for (std::size_t i = 0; i < days.size() && i < 7; ++i) {
        const double x = i * slot + slot * 0.22;
        const double w = slot * 0.56;
        gc->SetPen(*wxTRANSPARENT_PEN);
        gc->SetBrush(wxBrush(track));
        gc->DrawRoundedRectangle(x, 0, w, h, 4);
        const double active = static_cast<double>(days[i].active.count()) / static_cast<double>(top);
        const double stretch = static_cast<double>(days[i].longest_stretch.count()) / static_cast<double>(top);
        if (active > 0) {
            gc->SetBrush(wxBrush(teal));
            gc->DrawRoundedRectangle(x, h * (1 - active), w, h * active, 4);
        }
        if (stretch > 0) {  // the longest sitting stretch, as a warm tick on the bar
            gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(warm, 3)));
            gc->StrokeLine(x - 3, h * (1 - stretch), x + w + 3, h * (1 - stretch));
        }
        double tw = 0;
        double th = 0;
        gc->SetFont(chart_->GetFont(), muted);
        gc->GetTextExtent(names[i], &tw, &th);
        gc->DrawText(names[i], i * slot + (slot - tw) / 2, h + 4);
        // Breaks taken of those due: "2/3", teal when all were taken, warm when some were not.
        const int due = days[i].due;
        const int taken = days[i].taken;
        const wxString breaks = due > 0 ? wxString::Format("%d/%d", taken, due) : wxString::FromUTF8("–");
        gc->SetFont(chart_->GetFont(), due == 0 ? track.ChangeLightness(70) : taken >= due ? teal : warm);
        gc->GetTextExtent(breaks, &tw, &th);
        gc->DrawText(breaks, i * slot + (slot - tw) / 2, h + 4 + th + 2);
    }
}

}  // namespace limber::tray
