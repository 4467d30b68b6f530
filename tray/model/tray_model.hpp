// What the tray knows and decides, apart from how it is drawn: limberd's last status, whether
// it is reachable, what a pushed event asks of the tray (offer a break, warn, withdraw the
// offer, close a routine window), and what to offer once (last week's summary, spoken
// guidance). The icon, the menu, the notifications and the windows render it; TrayApp wires
// them. No wx, no files, no clock: tested on its own (tests/test_tray_model.cpp).
#pragma once

#include "limber/protocol.hpp"

#include <functional>
#include <optional>
#include <string>

namespace limber::tray {

// What a pushed event asks of the tray.
struct Reaction {
    enum class Offer {
        Keep,      // leave any offer of a break as it is
        BreakDue,  // offer `routine` now: a notification with Start / Not now, or the break card
        Warning,   // a break comes in a minute: say so, `routine` next
        Withdraw,  // the break started, was skipped, snoozed or settled: take the offer back
    };
    Offer offer = Offer::Keep;
    std::string routine;
    bool waited = false;       // the break waited for a smart-pause signal to end
    bool end_routine = false;  // a routine ended elsewhere: its window closes without reporting
    // A routine began, from here or anywhere else (limberctl, a status bar), and asks for its
    // guide: the routine window opens on it (PushedEvent::guide()).
    std::optional<protocol::StartReport> guide;
    friend bool operator==(const Reaction&, const Reaction&) = default;
};

// Last week in one line: breaks taken of due, or (with none due) time at the computer.
struct WeekHeadline {
    int percent_taken = 0;  // rounded; meaningful when due > 0
    int taken = 0;
    int due = 0;
    Seconds active{0};
    int streak_days = 0;
    std::string week;  // "2026-W48", for the summary window
    friend bool operator==(const WeekHeadline&, const WeekHeadline&) = default;
};

// Today's breaks and the streak, for the line under a finished routine and the home window.
struct TodayLine {
    int taken = 0;
    int due = 0;
    int streak_days = 0;
    Seconds active{0};  // keyboard and mouse time today
    friend bool operator==(const TodayLine&, const TodayLine&) = default;
};

// What the menu and the home window offer now, and whether each can be used: one answer for
// both, so they never disagree.
struct Offers {
    bool start_daemon = false;  // limberd is not running: offer to start it
    bool start = false;         // a routine can start (limberd runs, no routine is running)
    bool snooze = false;        // a break is due and snoozes are left
    bool skip = false;
    bool skip_due = false;      // the skip is of the break due now ("Skip this break"), not of the next
    bool pause = false;         // Pause can be used
    bool resume = false;        // paused: Resume takes Pause's place
    bool summary = false;
    friend bool operator==(const Offers&, const Offers&) = default;
};

class TrayModel {
public:
    // limberd answered (the connection's first status follows through apply()).
    void connected();
    // limberd went away, or was never there. True when the tray should start it: once, when it
    // was never reached since the tray started and `may_start` (not a test's window alone).
    bool disconnected(bool may_start);
    [[nodiscard]] bool running() const { return running_; }

    // A status from limberd. True when a call (or do-not-disturb) began with it: whatever is
    // being said stops.
    bool apply(const protocol::StatusReport& status);
    [[nodiscard]] const std::optional<protocol::StatusReport>& status() const { return status_; }

    // An event limberd pushed (other than a status, which goes to apply()). Throws
    // MessageError when its routine or detail is not a string.
    [[nodiscard]] static Reaction react(const protocol::PushedEvent& event);

    // Whether limberd's last status asks for sounds, for spoken guidance, lets the break be
    // snoozed (or there is no limberd to ask), and whether a call is on (the tray keeps quiet).
    [[nodiscard]] bool sounds() const { return running_ && status_ && status_->sounds; }
    [[nodiscard]] bool voice() const { return running_ && status_ && status_->voice; }
    [[nodiscard]] bool can_snooze() const { return !running_ || (status_ && status_->schedule.snoozes_left > 0); }
    [[nodiscard]] bool call() const { return call_; }
    [[nodiscard]] Offers offers() const;

    // The week whose summary to offer now, if any: at the first activity of a week not offered
    // before (`offered` reads the week last offered, which the caller keeps across restarts;
    // it is asked only when the week is new to this run). The caller then records the week
    // and fetches its summary.
    [[nodiscard]] std::optional<std::string> week_to_offer(const std::function<std::string()>& offered);
    // The headline for a finished week, or nothing when there is nothing to look back on (a
    // new user, a week off).
    [[nodiscard]] static std::optional<WeekHeadline> headline(const WeekFigures& week);

    // Whether to offer spoken guidance in a routine: once ever (`offered_before` says whether
    // it was), and only while limberd runs with the voice off.
    [[nodiscard]] bool offer_voice(bool offered_before) const { return running_ && !voice() && !offered_before; }

    [[nodiscard]] static TodayLine today(const protocol::SummaryReport& summary);

private:
    std::optional<protocol::StatusReport> status_;
    bool running_ = false;
    bool ever_connected_ = false;
    bool tried_starting_ = false;
    bool call_ = false;
    std::string week_checked_;
};

}  // namespace limber::tray
