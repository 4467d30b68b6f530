#include "app.hpp"

#include "break_card.hpp"
#include "client/runtime.hpp"
#include "home_window.hpp"
#include "limber/settings.hpp"
#include "routine_popup.hpp"
#include "settings_dialog.hpp"
#include "summary_window.hpp"
#include "i18n.hpp"
#include "indicator.hpp"
#include "tray_icon.hpp"
#include "welcome_window.hpp"
#include "message_box.hpp"
#include "one_instance.hpp"
#include "platform.hpp"

#include <wx/aboutdlg.h>
#include <wx/cmdline.h>
#include <wx/dialog.h>
#include <wx/log.h>
#include <wx/modalhook.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <vector>

namespace limber::tray {

using nlohmann::json;
using protocol::Verb;

std::string routine_name(const Catalog& catalog, const std::string& id)
{
    if (id.starts_with("single:")) {
        if (const Exercise* e = catalog.find_exercise(id.substr(7))) return e->name;
    }
    if (const Routine* r = catalog.find_routine(id)) return r->name;
    return id;
}

std::string routine_length(const Catalog& c, const std::string& id)
{
    std::optional<Routine> r;
    if (const Routine* found = c.find_routine(id)) r = *found;
    if (!r) return _("a few minutes").utf8_string();
    const auto s = c.length(*r, [](const Exercise& e) { return e.easiest(); });
    return wxString::Format(_("%d min"), static_cast<int>((s.count() + 30) / 60)).utf8_string();
}

namespace {

std::vector<std::pair<std::string, DoseStep>> plan_from(const protocol::StartReport& started, const Catalog& c)
{
    std::vector<std::pair<std::string, DoseStep>> out = started.plan;
    const std::string& routine = started.routine;
    if (out.empty()) {  // no daemon (screenshots): the easy end of every dose
        std::optional<Routine> r;
        if (routine.starts_with("single:")) {
            if (const Exercise* e = c.find_exercise(routine.substr(7))) r = c.single(*e);
        } else if (const Routine* found = c.find_routine(routine)) {
            r = *found;
        }
        if (r)
            for (const auto& id : r->exercises)
                if (const Exercise* e = c.find_exercise(id)) out.emplace_back(id, e->easiest());
    }
    return out;
}

// "3 of 4 breaks today · a 2-day streak": the result panel's line.
wxString result_line(const TodayLine& today)
{
    const wxString breaks = today.due > 0 ? wxString::Format(wxPLURAL("%d of %d break today", "%d of %d breaks today", today.due), today.taken, today.due)
                                          : wxString(_("No break was due yet today"));
    return breaks + "\n" + wxString::Format(wxPLURAL("Streak: %d day with a routine done", "Streak: %d days with a routine done", today.streak_days), today.streak_days);
}

}  // namespace

void TrayApp::OnInitCmdLine(wxCmdLineParser& parser)
{
    wxApp::OnInitCmdLine(parser);
    parser.AddOption("", "socket", "limberd's control socket (default: $XDG_RUNTIME_DIR/limber/limberd.sock)");
    parser.AddOption("", "show", "show at start, or in the limber-tray already running: home, start[:ROUTINE], summary, settings or welcome (and popup[:ROUTINE], card or menu, for screenshots and tests)");
    parser.AddSwitch("", "no-notifications", "show the break card instead of desktop notifications");
    parser.AddSwitch("", "no-home", "do not open the home window at start, even on a desktop without a tray");
}

bool TrayApp::OnCmdLineParsed(wxCmdLineParser& parser)
{
    wxString v;
    if (parser.Found("socket", &v)) socket_ = v.ToStdString();
    socket_given_ = !socket_.empty();
    if (parser.Found("show", &v)) show_ = v.ToStdString();
    notifications_ = !parser.Found("no-notifications");
    home_at_start_ = !parser.Found("no-home");
    return wxApp::OnCmdLineParsed(parser);
}

bool TrayApp::OnInit()
{
    if (!wxApp::OnInit()) return false;
    SetAppName("limber");
    SetAppDisplayName("Limber");
    // The tray lives in the tray: closing the last window (a popup, the summary) is not quitting.
    SetExitOnFrameDelete(false);
    // The session ending (SIGTERM; WM_ENDSESSION on Windows), Ctrl+C in a terminal and a
    // closed terminal leave as Quit does: windows closed, the daemon link shut, exit status 0.
    quit_with_session([] { wxGetApp().quit(); });
    // Diagnostics go to stderr (the journal), never into a dialog in the user's way.
    delete wxLog::SetActiveTarget(new wxLogStderr);
    // One tray per session: a second one hands what it was asked to show to the first.
    one_ = std::make_unique<OneInstance>(runtime_paths().runtime_dir);
    switch (one_->claim(show_.empty() ? "home" : show_)) {
    case OneInstance::Role::HandedOver:
        leave_with_ = 0;
        return true;
    case OneInstance::Role::NoAnswer:
        std::fprintf(stderr, "limber-tray: another limber-tray is running but did not answer; close it, or end it with "
                             "'pkill -x limber-tray'\n");
        leave_with_ = 1;
        return true;
    case OneInstance::Role::First: break;
    }
    modal_ = std::make_unique<ModalStack>(*this);
    use_native_notifications();
    load_translations();
    stop_waking_on_keys();
    const Paths paths = runtime_paths();
    try {
        catalog_ = load_catalog(paths.exercises().string(), paths.routines().string());
    } catch (const std::exception& e) {
        message_box(wxString::FromUTF8(e.what()), _("Limber cannot start"), wxOK | wxICON_ERROR);
        return false;
    }
    if (socket_.empty()) socket_ = control_socket(paths).string();
    link_ = std::make_unique<DaemonLink>(socket_, DaemonLink::Handlers{
                                                      [this](const json& s) { on_connected(s); },
                                                      [this] { on_disconnected(); },
                                                      [this](const protocol::PushedEvent& e) { on_event(e); },
                                                  });
    icon_ = make_indicator(*this).release();
    refresh_icon();
    minute_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { refresh_icon(); });
    minute_.Start(60 * 1000);
    link_->start();

