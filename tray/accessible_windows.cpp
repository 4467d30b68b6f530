// Windows: the name goes on a wxAccessible of the window's own, which wx hands to MSAA (and
// UI Automation's bridge to it) when a screen reader asks the window (WM_GETOBJECT). Only the
// name is ours: what it does not answer (role, state, value, location) Windows' standard
// object for the control answers, so a field still reads its value and a button its state.
#include "accessible.hpp"

#include <wx/access.h>
#include <wx/window.h>

namespace limber::tray {
namespace {

class Named final : public wxAccessible {
public:
    Named(wxWindow* window, const wxString& name) : wxAccessible(window), name_(name) {}
    wxAccStatus GetName(int child, wxString* name) override
    {
        if (child != wxACC_SELF) return wxACC_NOT_IMPLEMENTED;
        *name = name_;
        return wxACC_OK;
    }

private:
    wxString name_;
};

}  // namespace

void set_accessible_name(wxWindow* window, const wxString& name)
{
    if (!window) return;
    window->SetName(name);
    window->SetAccessible(new Named(window, name));  // the window owns it
}

}  // namespace limber::tray
