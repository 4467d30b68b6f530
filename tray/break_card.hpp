// The compact "time for a break" card, shown where no notification service answers.
#pragma once

#include <wx/frame.h>

#include <functional>
#include <string>

namespace limber::tray {

class BreakCard final : public wxFrame {
public:
    struct Actions {
        std::function<void()> start;
        std::function<void()> snooze;
        std::function<void()> skip;
    };
    BreakCard(const std::string& routine_name, const std::string& length, bool can_snooze, Actions actions);
};

}  // namespace limber::tray