    if (show_.empty() && home_at_start_ && !tray_host_present()) {
        // No panel shows the icon (stock GNOME, a bare compositor): without this window,
        // launching Limber would show nothing at all.
        wxLogMessage("no tray on this desktop; showing the home window");
        show_home();
    }
    if (!show_.empty()) show(show_);
    if (show_.empty() || show_ == "home") welcome_first({});  // the first run's safety screen
    one_->serve([this](const std::string& what) { show(what); });
    return true;
}

int TrayApp::OnRun() { return leave_with_ ? *leave_with_ : wxApp::OnRun(); }

void TrayApp::show(const std::string& what)
{
    const auto routine_in = [&](std::size_t prefix) { return what.size() > prefix ? what.substr(prefix) : "quick-daily-reset"; };
    if (what == "home") show_home();
    else if (what == "start" || what.starts_with("start:")) start_routine(routine_in(6));
    else if (what == "summary") show_summary();
    else if (what == "settings") CallAfter([this] { show_settings(); });
    else if (what == "welcome") welcome_first({}, true);
    // For screenshots and tests: the popup without limberd, the card, the menu in a window.
    else if (what == "popup" || what.starts_with("popup:")) open_popup({routine_in(6), {}});
    else if (what == "card") notify_due("quick-daily-reset");
    else if (what == "menu") CallAfter([this] {
        // A stand-in window holds the menu where a screenshot can see it.
        auto* frame = new wxFrame(nullptr, wxID_ANY, "Limber menu", wxPoint(20, 20), wxSize(10, 10), wxFRAME_NO_TASKBAR | wxBORDER_NONE);
        frame->Show();
        frame->PopupMenu(build_menu(*this), 0, 0);
    });
    else wxLogWarning("nothing to show called \"%s\" (home, start[:ROUTINE], summary, settings or welcome)", what);
}

