// Starting at login on Windows: the value "Limber" under the user's
// HKCU\Software\Microsoft\Windows\CurrentVersion\Run, naming this limber-tray.exe in quotes.
// Windows lists it under Settings > Apps > Startup, where the user can switch it off too; the
// installer's "Start Limber when I log in" writes the same value.
#include "autostart.hpp"

#include <wx/log.h>
#include <wx/string.h>
#include <wx/buffer.h>
#include <wx/msw/registry.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>

namespace limber::tray {
namespace {

constexpr const wchar_t* kRunKey = L"Software\\Microsoft\\Windows\\CurrentVersion\\Run";
constexpr const wchar_t* kValue = L"Limber";

}  // namespace

bool autostart_enabled()
{
    wxLogNull quiet;  // a missing key is an answer, not an error
    wxRegKey key(wxRegKey::HKCU, kRunKey);
    return key.Exists() && key.HasValue(kValue);
}

std::string set_autostart(bool enabled)
{
    wxLogNull quiet;  // the error is returned, in the user's words
    wxRegKey key(wxRegKey::HKCU, kRunKey);
    bool ok = true;
    if (enabled) {
        ok = key.Create(false) && key.SetValue(kValue, "\"" + wxStandardPaths::Get().GetExecutablePath() + "\"");
    } else if (key.Exists() && key.HasValue(kValue)) {
        ok = key.DeleteValue(kValue);
    }
    if (ok) return {};
    return wxString::Format(_("Cannot change %s: %s"), wxString("HKEY_CURRENT_USER\\") + kRunKey, wxSysErrorMsgStr())
        .utf8_string();
}

}  // namespace limber::tray
