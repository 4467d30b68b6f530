// Names for screen readers where a control's own label gives none: a picture, a drawn
// countdown or chart, a field whose label is a separate text, a button showing only "‹".
#pragma once

#include <wx/string.h>

class wxWindow;

namespace limber::tray {

// The name assistive technologies (AT-SPI on Linux) read for `window`.
void set_accessible_name(wxWindow* window, const wxString& name);

}  // namespace limber::tray