int TrayApp::OnExit()
{
    minute_.Stop();
    modal_.reset();
    link_.reset();
    delete icon_;
    icon_ = nullptr;
    return wxApp::OnExit();
}

void TrayApp::apply(const json& status)
{
    try {
        apply(protocol::StatusReport::from_json(status));
    } catch (const MessageError& e) {
        wxLogWarning("cannot read limberd's status: %s", e.what());
    }
}

void TrayApp::apply(const protocol::StatusReport& status)
{
    const bool call_began = model_.apply(status);
    view_ = StatusView::from(status, &local_clock);
    if (call_began) guide_.hush();  // a call began mid-sentence
    refresh_icon();
    if (home_) home_->refresh();
    offer_last_week();
}

void TrayApp::offer_last_week()
{
    // The first activity of a new week by limberd's calendar; at most once a week, even across
    // restarts of the tray (the week it was offered for is kept in the state directory).
    const auto file = runtime_paths().state_dir / "weekly-summary-offered";
    const auto week = model_.week_to_offer([&file] {
        std::ifstream in(file);
        std::string offered;
        std::getline(in, offered);
        return offered;
    });
    if (!week) return;
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    std::ofstream(file, std::ios::trunc) << *week << "\n";
    link_->request(Verb::Summary, protocol::SummaryArgs{*week}, [this](const Outcome& o) {
        if (!o.reply) {
            wxLogWarning("cannot read last week's summary: %s", o.message());
            return;
        }
        if (!o.ok()) return;
        std::optional<WeekHeadline> h;
        try {
            h = TrayModel::headline(protocol::SummaryReport::from_json(o.reply->result).summary.previous);
        } catch (const MessageError& e) {
            wxLogWarning("cannot read last week's summary: %s", e.what());
            return;
        }
        if (!h) return;  // nothing to look back on: a new user, or a week off
        const long long active = h->active.count();
        wxString headline = h->due > 0 ? wxString::Format(_("%d%% of breaks taken (%d of %d)."), h->percent_taken, h->taken, h->due)
                                       : wxString::Format(_("%d h %02d min at the computer, and no break came due."),
                                                          static_cast<int>(active / 3600), static_cast<int>(active / 60 % 60));
        if (h->streak_days > 1) headline += " " + wxString::Format(_("A %d-day streak."), h->streak_days);
        const std::string last_week = h->week;
        weekly_notice_ = std::make_unique<wxNotificationMessage>(_("Your last week with Limber"), headline);
        weekly_notice_->AddAction(wxID_OK, _("Open summary"));
        weekly_notice_->Bind(wxEVT_NOTIFICATION_MESSAGE_ACTION, [this, last_week](wxCommandEvent&) { show_summary(last_week); });
        weekly_notice_->Bind(wxEVT_NOTIFICATION_MESSAGE_CLICK, [this, last_week](wxCommandEvent&) { show_summary(last_week); });
        if (!weekly_notice_->Show(wxNotificationMessage::Timeout_Auto)) wxLogMessage("no notification service for last week's summary");
        else wxLogMessage("offered last week's summary (%s)", last_week);
    });
}

void TrayApp::refresh_icon()
{
    if (!icon_) return;
    double remaining = view_.remaining;
    // Between pushes the ring moves with the minutes that passed, at most once a minute.
    const int minute = static_cast<int>(std::time(nullptr) / 60);
    // New words (a call began or ended) are shown at once, whatever the minute.
    if (view_.look == last_icon_look_ && minute == last_icon_minute_ && view_.tooltip == last_icon_tooltip_) return;
    last_icon_look_ = view_.look;
    last_icon_tooltip_ = view_.tooltip;
    last_icon_minute_ = minute;
    icon_->update(view_, remaining);
}

void TrayApp::on_connected(const json& status)
{
    model_.connected();
    apply(status);
    refresh_today();
    last_icon_minute_ = -1;
    refresh_icon();
}

