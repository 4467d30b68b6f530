// Limber's home: the one window a desktop without a tray shows, and what a click on the icon
// or a second launch opens. It renders what the menu renders (the status, TrayModel's
// Offers) and today's figures, and it holds no schedule logic: every button is a request to
// limberd through the app.
#pragma once

#include "model/tray_model.hpp"
#include "status_view.hpp"

#include <wx/frame.h>
#include <wx/timer.h>

#include <functional>
#include <string>
#include <vector>

class wxButton;
class wxChoice;
class wxStaticText;

namespace limber::tray {

class TrayApp;

class HomeWindow final : public wxFrame {
public:
    explicit HomeWindow(TrayApp& app);
    // The state and what can be done, from the app's last status.
    void refresh();
    void set_today(const TodayLine& today);
    // No panel shows Limber's icon: the first close says, in the window, how to come back.
    // `told_before` says whether that was said in an earlier run.
    void set_without_tray(bool without_tray, bool told_before);
    // Whether the once-said note is showing (it was asked to close and said it instead).
    [[nodiscard]] bool telling() const { return telling_; }
    // Called once the note has been shown, so it is kept for the next runs.
    std::function<void()> on_told;

private:
    void on_close(wxCloseEvent& event);
    void start_other();

    TrayApp& app_;
    wxStaticText* state_ = nullptr;
    wxStaticText* detail_ = nullptr;
    wxStaticText* today_ = nullptr;
    wxStaticText* next_ = nullptr;
    wxButton* start_ = nullptr;
    wxChoice* other_ = nullptr;
    wxButton* start_other_ = nullptr;
    wxButton* snooze_ = nullptr;
    wxButton* skip_ = nullptr;
    wxButton* pause_ = nullptr;
    wxButton* resume_ = nullptr;
    wxButton* summary_ = nullptr;
    wxStaticText* note_ = nullptr;
    std::vector<std::string> other_ids_;
    wxTimer minute_;  // while shown: limberd's status again, so "Next break in" and "Sitting for" move
    int wrap_ = 400;  // the width text wraps at, in pixels
    bool without_tray_ = false;
    bool told_ = false;
    bool telling_ = false;
};

}  // namespace limber::tray
