#include "settings_dialog.hpp"

#include "limber/duration.hpp"
#include "limber/error.hpp"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <fstream>

namespace limber::tray {
namespace {

using namespace std::chrono_literals;
constexpr const char* day_names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

wxString spans_text(const std::vector<DaySpan>& spans)
{
    if (spans.empty()) return "off";
    wxString out;
    for (const auto& s : spans) out += (out.empty() ? "" : ", ") + format_time_of_day(s.start) + "-" + format_time_of_day(s.end);
    return out;
}

}  // namespace

SettingsDialog::SettingsDialog(wxWindow* parent, const Catalog& catalog, Settings settings, std::filesystem::path file)
    : wxDialog(parent, wxID_ANY, "Limber settings"), catalog_(catalog), settings_(std::move(settings)), file_(std::move(file))
{
    auto* box = new wxBoxSizer(wxVERTICAL);
    auto* grid = new wxFlexGridSizer(2, wxSize(12, 8));
    grid->AddGrowableCol(1);
    auto row = [&](const wxString& text, wxWindow* control) {
        grid->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(control, 0, wxEXPAND);
    };
    auto minutes = [&](std::chrono::seconds v, int lo, int hi) {
        return new wxSpinCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, lo, hi,
                              static_cast<int>(v.count() / 60));
    };
    every_ = minutes(settings_.every, 5, 240);
    row("Break after (minutes of sitting)", every_);
    warn_ = new wxSpinCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 600,
                           static_cast<int>(settings_.warn_before.count()));
    row("Heads-up before (seconds, 0 = none)", warn_);
    routine_ = new wxChoice(this, wxID_ANY);
    for (const auto& r : catalog_.routines) routine_->Append(wxString::FromUTF8(r.name));
    row("Routine for a break", routine_);
    snooze_ = minutes(settings_.snooze, 1, 60);
    row("Snooze for (minutes)", snooze_);
    max_snoozes_ = new wxSpinCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 10, settings_.max_snoozes);
    row("Snoozes in a row", max_snoozes_);
    natural_ = minutes(settings_.natural_break, 1, 60);
    row("Away this long counts as a break (minutes)", natural_);
    idle_counts_ = new wxCheckBox(this, wxID_ANY, "Short pauses (reading) count as sitting");
    idle_counts_->SetValue(settings_.idle_counts_as_sitting);
    grid->AddSpacer(0);
    grid->Add(idle_counts_);

    hours_on_ = new wxCheckBox(this, wxID_ANY, "Only remind me during working hours");
    hours_on_->SetValue(settings_.working_hours.enabled);
    grid->AddSpacer(0);
    grid->Add(hours_on_);
    for (int i = 0; i < 7; ++i) {
        days_[static_cast<std::size_t>(i)] = new wxTextCtrl(this, wxID_ANY, spans_text(settings_.working_hours.days[static_cast<std::size_t>((i + 1) % 7)]));
        row(day_names[i], days_[static_cast<std::size_t>(i)]);
    }
    daily_on_ = new wxCheckBox(this, wxID_ANY, "A longer routine once a day");
    daily_on_->SetValue(settings_.daily.enabled);
    grid->AddSpacer(0);
    grid->Add(daily_on_);
    daily_routine_ = new wxChoice(this, wxID_ANY);
    for (const auto& r : catalog_.routines) daily_routine_->Append(wxString::FromUTF8(r.name));
    row("Daily routine", daily_routine_);
    daily_at_ = new wxTextCtrl(this, wxID_ANY, format_time_of_day(settings_.daily.at));
    row("At (HH:MM)", daily_at_);
    for (std::size_t i = 0; i < catalog_.routines.size(); ++i) {
        if (catalog_.routines[i].id == settings_.routine) routine_->SetSelection(static_cast<int>(i));
        if (catalog_.routines[i].id == settings_.daily.routine) daily_routine_->SetSelection(static_cast<int>(i));
    }
    box->Add(grid, 1, wxEXPAND | wxALL, 16);
    box->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(box);
    Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
        if (save()) e.Skip();
    }, wxID_OK);
}

bool SettingsDialog::save()
{
    Settings s = settings_;
    s.every = std::chrono::minutes{every_->GetValue()};
    s.warn_before = std::chrono::seconds{warn_->GetValue()};
    s.snooze = std::chrono::minutes{snooze_->GetValue()};
    s.max_snoozes = max_snoozes_->GetValue();
    s.natural_break = std::chrono::minutes{natural_->GetValue()};
    s.idle_counts_as_sitting = idle_counts_->GetValue();
    if (routine_->GetSelection() >= 0) s.routine = catalog_.routines[static_cast<std::size_t>(routine_->GetSelection())].id;
    s.working_hours.enabled = hours_on_->GetValue();
    s.daily.enabled = daily_on_->GetValue();
    if (daily_routine_->GetSelection() >= 0)
        s.daily.routine = catalog_.routines[static_cast<std::size_t>(daily_routine_->GetSelection())].id;
    // Hours and the daily time are checked by the same reader limberd uses: write the text,
    // read it back, and only then save it.
    std::string text = format_settings(s);
    const auto replace = [&](const std::string& key, const std::string& value) {
        const auto at = text.find("\n" + key + " = ");
        if (at == std::string::npos) return;
        const auto end = text.find('\n', at + 1);
        text.replace(at + 1, end - at - 1, key + " = \"" + value + "\"");
    };
    static const char* const keys[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (std::size_t i = 0; i < 7; ++i) replace(keys[i], days_[i]->GetValue().Trim().Trim(false).ToStdString());
    replace("at", daily_at_->GetValue().Trim().Trim(false).ToStdString());
    try {
        parse_settings(text, file_.filename().string(), catalog_);
    } catch (const ConfigError& e) {
        wxMessageBox(wxString::FromUTF8(e.message()) + "\n(" + wxString::FromUTF8(e.key()) + ")", "Please check this setting",
                     wxOK | wxICON_WARNING, this);
        return false;
    }
    std::error_code ec;
    std::filesystem::create_directories(file_.parent_path(), ec);
    const auto temp = file_.string() + ".new";
    {
        std::ofstream out(temp);
        out << text;
        if (!out) {
            wxMessageBox("Cannot write " + file_.string(), "Settings not saved", wxOK | wxICON_ERROR, this);
            return false;
        }
    }
    std::filesystem::rename(temp, file_, ec);  // whole or not at all: limberd never reads half a file
    if (ec) {
        wxMessageBox("Cannot save " + file_.string() + ": " + ec.message(), "Settings not saved", wxOK | wxICON_ERROR, this);
        return false;
    }
    return true;
}

}  // namespace limber::tray
