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
    case HoldKind::Inhibitor:
        return who.empty() ? _("something keeps the screen awake") : wxString::Format(_("%s keeps the screen awake"), who);
    case HoldKind::DoNotDisturb: return _("do not disturb is on");
    case HoldKind::App: return wxString::Format(_("%s is running"), who);
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

StatusView StatusView::from(const nlohmann::json& s, std::string (*clock)(const std::string&))
{
    StatusView v;
    const std::string phase = s.value("phase", "working");
    const long long earned = s.value("earned_seconds", 0LL);
    const long long left = s["until_due_seconds"].is_number() ? s["until_due_seconds"].get<long long>() : 0;
    v.remaining = earned + left > 0 ? static_cast<double>(left) / static_cast<double>(earned + left) : 1.0;
    v.next_routine = s.value("next_routine", "");
    v.can_snooze = phase == "due" && s.value("snoozes_left", 0) > 0;
    if (s.contains("config_error") && s["config_error"].is_string()) v.config_error = s["config_error"].get<std::string>();
    if (s.contains("hold") && s["hold"].is_string()) {
        v.hold = s["hold"].get<std::string>();
        v.call = HoldReason::parse(v.hold).is_call() || HoldReason::parse(v.hold).kind == HoldKind::DoNotDisturb;
        v.hold_long = s.value("hold_long", false) && s.contains("hold_on_seconds") && s["hold_on_seconds"].is_number();
    }
    // How long the signal has been on, to the minute below ("2 h 14 min"), once that is long.
    const wxString hold_on =
        v.hold_long ? wxString::FromUTF8(minutes_text(s["hold_on_seconds"].get<long long>() / 60 * 60)) : wxString();
    if (phase == "held") {
        // A waiting break is no alarm: the icon rests, and the words say why.
        v.look = Look::Paused;
        if (v.hold_long) {
            // A signal on for hours may be stuck: say how long, so it is seen.
            v.tooltip = wxString::Format(_("Breaks held for %s while %s"), hold_on, hold_text(v.hold)).utf8_string();
        } else if (!v.hold.empty()) {
            v.tooltip = wxString::Format(_("Your break waits while %s"), hold_text(v.hold)).utf8_string();
        } else {
            const long long in = s["offer_in_seconds"].is_number() ? s["offer_in_seconds"].get<long long>() : 0;
            v.tooltip = wxString::Format(_("Your break waited; it comes in %s"), wxString::FromUTF8(minutes_text(in))).utf8_string();
        }
    } else if (phase == "due") {
        v.look = Look::Due;
        v.tooltip = _("Break due").utf8_string();
    } else if (phase == "in_break") {
        v.look = Look::InBreak;
        v.in_break = true;
        v.in_break_routine = s["in_break_routine"].is_string() ? s["in_break_routine"].get<std::string>() : "";
        v.tooltip = _("Taking a break").utf8_string();
    } else if (phase == "paused") {
        v.look = Look::Paused;
        v.paused = true;
        v.tooltip = (s["paused_until"].is_string() ? wxString::Format(_("Paused until %s"), wxString::FromUTF8(clock(s["paused_until"].get<std::string>()))) : _("Paused")).utf8_string();
    } else if (phase == "away") {
        v.look = Look::Away;
        v.remaining = 1.0;
        v.tooltip = _("Away: this counts as a break").utf8_string();
    } else if (phase == "off_hours") {
        v.look = Look::OffHours;
        v.tooltip = _("Outside working hours").utf8_string();
    } else {
        v.look = Look::Counting;
        v.tooltip = wxString::Format(_("Next break in %s"), wxString::FromUTF8(minutes_text(left))).utf8_string();
        if (v.hold_long)
            v.tooltip = wxString::Format(_("Next break in %s; breaks held for %s while %s"), wxString::FromUTF8(minutes_text(left)),
                                         hold_on, hold_text(v.hold)).utf8_string();
        else if (!v.hold.empty())
            v.tooltip = wxString::Format(_("Next break in %s; it will wait while %s"), wxString::FromUTF8(minutes_text(left)),
                                         hold_text(v.hold)).utf8_string();
    }
    v.menu_line = v.tooltip;
    return v;
}

}  // namespace limber::tray
