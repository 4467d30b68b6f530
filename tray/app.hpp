// limber-tray's application object: the link to limberd, the tray icon, notifications, and
// the windows it opens on demand (routine popup, break card, summary, settings).
#pragma once

#include "daemon_link.hpp"
#include "limber/catalog.hpp"
#include "limber/cues.hpp"
#include "guide.hpp"
#include "model/tray_model.hpp"
#include "status_view.hpp"

#include <wx/app.h>
#include <wx/notifmsg.h>
#include <wx/timer.h>
#include <wx/weakref.h>

#include <memory>
#include <optional>

namespace limber::tray {

class Indicator;
class RoutinePopup;
class BreakCard;
class SummaryWindow;
class WelcomeWindow;
class HomeWindow;
class OneInstance;

class TrayApp final : public wxApp {
public:
    bool OnInit() override;
    int OnRun() override;
    int OnExit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;

    // What the menu, the card and the notification do.
    void start_routine(const std::string& routine);
    void snooze();
    void skip();
    void pause_for(Seconds length);
    void pause_until_tomorrow();
    void resume();
    // The weekly summary window, at `week` ("2026-W48"), or this week.
    void show_summary(const std::string& week = {});
    void show_settings();
    void show_about();
    // The home window: opened, or raised when it is open.
    void show_home();
    // What --show names (home, start[:ROUTINE], summary, settings, welcome...), at start or
    // asked by a second limber-tray.
    void show(const std::string& what);
    // Asks limberd for its status now (limberd pushes one only when something changes; the home
    // window asks each minute while it is open, so its minutes move).
    void request_status();
    // Before the first routine: the welcome, until acknowledged. True when it is shown and
    // `then` waits for "I understand". `again` shows it even when acknowledged (--show welcome).
    bool welcome_first(std::function<void()> then, bool again = false);
    void start_daemon();
    void quit();

    [[nodiscard]] const StatusView& view() const { return view_; }
    [[nodiscard]] const Catalog& catalog() const { return catalog_; }
    [[nodiscard]] DaemonLink& link() { return *link_; }
    [[nodiscard]] bool connected() const { return model_.running(); }
    [[nodiscard]] Offers offers() const { return model_.offers(); }
    [[nodiscard]] const std::optional<protocol::StatusReport>& status() const { return model_.status(); }

private:
    void on_connected(const nlohmann::json& status);
    void on_disconnected();
    void on_event(const protocol::PushedEvent& event);
    // A status from limberd, read; one that cannot be read is logged and changes nothing.
    void apply(const nlohmann::json& status);
    void apply(const protocol::StatusReport& status);
    void refresh_icon();
    // Today's figures for the home window, asked of limberd when it is open.
    void refresh_today();
    // `waited`: the break was held by smart pause and is offered now that the user is free.
    void notify_due(const std::string& routine, bool waited = false);
    // Once a week, at the first activity of a new week: last week's headline, which opens the summary.
    void offer_last_week();
    void withdraw_due();
    // A moment of a routine: its sound, and its words when spoken guidance is on.
    void on_cue(const limber::Cue& cue);
    // The popup's one-time "Guide me by voice": whether to offer it, and saying yes.
    bool offer_voice();
    void enable_voice();
    void open_popup(const protocol::StartReport& started);
    // A routine began (here or elsewhere) and wants its guide: the popup shows it, raised if it
    // already does, replacing a popup of another routine or one already over.
    void guide_routine(const protocol::StartReport& started);
    // Sends a command; its status (when the reply carries one) is applied, its refusal shown.
    void command(protocol::Verb verb, protocol::Args args = {});
    void error(const std::string& message);

    Catalog catalog_;
    std::unique_ptr<DaemonLink> link_;
    Indicator* icon_ = nullptr;
    wxWeakRef<RoutinePopup> popup_;
    std::string popup_routine_;  // the routine popup_ guides
    wxWeakRef<BreakCard> card_;
    wxWeakRef<SummaryWindow> summary_;
    wxWeakRef<WelcomeWindow> welcome_;
    wxWeakRef<HomeWindow> home_;
    std::unique_ptr<wxNotificationMessage> notification_;  // kept alive, or its events never arrive
    std::unique_ptr<wxNotificationMessage> weekly_notice_;
    Guide guide_{catalog_};
    bool voice_here_ = false;  // turned on from the popup, before limberd has read the file
    TrayModel model_;
    StatusView view_ = StatusView::not_running();
    wxTimer minute_;  // the ring moves at most once a minute
    std::string socket_;
    std::string show_;  // --show: open this window at start (screenshots, tests)
    bool notifications_ = true;
    bool home_at_start_ = true;
    bool socket_given_ = false;  // --socket: a limberd of the caller's, never started from here
    std::unique_ptr<OneInstance> one_;
    std::optional<int> leave_with_;  // another tray took the request: this one leaves at once  // --no-home: not even without a tray (a status bar of one's own, tests)
    // The modal dialogs showing, innermost last: quitting ends them one at a time, from the
    // inside out, as each one's loop returns (a dialog's loop ends only while it is innermost).
    class ModalStack;
    std::unique_ptr<ModalStack> modal_;
    bool quitting_ = false;
    int last_icon_minute_ = -1;
    StatusView::Look last_icon_look_ = StatusView::Look::NotRunning;
    std::string last_icon_tooltip_;
};

// Display name of a routine id ("single:cat-cow" -> "Cat-cow").
std::string routine_name(const Catalog& catalog, const std::string& id);
// About how long a routine takes, for people ("3 min"; "a few minutes" for an unknown one).
std::string routine_length(const Catalog& catalog, const std::string& id);

}  // namespace limber::tray

// wxGetApp(), defined with the app in app.cpp.
wxDECLARE_APP(limber::tray::TrayApp);
