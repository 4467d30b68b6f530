// The first-run welcome: what Limber is for, who should ask a healthcare provider before doing
// the exercises, and an "I understand" that is remembered in the user's config directory.
#pragma once

#include "limber/catalog.hpp"

#include <wx/frame.h>

#include <filesystem>
#include <functional>

namespace limber::tray {

// $XDG_CONFIG_HOME/limber/welcome-acknowledged, holding the date it was acknowledged.
std::filesystem::path welcome_file();
bool welcome_acknowledged();

class WelcomeWindow final : public wxFrame {
public:
    // `understood` runs after the acknowledgement is written (e.g. the routine that was asked for).
    WelcomeWindow(const SafetyAdvice& safety, std::function<void()> understood);
    // What to do once understood, replacing the earlier one.
    void then(std::function<void()> understood) { understood_ = std::move(understood); }

private:
    void acknowledge();
    std::function<void()> understood_;
};

}  // namespace limber::tray
