#include "settings_dialog.hpp"

#include "accessible.hpp"
#include "autostart.hpp"
#include "i18n.hpp"
#include "message_box.hpp"

#include "limber/duration.hpp"
#include "limber/error.hpp"
#include "limber/settings_edit.hpp"
#include "limber/settings_schema.hpp"
#include "client/runtime.hpp"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/log.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace limber::tray {
namespace {

using namespace std::chrono_literals;

// As limber.toml writes it, so an unchanged day compares equal and is not rewritten; a night
// shift reads "22:00-06:00".
wxString spans_text(const std::vector<DaySpan>& spans) { return wxString::FromUTF8(format_spans(spans)); }

// A spin control over [lo, hi] `unit`s, the range the window offers, kept within the key's
// limits so that it never offers what limber.toml does not take.
wxSpinCtrl* spin_for(wxWindow* parent, const SettingKey& key, std::chrono::seconds unit, int lo, int hi, std::chrono::seconds value)
{
    const auto u = unit.count();
    lo = std::max(lo, static_cast<int>((key.min + u - 1) / u));
    hi = std::min(hi, static_cast<int>(key.max / u));
    return new wxSpinCtrl(parent, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, lo, hi,
                          static_cast<int>(value.count() / u));
}

// "zoom, obs" as the list it is, and back.
std::vector<std::string> app_list(const wxString& text)
{
    std::vector<std::string> out;
    for (wxString part : wxSplit(text, ',', '\0')) {
        part.Trim().Trim(false);
        if (!part.empty()) out.push_back(part.utf8_string());
    }
    return out;
}

wxString app_text(const std::vector<std::string>& apps)
{
    wxString out;
    for (const auto& a : apps) out += (out.empty() ? "" : ", ") + wxString::FromUTF8(a);
    return out;
}

std::string read_file(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

SettingsDialog::SettingsDialog(wxWindow* parent, const Catalog& catalog, Settings settings, std::filesystem::path file)
    : wxDialog(parent, wxID_ANY, _("Limber settings")), catalog_(catalog), settings_(std::move(settings)), file_(std::move(file))
{
    // Two columns, so the dialog fits a 768-pixel-high screen: the breaks on the left, the
    // working week and this computer on the right. Each column is a form of label and control.
    auto* box = new wxBoxSizer(wxVERTICAL);
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    wxFlexGridSizer* grid = nullptr;
    auto column = [&](const wxString& heading) {
        auto* col = new wxBoxSizer(wxVERTICAL);
        auto* title = new wxStaticText(this, wxID_ANY, heading);
        title->SetFont(title->GetFont().Bold());
        col->Add(title, 0, wxBOTTOM, 10);
        // Rows 5 pixels apart: Debian 13's GTK draws taller fields, and at 8 the dialog
        // outgrew a 768-pixel-high screen.
        grid = new wxFlexGridSizer(2, wxSize(12, 5));
        grid->AddGrowableCol(1);
        col->Add(grid, 1, wxEXPAND);
        columns->Add(col, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 16);
    };
    auto row = [&](const wxString& text, wxWindow* control) {
        grid->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(control, 0, wxEXPAND);
        set_accessible_name(control, text);  // the field reads as its label
    };
    auto check = [&](const wxString& text, bool value) {
        auto* c = new wxCheckBox(this, wxID_ANY, text);
        c->SetValue(value);
        grid->AddSpacer(0);
        grid->Add(c);
        return c;
    };
    // A duration in whole minutes, over a range that suits a spin control, within the key's limits.
    auto minutes = [&](const char* section, const char* key, std::chrono::seconds v, int lo, int hi) {
        return spin_for(this, setting(section, key), 60s, lo, hi, v);
    };

    column(_("Breaks"));
    every_ = minutes("breaks", "every", settings_.every, 5, 240);
    row(_("Break after (minutes of sitting)"), every_);
    warn_ = spin_for(this, setting("breaks", "warn_before"), 1s, 0, 600, settings_.warn_before);
    row(_("Heads-up before (seconds, 0 = none)"), warn_);
    routine_ = new wxChoice(this, wxID_ANY);
    for (const auto& r : catalog_.routines) routine_->Append(wxString::FromUTF8(r.name));
    row(_("Routine for a break"), routine_);
    snooze_ = minutes("breaks", "snooze", settings_.snooze, 1, 60);
    row(_("Snooze for (minutes)"), snooze_);
    const SettingKey& max_snoozes = setting("breaks", "max_snoozes");
    max_snoozes_ = new wxSpinCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS,
                                  static_cast<int>(max_snoozes.min), static_cast<int>(max_snoozes.max), settings_.max_snoozes);
    row(_("Snoozes in a row"), max_snoozes_);
    natural_ = minutes("idle", "natural_break", settings_.natural_break, 1, 60);
    row(_("Away this long is a break (minutes)"), natural_);
    idle_counts_ = check(_("Short pauses (reading) count as sitting"), settings_.idle_counts_as_sitting);
    daily_on_ = check(_("A longer routine once a day"), settings_.daily.enabled);
    daily_routine_ = new wxChoice(this, wxID_ANY);
    for (const auto& r : catalog_.routines) daily_routine_->Append(wxString::FromUTF8(r.name));
    row(_("Daily routine"), daily_routine_);
    daily_at_ = new wxTextCtrl(this, wxID_ANY, format_time_of_day(settings_.daily.at));
    daily_at_->SetToolTip(_("After a night shift, a time earlier than the shift's start comes the next morning."));
    row(_("At (HH:MM)"), daily_at_);
    for (std::size_t i = 0; i < catalog_.routines.size(); ++i) {
        if (catalog_.routines[i].id == settings_.routine) routine_->SetSelection(static_cast<int>(i));
        if (catalog_.routines[i].id == settings_.daily.routine) daily_routine_->SetSelection(static_cast<int>(i));
    }
    // This computer: the mnemonics (Alt+P, Alt+S) reach them from the keyboard.
    grid->AddSpacer(0);
    auto* here = new wxStaticText(this, wxID_ANY, _("On this computer"));
    here->SetFont(here->GetFont().Bold());
    grid->Add(here, 0, wxTOP, 12);
    sounds_ = check(_("&Play soft sounds (a break due, holds, done)"), settings_.sounds);
    voice_ = check(_("Guide routines by &voice"), settings_.voice);
    autostart_was_ = autostart_enabled();
    autostart_ = check(_("&Start Limber when I log in"), autostart_was_);

    column(_("Working hours"));
    hours_on_ = check(_("Only remind me during working hours"), settings_.working_hours.enabled);
    const wxString day_names[] = {_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")};
    for (int i = 0; i < 7; ++i) {
        days_[static_cast<std::size_t>(i)] = new wxTextCtrl(this, wxID_ANY, spans_text(settings_.working_hours.days[static_cast<std::size_t>((i + 1) % 7)]),
                                                            wxDefaultPosition, wxSize(220, -1));
        days_[static_cast<std::size_t>(i)]->SetHint(_("09:00-18:00, or off"));
        days_[static_cast<std::size_t>(i)]->SetToolTip(
            _("Spans such as 09:00-12:30, 13:30-18:00, or off. A span may end the next day: 22:00-06:00 is a night "
              "shift until 06:00 the next morning, counted for the day it starts."));
        row(day_names[i], days_[static_cast<std::size_t>(i)]);
    }
    // Smart pause: what a due break waits for.
    grid->AddSpacer(0);
    auto* wait = new wxStaticText(this, wxID_ANY, _("A break waits while"));
    wait->SetFont(wait->GetFont().Bold());
    grid->Add(wait, 0, wxTOP, 12);
    const SmartPause& sp = settings_.smart_pause;
    hold_camera_ = check(_("a ca&mera is in use (a call)"), sp.camera);
    hold_microphone_ = check(_("a m&icrophone is in use (a call)"), sp.microphone);
    hold_fullscreen_ = check(_("a window is &full screen"), sp.fullscreen);
    hold_inhibitors_ = check(_("a video keeps the screen &awake"), sp.inhibitors);
    hold_do_not_disturb_ = check(_("&do not disturb is on"), sp.do_not_disturb);
    hold_fullscreen_->SetToolTip(_("A film, slides or a game fill the screen"));
    hold_inhibitors_->SetToolTip(_("A player or a presentation asks the desktop not to dim the screen"));
    hold_apps_ = new wxTextCtrl(this, wxID_ANY, app_text(sp.apps));
    hold_apps_->SetHint(_("zoom, obs"));
    row(_("These apps run"), hold_apps_);
    grace_ = minutes("smart_pause", "grace", sp.grace, 0, 60);
    row(_("Offer it after (min)"), grace_);

    box->Add(columns, 1, wxEXPAND);
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
    s.sounds = sounds_->GetValue();
    s.voice = voice_->GetValue();
    s.smart_pause.camera = hold_camera_->GetValue();
    s.smart_pause.microphone = hold_microphone_->GetValue();
    s.smart_pause.fullscreen = hold_fullscreen_->GetValue();
    s.smart_pause.inhibitors = hold_inhibitors_->GetValue();
    s.smart_pause.do_not_disturb = hold_do_not_disturb_->GetValue();
    s.smart_pause.apps = app_list(hold_apps_->GetValue());
    s.smart_pause.grace = std::chrono::minutes{grace_->GetValue()};
    if (daily_routine_->GetSelection() >= 0)
        s.daily.routine = catalog_.routines[static_cast<std::size_t>(daily_routine_->GetSelection())].id;
    // Only the keys whose value changed are rewritten, in place: the user's own comments and
    // keys stay. A new file starts from the commented template.
    std::error_code exists_ec;
    const bool existing = std::filesystem::exists(file_, exists_ec);
    std::string text = existing ? read_file(file_) : format_settings(settings_);
    // The hours and the daily time go in as typed, for the reader below to check.
    const auto as_typed = [](const wxTextCtrl* field) { return toml_string(field->GetValue().Trim().Trim(false).ToStdString()); };
    std::map<const SettingKey*, std::string> typed;
    for (const SettingKey& k : settings_schema())  // days_ runs Monday to Sunday
        if (k.type == SettingType::day_spans) typed[&k] = as_typed(days_[static_cast<std::size_t>((k.weekday + 6) % 7)]);
    typed[&setting("daily_routine", "at")] = as_typed(daily_at_);
    for (const SettingKey& k : settings_schema()) {
        const std::string before = format_setting(k, settings_);
        const auto written = typed.find(&k);
        const std::string after = written != typed.end() ? written->second : format_setting(k, s);
        if (after != before) text = set_setting(std::move(text), std::string(k.section), std::string(k.key), after);
    }
    // Hours and the daily time are checked by the same reader limberd uses: read the text
    // back, and only then save it.
    try {
        parse_settings(text, file_.filename().string(), catalog_);
    } catch (const ConfigError& e) {
        message_box(wxString::FromUTF8(e.message()) + "\n(" + wxString::FromUTF8(e.key()) + ")", _("Please check this setting"),
                     wxOK | wxICON_WARNING, this);
        return false;
    }
    if (const std::string error = write_whole(file_, text); !error.empty()) {
        message_box(wxString::FromUTF8(error), _("Settings not saved"), wxOK | wxICON_ERROR, this);
        return false;
    }
    return save_autostart();
}

std::string write_whole(const std::filesystem::path& file, const std::string& text)
{
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    const auto temp = file.string() + ".new";
    {
        std::ofstream out(temp);
        out << text;
        if (!out) return wxString::Format(_("Cannot write %s"), wxString::FromUTF8(temp)).utf8_string();
    }
    std::filesystem::rename(temp, file, ec);  // whole or not at all: limberd never reads half a file
    if (ec) return wxString::Format(_("Cannot save %s: %s"), wxString::FromUTF8(file.string()), wxString::FromUTF8(ec.message())).utf8_string();
    return {};
}

bool save_setting(const Paths& paths, const Catalog& catalog, const SettingKey& key, const SettingValue& value)
{
    std::error_code ec;
    std::string text;
    if (std::filesystem::exists(paths.settings(), ec)) {
        text = read_file(paths.settings());
    } else {
        Settings defaults;
        try {
            defaults = load_settings(paths.default_settings().string(), catalog);
        } catch (const std::exception&) {
            // the built-in defaults, then
        }
        text = format_settings(defaults);
    }
    text = set_setting(std::move(text), std::string(key.section), std::string(key.key), format_value(key, value));
    try {
        parse_settings(text, paths.settings().filename().string(), catalog);
    } catch (const ConfigError& e) {
        wxLogWarning("not saving %s: %s", key.dotted(), e.what());
        return false;
    }
    const std::string error = write_whole(paths.settings(), text);
    if (!error.empty()) wxLogWarning("%s", error);
    return error.empty();
}

bool SettingsDialog::save_autostart()
{
    const bool wanted = autostart_->GetValue();
    if (wanted == autostart_was_) return true;
    if (const std::string error = set_autostart(wanted); !error.empty()) {
        message_box(wxString::FromUTF8(error), _("Start at login"), wxOK | wxICON_ERROR, this);
        return false;
    }
    autostart_was_ = wanted;
    return true;
}

}  // namespace limber::tray
