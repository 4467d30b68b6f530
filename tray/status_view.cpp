#include "status_view.hpp"

#include "i18n.hpp"

namespace limber::tray {

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
    if (phase == "due") {
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
    }
    v.menu_line = v.tooltip;
    return v;
}

}  // namespace limber::tray
