#include "icon_painter.hpp"

#include "style.hpp"

#include <wx/dcmemory.h>
#include <wx/graphics.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace limber::tray {
namespace {

using style::grey;
using style::teal;
using style::warm;
const wxColour& track = style::icon_track;

}  // namespace

wxBitmap paint_icon(StatusView::Look look, double remaining, int size)
{
    wxImage image(size, size);
    image.InitAlpha();
    std::fill_n(image.GetAlpha(), size * size, 0);
    wxBitmap bitmap(image, 32);
    wxMemoryDC dc(bitmap);
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return bitmap;
    gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
    const double s = size;
    const double width = std::max(2.0, s * 0.16);
    const double r = s / 2 - width / 2 - s * 0.04;
    const double c = s / 2;

    auto ring = [&](const wxColour& colour, double from, double to) {
        wxGraphicsPath path = gc->CreatePath();
        // From the arc's start: GDI+ (Windows) draws a line from (0,0) to it otherwise.
        path.MoveToPoint(c + r * std::cos(from), c + r * std::sin(from));
        path.AddArc(c, c, r, from, to, true);
        gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(colour, width).Cap(wxCAP_ROUND)));
        gc->StrokePath(path);
    };
    const double top = -std::numbers::pi / 2;
    switch (look) {
    case StatusView::Look::Counting:
    case StatusView::Look::OffHours: {
        ring(track, 0, 2 * std::numbers::pi);
        const double share = std::clamp(remaining, 0.0, 1.0);
        if (share > 0.01) ring(look == StatusView::Look::OffHours ? grey : teal, top, top + 2 * std::numbers::pi * share);
        break;
    }
    case StatusView::Look::Away:
    case StatusView::Look::InBreak:
        ring(teal, 0, 2 * std::numbers::pi);
        gc->SetBrush(wxBrush(teal));
        gc->SetPen(*wxTRANSPARENT_PEN);
        gc->DrawEllipse(c - s * 0.12, c - s * 0.12, s * 0.24, s * 0.24);
        break;
    case StatusView::Look::Due:
        gc->SetBrush(wxBrush(warm));
        gc->SetPen(*wxTRANSPARENT_PEN);
        gc->DrawEllipse(c - r - width / 2, c - r - width / 2, 2 * r + width, 2 * r + width);
        gc->SetBrush(wxBrush(*wxWHITE));
        gc->DrawEllipse(c - s * 0.09, c - s * 0.26, s * 0.18, s * 0.18);  // a head, arms up: stretch
        gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(*wxWHITE, std::max(1.5, s * 0.09)).Cap(wxCAP_ROUND)));
        gc->StrokeLine(c, c - s * 0.04, c, c + s * 0.22);
        gc->StrokeLine(c - s * 0.2, c - s * 0.2, c, c + s * 0.02);
        gc->StrokeLine(c + s * 0.2, c - s * 0.2, c, c + s * 0.02);
        break;
    case StatusView::Look::Paused: {
        ring(track, 0, 2 * std::numbers::pi);
        gc->SetBrush(wxBrush(grey));
        gc->SetPen(*wxTRANSPARENT_PEN);
        const double w = s * 0.12;
        const double h = s * 0.34;
        gc->DrawRoundedRectangle(c - w * 1.5, c - h / 2, w, h, w / 3);
        gc->DrawRoundedRectangle(c + w * 0.5, c - h / 2, w, h, w / 3);
        break;
    }
    case StatusView::Look::NotRunning:
        ring(grey, 0, 2 * std::numbers::pi);
        gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(grey, width * 0.8).Cap(wxCAP_ROUND)));
        gc->StrokeLine(c - r * 0.6, c + r * 0.6, c + r * 0.6, c - r * 0.6);
        break;
    }
    gc.reset();
    dc.SelectObject(wxNullBitmap);
    return bitmap;
}

wxBitmapBundle icon_bundle(StatusView::Look look, double remaining)
{
    wxVector<wxBitmap> bitmaps;
    for (int size : {16, 22, 24, 32, 48, 64}) bitmaps.push_back(paint_icon(look, remaining, size));
    return wxBitmapBundle::FromBitmaps(bitmaps);
}

}  // namespace limber::tray
