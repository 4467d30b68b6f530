#include "status_view.hpp"

#include "i18n.hpp"

#include "limber/hold.hpp"

namespace limber::tray {

wxString hold_text(const std::string& code)
{
    const HoldReason r = HoldReason::parse(code);
    const wxString who = wxString::FromUTF8(r.detail);
    switch (r.kind) {
    case HoldKind::Microphone:
    case HoldKind::Camera: return _("you are on a call");
    case HoldKind::Fullscreen: return who.empty() ? _("a window is full screen") : wxString::Format(_("%s is full screen"), who);
    case HoldKind::Inhibitors:
        return who.empty() ? _("something keeps the screen awake") : wxString::Format(_("%s keeps the screen awake"), who);
    case HoldKind::DoNotDisturb: return _("do not disturb is on");
    case HoldKind::Apps: return wxString::Format(_("%s is running"), who);
    }
    return who;
}

StatusView StatusView::not_running()
{
    StatusView v;
    v.look = Look::NotRunning;
    v.tooltip = _("Limber is not running").utf8_string();
    v.menu_line = v.tooltip;
    return v;
}

StatusView StatusView::from(const protocol::StatusReport& report, std::string (*clock)(const std::string&))
{
    StatusView v;
    const Status& s = report.schedule;
    const long long earned = s.earned.count();
    const long long left = s.until_due ? s.until_due->count() : 0;
    v.remaining = earned + left > 0 ? static_cast<double>(left) / static_cast<double>(earned + left) : 1.0;
    v.next_routine = s.next_routine;
    v.can_snooze = s.phase == Phase::Due && s.snoozes_left > 0;
    if (!report.config_error.empty()) v.config_error = report.config_error;
    if (!s.hold.empty()) {
        v.hold = s.hold;
        v.call = HoldReason::parse(v.hold).is_call() || HoldReason::parse(v.hold).kind == HoldKind::DoNotDisturb;
        v.hold_long = s.hold_long && s.hold_on.has_value();
    }
    // How long the signal has been on, to the minute below ("2 h 14 min"), once that is long.
    const wxString hold_on = v.hold_long ? wxString::FromUTF8(minutes_text(s.hold_on->count() / 60 * 60)) : wxString();
    switch (s.phase) {
    case Phase::Held:
        // A waiting break is no alarm: the icon rests, and the words say why.
        v.look = Look::Paused;
        if (v.hold_long) {
            // A signal on for hours may be stuck: say how long, so it is seen.
            v.tooltip = wxString::Format(_("Breaks held for %s while %s"), hold_on, hold_text(v.hold)).utf8_string();
        } else if (!v.hold.empty()) {
            v.tooltip = wxString::Format(_("Your break waits while %s"), hold_text(v.hold)).utf8_string();
        } else {
            const long long in = s.offer_in ? s.offer_in->count() : 0;
            v.tooltip = wxString::Format(_("Your break waited; it comes in %s"), wxString::FromUTF8(minutes_text(in))).utf8_string();
        }
        break;
    case Phase::Due:
        v.look = Look::Due;
        v.tooltip = _("Break due").utf8_string();
        break;
    case Phase::InBreak:
        v.look = Look::InBreak;
        v.in_break = true;
        v.in_break_routine = s.in_break_routine;
        v.tooltip = _("Taking a break").utf8_string();
        break;
    case Phase::Paused:
        v.look = Look::Paused;
        v.paused = true;
        v.tooltip = (s.paused_until ? wxString::Format(_("Paused until %s"), wxString::FromUTF8(clock(protocol::iso8601_utc(*s.paused_until))))
                                    : _("Paused")).utf8_string();
        break;
    case Phase::Away:
        v.look = Look::Away;
        v.remaining = 1.0;
        v.tooltip = _("Away: this counts as a break").utf8_string();
        break;
    case Phase::OffHours:
        v.look = Look::OffHours;
        v.tooltip = _("Outside working hours").utf8_string();
        break;
    case Phase::Working:
        v.look = Look::Counting;
        v.tooltip = wxString::Format(_("Next break in %s"), wxString::FromUTF8(minutes_text(left))).utf8_string();
        if (v.hold_long)
            v.tooltip = wxString::Format(_("Next break in %s; breaks held for %s while %s"), wxString::FromUTF8(minutes_text(left)),
                                         hold_on, hold_text(v.hold)).utf8_string();
        else if (!v.hold.empty())
            v.tooltip = wxString::Format(_("Next break in %s; it will wait while %s"), wxString::FromUTF8(minutes_text(left)),
                                         hold_text(v.hold)).utf8_string();
        break;
    }
    v.menu_line = v.tooltip;
    return v;
}

}  // namespace limber::tray
