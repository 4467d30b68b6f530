// wx's generic message dialog behind wxMessageBox's interface (see message_box.hpp).
#include "message_box.hpp"

#include <wx/msgdlg.h>  // wxMessageDialogBase, which the generic dialog derives from
#include <wx/generic/msgdlgg.h>

namespace limber::tray {

int message_box(const wxString& message, const wxString& caption, long style, wxWindow* parent)
{
    wxGenericMessageDialog dialog(parent, message, caption, style);
    switch (dialog.ShowModal()) {
    case wxID_OK: return wxOK;
    case wxID_YES: return wxYES;
    case wxID_NO: return wxNO;
    default: return wxCANCEL;
    }
}

}  // namespace limber::tray
