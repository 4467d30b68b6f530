// GTK: the name goes on the widget's ATK object, which the AT-SPI bridge publishes. (Other
// ports get their own file beside this one.)
#include "accessible.hpp"

#include <wx/window.h>

#include <gtk/gtk.h>

namespace limber::tray {

void set_accessible_name(wxWindow* window, const wxString& name)
{
    if (!window) return;
    window->SetName(name);
    GtkWidget* widget = window->GetHandle();
    if (!widget) return;
    if (AtkObject* object = gtk_widget_get_accessible(widget)) atk_object_set_name(object, name.utf8_str());
}

}  // namespace limber::tray
