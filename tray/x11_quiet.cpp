#include "platform.hpp"

#include <gdk/gdk.h>
#ifdef GDK_WINDOWING_X11
#include <X11/XKBlib.h>
#include <gdk/gdkx.h>
#endif

namespace limber::tray {

void stop_waking_on_keys()
{
#ifdef GDK_WINDOWING_X11
    GdkDisplay* display = gdk_display_get_default();
    if (!display || !GDK_IS_X11_DISPLAY(display)) return;
    Display* x = gdk_x11_display_get_xdisplay(display);
    // Only changes of a lock (Caps Lock, the layout group) still reach us: GDK keeps its caps
    // lock and direction state from these, and the windows we show read modifiers from their
    // own key events when focused.
    XkbSelectEventDetails(x, XkbUseCoreKbd, XkbStateNotify, XkbAllStateComponentsMask, XkbModifierLockMask | XkbGroupLockMask);
    XFlush(x);
#endif
}

}  // namespace limber::tray
