// The tray's message boxes: wx's own dialog rather than GTK's, so that quitting (Quit, or the
// session's SIGTERM) ends one like any other modal dialog. GTK's message box runs a loop of
// its own that wx cannot end, and the tray would wait for the user's answer.
#pragma once

#include <wx/string.h>
#include <wx/window.h>

namespace limber::tray {

// As wxMessageBox: `style` takes wxOK, wxYES_NO, wxCANCEL, wxNO_DEFAULT and the wxICON_*
// flags; returns wxOK, wxYES, wxNO or wxCANCEL (wxCANCEL also when quitting ended it).
int message_box(const wxString& message, const wxString& caption, long style, wxWindow* parent = nullptr);

}  // namespace limber::tray
