// Draws the tray icon at run time: a ring that empties as the next break approaches, and
// its own look when a break is due, when paused, and when limberd is not running.
#pragma once

#include "status_view.hpp"

#include <wx/bmpbndl.h>

namespace limber::tray {

// One bitmap at `size` pixels square.
wxBitmap paint_icon(StatusView::Look look, double remaining, int size);
// Every size a tray or HiDPI screen may ask for.
wxBitmapBundle icon_bundle(StatusView::Look look, double remaining);

}  // namespace limber::tray
