#include "welcome_window.hpp"

#include "i18n.hpp"
#include "platform.hpp"
#include "style.hpp"

#include "client/runtime.hpp"
#include "message_box.hpp"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <fstream>

#include <wx/datetime.h>

namespace limber::tray {
namespace {

using style::ink;
using style::muted;

std::string today() { return wxDateTime::Now().FormatISODate().utf8_string(); }

}  // namespace

std::filesystem::path welcome_file() { return runtime_paths().config_dir / "welcome-acknowledged"; }

bool welcome_acknowledged()
{
    std::error_code ec;
    return std::filesystem::exists(welcome_file(), ec);
}

WelcomeWindow::WelcomeWindow(const SafetyAdvice& safety, std::function<void()> understood)
    : wxFrame(nullptr, wxID_ANY, _("Welcome to Limber"), wxDefaultPosition, wxDefaultSize,
              wxDEFAULT_FRAME_STYLE & ~(wxRESIZE_BORDER | wxMAXIMIZE_BOX)),
      understood_(std::move(understood))
{
    auto* panel = new wxPanel(this);
    panel->SetBackgroundColour(*wxWHITE);
    auto* box = new wxBoxSizer(wxVERTICAL);
    const int wrap = 420;
    auto text = [&](const wxString& s, const wxColour& colour, float scale = 1.0f, bool bold = false) {
        auto* t = style::text(panel, s, colour, scale, bold);
        t->Wrap(wrap);
        return t;
    };
    box->Add(text(_("Welcome to Limber"), ink, 1.3f, true), 0, wxLEFT | wxRIGHT | wxTOP, 20);
    box->Add(text(_("Limber watches how long you sit at the computer and, when you have sat long enough, "
                  "offers a short routine of gentle upper-back and neck exercises. Its aim is to break up "
                  "long stretches of sitting, not to treat pain."),
                  muted),
             0, wxLEFT | wxRIGHT | wxTOP, 20);
    box->Add(text(_("Not for you, for now, if:"), ink, 1.0f, true), 0,
             wxLEFT | wxRIGHT | wxTOP, 20);
    box->AddSpacer(8);
    for (const auto& item : safety.ask_first_if) {
        box->Add(text(wxString::FromUTF8("•  " + item), ink), 0, wxLEFT | wxRIGHT, 28);
        box->AddSpacer(4);
    }
    box->Add(text(_("If any of these apply to you, see a healthcare provider first. Otherwise: move gently, "
                  "and stop if an exercise hurts."),
                  muted),
             0, wxLEFT | wxRIGHT | wxTOP, 20);
    if (const std::string advice = icon_advice(); !advice.empty())
        box->Add(text(wxString::FromUTF8(advice), muted), 0, wxLEFT | wxRIGHT | wxTOP, 20);
    auto* ok = new wxButton(panel, wxID_OK, _("I understand"));
    ok->SetDefault();
    ok->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { acknowledge(); });
    box->Add(ok, 0, wxALIGN_RIGHT | wxALL, 20);
    panel->SetSizer(box);
    box->SetSizeHints(this);
    Centre();
}

void WelcomeWindow::acknowledge()
{
    const auto file = welcome_file();
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    std::ofstream out(file, std::ios::trunc);
    out << today() << "\n";
    out.close();
    if (!out) {
        message_box(wxString::Format(_("Cannot write %s; Limber will ask again next time."), wxString::FromUTF8(file.string())), "Limber",
                     wxOK | wxICON_WARNING, this);
    }
    auto next = std::move(understood_);
    Destroy();
    if (next) next();
}

}  // namespace limber::tray
