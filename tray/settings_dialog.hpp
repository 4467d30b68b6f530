// The settings window: the schedule in plain controls, saved to the user's limber.toml,
// which limberd picks up by itself.
#pragma once

#include "limber/catalog.hpp"
#include "limber/paths.hpp"
#include "limber/settings.hpp"
#include "limber/settings_schema.hpp"

#include <wx/dialog.h>

#include <array>
#include <filesystem>

class wxCheckBox;
class wxChoice;
class wxSpinCtrl;
class wxTextCtrl;

namespace limber::tray {

// Saves `text` as `file`, whole or not at all (a temporary file renamed over it); the error in
// words, or empty.
std::string write_whole(const std::filesystem::path& file, const std::string& text);
// Sets one key of the user's limber.toml in place (a new file starts from the defaults),
// checks the result reads as settings, and saves it. False, logged, if it cannot.
bool save_setting(const Paths& paths, const Catalog& catalog, const SettingKey& key, const SettingValue& value);

class SettingsDialog final : public wxDialog {
public:
    SettingsDialog(wxWindow* parent, const Catalog& catalog, Settings settings, std::filesystem::path file);

private:
    bool save();
    bool save_autostart();
    const Catalog& catalog_;
    Settings settings_;
    std::filesystem::path file_;
    wxSpinCtrl* every_ = nullptr;
    wxSpinCtrl* warn_ = nullptr;
    wxSpinCtrl* snooze_ = nullptr;
    wxSpinCtrl* max_snoozes_ = nullptr;
    wxSpinCtrl* natural_ = nullptr;
    wxCheckBox* idle_counts_ = nullptr;
    wxChoice* routine_ = nullptr;
    wxCheckBox* hours_on_ = nullptr;
    std::array<wxTextCtrl*, 7> days_{};
    wxCheckBox* daily_on_ = nullptr;
    wxChoice* daily_routine_ = nullptr;
    wxTextCtrl* daily_at_ = nullptr;
    wxCheckBox* sounds_ = nullptr;
    wxCheckBox* voice_ = nullptr;
    wxCheckBox* hold_camera_ = nullptr;
    wxCheckBox* hold_microphone_ = nullptr;
    wxCheckBox* hold_fullscreen_ = nullptr;
    wxCheckBox* hold_inhibitors_ = nullptr;
    wxCheckBox* hold_do_not_disturb_ = nullptr;
    wxTextCtrl* hold_apps_ = nullptr;
    wxSpinCtrl* grace_ = nullptr;
    wxCheckBox* autostart_ = nullptr;
    bool autostart_was_ = false;
};

}  // namespace limber::tray