void TrayApp::on_disconnected()
{
    // Started at login without systemd: bring the daemon up once (not for a window shown alone).
    // (Not for a window shown alone, --show popup, settings... in screenshots and tests, nor
    // for a limberd at a --socket of someone else's: the one started would not listen there.)
    const bool may_start = !socket_given_ && (show_.empty() || show_ == "home" || show_ == "start" || show_.starts_with("start:"));
    if (model_.disconnected(may_start)) {
        wxLogMessage("limberd is not running; starting it");
        start_daemon();
    }
    view_ = StatusView::not_running();
    last_icon_minute_ = -1;
    refresh_icon();
    if (home_) home_->refresh();
}

void TrayApp::on_event(const protocol::PushedEvent& e)
{
    if (e.kind == protocol::PushedEvent::Kind::Status) {
        const auto before = view_.look;
        apply(e.data);
        if (before != view_.look) {
            last_icon_minute_ = -1;
            refresh_icon();
        }
        return;
    }
    Reaction r;
    try {
        r = TrayModel::react(e);
    } catch (const MessageError& m) {
        wxLogWarning("cannot read limberd's event: %s", m.what());
        return;
    }
    switch (r.offer) {
    case Reaction::Offer::BreakDue: notify_due(r.routine, r.waited); break;
    case Reaction::Offer::Warning:
        if (!notifications_) break;
        notification_ = std::make_unique<wxNotificationMessage>(_("A break in a minute"),
                                                                wxString::Format(_("Finish what you're doing; %s is next."), wxString::FromUTF8(routine_name(catalog_, r.routine))));
        notification_->Show(60);
        break;
    case Reaction::Offer::Withdraw: withdraw_due(); break;
    case Reaction::Offer::Keep: break;
    }
    if (r.end_routine && popup_ && !popup_->reported_end()) popup_->ended_elsewhere();
    if (r.guide) guide_routine(*r.guide);
    if (r.offer != Reaction::Offer::Keep || r.end_routine) refresh_today();  // a break came, went or was done
}

void TrayApp::refresh_today()
{
    if (!home_ || !connected()) return;
    link_->request(Verb::Summary, protocol::SummaryArgs{""}, for_window(home_.get(), [](HomeWindow& w, const Outcome& o) {
        if (!o.ok()) return;
        try {
            w.set_today(TrayModel::today(protocol::SummaryReport::from_json(o.reply->result)));
        } catch (const MessageError& e) {
            wxLogWarning("cannot read limberd's summary: %s", e.what());
        }
    }));
}

void TrayApp::request_status()
{
    if (!connected()) return;
    link_->request(Verb::Status, {}, [this](const Outcome& o) {
        if (o.ok()) apply(o.reply->result);
    });
}

void TrayApp::show_home()
{
    if (!home_) {
        auto* w = new HomeWindow(*this);
        const auto told = runtime_paths().state_dir / "home-close-explained";
        std::error_code ec;
        w->set_without_tray(!tray_host_present(), std::filesystem::exists(told, ec));
        w->on_told = [told] {
            std::error_code e;
            std::filesystem::create_directories(told.parent_path(), e);
            std::ofstream(told, std::ios::trunc) << "told\n";
        };
        home_ = w;
        w->Show();
        refresh_today();
    }
    home_->Show();
    home_->Raise();
}

void TrayApp::guide_routine(const protocol::StartReport& started)
{
    // The safety screen comes first, even for a routine started elsewhere; then its guide.
    if (welcome_first([this, started] { guide_routine(started); })) return;
    if (popup_ && !popup_->reported_end() && popup_routine_ == started.routine) return popup_->Raise();
    if (popup_) popup_->ended_elsewhere();  // another routine, or one already over: show the new one
    open_popup(started);
}

