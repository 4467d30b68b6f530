// limber-tray: for now a window that shows the routines Limber offers; the tray icon, popup
// and summary are built on top of this app object.
#include "client/runtime.hpp"
#include "limber/catalog.hpp"

#include <wx/wx.h>

namespace {

class LimberApp final : public wxApp {
public:
    bool OnInit() override
    {
        limber::Catalog catalog;
        try {
            const auto paths = limber::runtime_paths();
            catalog = limber::load_catalog(paths.exercises().string(), paths.routines().string());
        } catch (const std::exception& e) {
            wxMessageBox(wxString::FromUTF8(e.what()), "Limber cannot start", wxOK | wxICON_ERROR);
            return false;
        }
        auto* frame = new wxFrame(nullptr, wxID_ANY, "Limber", wxDefaultPosition, wxSize(360, 300));
        auto* panel = new wxPanel(frame);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto* title = new wxStaticText(panel, wxID_ANY, "Routines");
        title->SetFont(title->GetFont().Bold().Larger());
        sizer->Add(title, 0, wxALL, 12);
        for (const auto& r : catalog.routines) {
            const auto easy = catalog.length(r, [](const limber::Exercise& e) { return e.easiest(); });
            const auto label = wxString::FromUTF8(r.name) + wxString::Format("  (about %d min)", static_cast<int>((easy.count() + 30) / 60));
            sizer->Add(new wxStaticText(panel, wxID_ANY, label), 0, wxLEFT | wxRIGHT | wxBOTTOM, 12);
        }
        panel->SetSizer(sizer);
        frame->Show();
        return true;
    }
};

}  // namespace

wxIMPLEMENT_APP(LimberApp);
