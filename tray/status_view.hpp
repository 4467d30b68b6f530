// What the tray shows for a daemon status: words for the tooltip and menu, and the icon's
// state. Pure: tested without a display.
#pragma once

#include "client/time_text.hpp"

#include "limber/protocol.hpp"

#include <wx/string.h>

#include <optional>
#include <string>

namespace limber::tray {

struct StatusView {
    enum class Look { Counting, Due, Paused, Away, InBreak, OffHours, NotRunning };
    Look look = Look::NotRunning;
    double remaining = 1.0;          // share of the interval still to sit, 1 just after a break
    std::string tooltip;             // "Next break in 23 min"
    std::string menu_line;           // the same, for the first menu item
    std::string next_routine;        // id
    bool can_snooze = false;
    bool paused = false;
    bool in_break = false;
    std::string in_break_routine;
    std::optional<std::string> config_error;
    std::string hold;                // smart pause's signal on now ("microphone: Firefox"), or empty
    bool call = false;               // that signal is a call: the tray keeps quiet
    bool hold_long = false;          // that signal has been on for long (limber::long_hold): the words say so

    // `local_clock` turns an ISO 8601 UTC time into "14:30" in local time.
    static StatusView from(const protocol::StatusReport& status, std::string (*local_clock)(const std::string&));
    static StatusView not_running();
};

// Why breaks wait, for people: "you are on a call", "mpv is full screen".
wxString hold_text(const std::string& code);


}  // namespace limber::tray