void TrayApp::notify_due(const std::string& routine, bool waited)
{
    withdraw_due();
    if (model_.sounds() && !model_.call()) guide_.sound(Sound::BreakDue);
    const std::string name = routine_name(catalog_, routine);
    if (notifications_) {
        const wxString length = wxString::FromUTF8(routine_length(catalog_, routine));
        notification_ = waited ? std::make_unique<wxNotificationMessage>(
                                     _("Ready for your break?"),
                                     wxString::Format(_("%s waited until you were free: about %s, whenever you like."),
                                                      wxString::FromUTF8(name), length))
                               : std::make_unique<wxNotificationMessage>(
                                     _("Time for a break"), wxString::Format(_("%s, about %s."), wxString::FromUTF8(name), length));
        // Where a notification cannot carry both buttons (Windows without toasts draws a
        // balloon), the card offers them instead.
        const bool actions = notification_->AddAction(wxID_OK, _("Start")) && notification_->AddAction(wxID_CANCEL, _("Not now"));
        notification_->Bind(wxEVT_NOTIFICATION_MESSAGE_ACTION, [this, routine](wxCommandEvent& ev) {
            if (ev.GetId() == wxID_OK) start_routine(routine);
            else snooze();
        });
        notification_->Bind(wxEVT_NOTIFICATION_MESSAGE_CLICK, [this, routine](wxCommandEvent&) { start_routine(routine); });
        if (!actions) {
            wxLogMessage("notifications here cannot offer Start and Not now; showing the break card");
            notification_.reset();
        } else if (notification_->Show(wxNotificationMessage::Timeout_Never)) {
            return;
        } else {
            wxLogWarning("no notification service answered; showing the break card");
        }
    }
    // No notification service answered: our own card, which never takes the keyboard.
    auto* card = new BreakCard(name, routine_length(catalog_, routine), model_.can_snooze(),
                               {[this, routine] { start_routine(routine); }, [this] { snooze(); }, [this] { skip(); }});
    card_ = card;
    card->ShowWithoutActivating();
}

void TrayApp::on_cue(const limber::Cue& cue)
{
    // During a call (or do not disturb) the routine goes on silently: the others would hear it.
    if (model_.call()) return;
    guide_.cue(cue, model_.sounds(), voice_here_ || model_.voice());
}

bool TrayApp::offer_voice()
{
    // Once: the first routine after the feature arrived, and only while the voice is off.
    const auto file = runtime_paths().state_dir / "voice-offered";
    std::error_code ec;
    if (!model_.offer_voice(std::filesystem::exists(file, ec))) return false;
    std::filesystem::create_directories(file.parent_path(), ec);
    std::ofstream(file, std::ios::trunc) << "offered\n";
    return true;
}

void TrayApp::enable_voice()
{
    voice_here_ = true;
    const Paths paths = runtime_paths();
    if (!save_setting(paths, catalog_, setting("sounds", "voice"), true))
        wxLogWarning("could not save voice = true in %s", paths.settings().string());
}

void TrayApp::withdraw_due()
{
    if (notification_) notification_->Close();
    if (card_) card_->Destroy();
}

void TrayApp::command(Verb verb, protocol::Args args)
{
    link_->request(verb, std::move(args), [this](const Outcome& o) {
        if (!o.ok()) return error(o.message());
        try {
            if (const auto status = protocol::StatusReport::in_reply(o.reply->result)) apply(*status);
        } catch (const MessageError& e) {
            wxLogWarning("cannot read limberd's status: %s", e.what());
        }
    });
}

void TrayApp::error(const std::string& message)
{
    message_box(wxString::FromUTF8(message), "Limber", wxOK | wxICON_INFORMATION);
}

void TrayApp::start_routine(const std::string& routine)
{
    withdraw_due();
    if (welcome_first([this, routine] { start_routine(routine); })) return;
    if (popup_) {
        popup_->Raise();
        return;
    }
    link_->request(Verb::Start, protocol::StartArgs{routine}, [this](const Outcome& o) {
        if (!o.ok()) return error(o.message());
        if (popup_) return popup_->Raise();  // asked twice before the first reply came
        try {
            open_popup(protocol::StartReport::from_json(o.reply->result));
        } catch (const MessageError& e) {
            error(e.what());
        }
    });
}

