#include "break_card.hpp"

#include "i18n.hpp"

#include <wx/button.h>
#include <wx/display.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace limber::tray {

BreakCard::BreakCard(const std::string& routine_name, const std::string& length, bool can_snooze, Actions actions)
    : wxFrame(nullptr, wxID_ANY, "Limber", wxDefaultPosition, wxDefaultSize,
              wxCAPTION | wxCLOSE_BOX | wxSTAY_ON_TOP | wxFRAME_TOOL_WINDOW | wxFRAME_NO_TASKBAR)
{
    auto* panel = new wxPanel(this);
    panel->SetBackgroundColour(*wxWHITE);
    auto* box = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(panel, wxID_ANY, _("Time for a break"));
    title->SetFont(title->GetFont().Bold().Scaled(1.2f));
    title->SetForegroundColour(wxColour(38, 50, 56));
    box->Add(title, 0, wxLEFT | wxRIGHT | wxTOP, 16);
    auto* body = new wxStaticText(panel, wxID_ANY, wxString::Format(_("%s, about %s.\nStand up, loosen your back, then carry on."), wxString::FromUTF8(routine_name), wxString::FromUTF8(length)));
    body->SetForegroundColour(wxColour(96, 110, 116));
    box->Add(body, 0, wxALL, 16);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto add = [&](const wxString& label, std::function<void()> action, bool enabled) {
        auto* b = new wxButton(panel, wxID_ANY, label);
        b->Enable(enabled);
        b->Bind(wxEVT_BUTTON, [this, action = std::move(action)](wxCommandEvent&) {
            action();
            Close();
        });
        row->Add(b, 1, wxRIGHT, 6);
        return b;
    };
    add(_("Start"), std::move(actions.start), true)->SetDefault();
    add(_("Not now"), std::move(actions.snooze), can_snooze);
    add(_("Skip"), std::move(actions.skip), true);
    box->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 16);
    panel->SetSizer(box);
    box->SetSizeHints(this);
    SetSize(wxSize(std::max(340, GetSize().x), GetSize().y));
    const wxRect area = wxDisplay(0u).GetClientArea();
    SetPosition(wxPoint(area.GetRight() - GetSize().x - 16, area.GetBottom() - GetSize().y - 16));
}

}  // namespace limber::tray
