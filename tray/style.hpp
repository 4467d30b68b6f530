// Limber's look in one place: its colours, and text in a given colour and size.
#pragma once

#include <wx/colour.h>
#include <wx/stattext.h>

namespace limber::tray::style {

inline const wxColour ink(38, 50, 56);            // body text
inline const wxColour muted(96, 110, 116);        // secondary text
inline const wxColour teal(42, 157, 143);         // Limber's colour: progress, the figure
inline const wxColour warm(231, 111, 81);         // attention: a due break, longest sitting
inline const wxColour warm_text(200, 80, 50);     // warm, dark enough to read as text on white
inline const wxColour grey(140, 140, 140);        // off, not running
inline const wxColour icon_track(200, 208, 206);  // the empty part of the tray ring
inline const wxColour chart_track(232, 238, 237); // the empty part of a chart bar

// A label in `colour`, its font scaled by `scale` and bold if asked.
inline wxStaticText* text(wxWindow* parent, const wxString& label, const wxColour& colour, double scale = 1.0,
                          bool bold = false)
{
    auto* t = new wxStaticText(parent, wxID_ANY, label);
    wxFont f = t->GetFont();
    if (scale != 1.0) f.SetFractionalPointSize(f.GetFractionalPointSize() * scale);
    if (bold) f.MakeBold();
    t->SetFont(f);
    t->SetForegroundColour(colour);
    return t;
}

}  // namespace limber::tray::style