void TrayApp::open_popup(const protocol::StartReport& started)
{
    auto* popup = new RoutinePopup(
        catalog_, routine_name(catalog_, started.routine), plan_from(started, catalog_), runtime_paths().data_dir / "illustrations",
        {[this](const std::string& exercise, int reps, int hold, std::optional<Rating> rating) {
             protocol::StepArgs a;
             a.exercise = exercise;
             a.reps = reps;
             a.hold_seconds = hold;
             if (rating) a.feedback = protocol::feedback_of(*rating);
             if (connected()) command(Verb::Step, a);
         },
         [this](bool completed, const std::string& why) {
             if (!completed) guide_.hush();
             if (connected()) command(Verb::Finish, protocol::FinishArgs{completed, why});
         },
         [this] {
             guide_.hush();
             if (connected()) command(Verb::Skip);
         },
         [this](const limber::Cue& c) { on_cue(c); },
         [this] { return offer_voice(); },
         [this] { enable_voice(); },
         [this](std::function<void(const std::string&)> deliver) {
             // After the routine's own finish, on the same line to limberd: today counts it.
             if (!connected()) return;
             link_->request(Verb::Summary, protocol::SummaryArgs{""}, [deliver = std::move(deliver)](const Outcome& o) {
                 if (!o.ok()) return;
                 try {
                     deliver(result_line(TrayModel::today(protocol::SummaryReport::from_json(o.reply->result))).utf8_string());
                 } catch (const MessageError& e) {
                     wxLogWarning("cannot read limberd's summary: %s", e.what());
                 }
             });
         }});
    popup_ = popup;
    popup_routine_ = started.routine;
    popup->ShowWithoutActivating();
}

void TrayApp::snooze() { command(Verb::Snooze); }
void TrayApp::skip() { command(Verb::Skip); }
void TrayApp::pause_for(Seconds length) { command(Verb::Pause, protocol::PauseArgs{length, false}); }
void TrayApp::pause_until_tomorrow() { command(Verb::Pause, protocol::PauseArgs{std::nullopt, true}); }
void TrayApp::resume() { command(Verb::Resume); }

void TrayApp::show_summary(const std::string& week)
{
    if (summary_) {
        summary_->show_week(week);
        summary_->Raise();
        return;
    }
    auto* w = new SummaryWindow(
        [this](const std::string& week, SummaryWindow& window) {
            link_->request(Verb::Summary, protocol::SummaryArgs{week}, for_window(&window, [](SummaryWindow& w, const Outcome& o) {
                if (!o.ok()) return w.show_error(o.message());
                try {
                    w.show_report(protocol::SummaryReport::from_json(o.reply->result));
                } catch (const MessageError& e) {
                    w.show_error(e.what());
                }
            }));
        },
        [this](const std::string& id) { return routine_name(catalog_, id); },
        [this](const std::string& from, const std::string& to, bool csv, const std::string& path, SummaryWindow& window) {
            link_->request(Verb::Export, protocol::ExportArgs{from, to, csv ? protocol::ExportFormat::Csv : protocol::ExportFormat::Json},
                           for_window(&window, [path](SummaryWindow& w, const Outcome& o) {
                               if (!o.ok()) return w.export_failed(o.message());
                               try {
                                   w.save_export(path, protocol::ExportReport::from_json(o.reply->result).content);
                               } catch (const MessageError& e) {
                                   w.export_failed(e.what());
                               }
                           }));
        });
    summary_ = w;
    w->show_week(week);
    w->Show();
}

void TrayApp::show_settings()
{
    const Paths paths = runtime_paths();
    Settings current;
    try {
        const auto file = std::filesystem::exists(paths.settings()) ? paths.settings() : paths.default_settings();
        current = load_settings(file.string(), catalog_);
    } catch (const std::exception& e) {
        error(_("Your settings file has a mistake; the dialog starts from the defaults.").utf8_string() + "\n" + e.what());
    }
    SettingsDialog dialog(nullptr, catalog_, current, paths.settings());
    dialog.ShowModal();
}

bool TrayApp::welcome_first(std::function<void()> then, bool again)
{
    if (welcome_) {
        if (then) welcome_->then(std::move(then));
        welcome_->Raise();
        return true;
    }
    if (!again && welcome_acknowledged()) return false;
    auto* w = new WelcomeWindow(catalog_.safety, std::move(then));
    welcome_ = w;
    w->Show();
    return true;
}

void TrayApp::show_about()
{
    wxAboutDialogInfo info;
    info.SetName("Limber");
    info.SetVersion(LIMBER_VERSION);
    info.SetDescription(_("Short breaks for your upper back, when you have sat long enough.\n"
                          "Exercises from a physiotherapy guide to postural upper-back pain."));
    info.SetCopyright(_("Limber developers"));
    wxAboutBox(info);
}

void TrayApp::start_daemon()
{
    const auto exe = limberd_program();
    const std::u8string name = exe.u8string();
    wxExecute(wxString::FromUTF8(reinterpret_cast<const char*>(name.c_str())), wxEXEC_ASYNC | wxEXEC_MAKE_GROUP_LEADER);
    link_->nudge();
}

// wx tells this hook as each ShowModal begins and returns.
class TrayApp::ModalStack final : public wxModalDialogHook {
public:
    explicit ModalStack(TrayApp& app) : app_(app) { Register(); }
    std::vector<wxDialog*> showing;

protected:
    int Enter(wxDialog* dialog) override
    {
        if (app_.quitting_) return wxID_CANCEL;  // quitting: a new question is answered Cancel, unseen
        showing.push_back(dialog);
        return wxID_NONE;
    }
    void Exit(wxDialog* dialog) override
    {
        std::erase(showing, dialog);
        // Its loop has returned: the next one out is innermost now, once its code has run on.
        if (app_.quitting_) app_.CallAfter([this] { app_.quit(); });
    }

private:
    TrayApp& app_;
};

void TrayApp::quit()
{
    // A modal dialog (settings, a message box over it, the export's file chooser) belongs to
    // the code that showed it, on its stack, and only the innermost one's loop can be ended:
    // ending an outer one would end the inner loop in its place and leave the outer running.
    // So the innermost is ended, and when its ShowModal has returned (ModalStack::Exit), the
    // next; then the main loop is left, and wx closes the other windows.
    quitting_ = true;
    if (modal_ && !modal_->showing.empty()) {
        wxDialog* innermost = modal_->showing.back();
        if (innermost->IsModal()) innermost->EndModal(wxID_CANCEL);
        return;
    }
    ExitMainLoop();
}

}  // namespace limber::tray

wxIMPLEMENT_APP_NO_MAIN(limber::tray::TrayApp);

// --help and --version answer without a display; everything else goes to wx.
int main(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--version") {
            std::printf("limber-tray %s\n", LIMBER_VERSION);
            return 0;
        }
        if (arg == "--help" || arg == "-h") {
            std::printf("Usage: limber-tray [--socket PATH] [--no-notifications] [--no-home] [--show WHAT]\n"
                        "Limber's tray icon, notifications and windows; a client of limberd.\n\n"
                        "  --socket PATH        limberd's control socket (default: $XDG_RUNTIME_DIR/limber/limberd.sock)\n"
                        "  --no-notifications   show the break card instead of desktop notifications\n"
                        "  --no-home            no home window at start, even on a desktop without a tray\n"
                        "  --show WHAT          home, start[:ROUTINE], summary, settings or welcome, at start or in\n"
                        "                       the limber-tray already running (and popup[:ROUTINE], card or menu,\n"
                        "                       for screenshots and tests)\n"
                        "  --version            print the version\n\n"
                        "One runs per session: a second one hands what it was asked to show (by default the\n"
                        "home window) to the first and leaves. When limberd is not running, limber-tray starts\n"
                        "it. Exit status: 0 after Quit, SIGTERM, SIGINT or SIGHUP (it closes its windows and\n"
                        "leaves as Quit does) or once the running one took the request; 1 when the running one\n"
                        "did not answer; 255 when no display can be opened or the catalog cannot be read.\n");
            return 0;
        }
    }
    limber::tray::before_toolkit();
    return wxEntry(argc, argv);
}
