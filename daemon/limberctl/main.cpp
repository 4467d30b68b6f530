// limberctl: Limber from the command line. See `limberctl --help`.
#include "client/client.hpp"
#include "client/runtime.hpp"
#include "client/time_text.hpp"
#include "limber/duration.hpp"
#include "limber/hold.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

using limber::protocol::Reply;
using limber::protocol::Verb;
using nlohmann::json;

// Exit codes, listed in --help.
constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_usage = 2;
constexpr int exit_refused = 3;
constexpr int exit_not_found = 4;
constexpr int exit_not_running = 5;

struct Describe {
    std::string text;     // one line for people
    std::string short_;   // a few characters for a status bar
};

// Once a smart-pause signal has been on for long (limber::long_hold), a line saying so, so a
// signal stuck on is seen; else empty.
std::string long_hold_note(const limber::Status& s)
{
    if (!s.hold_long || s.hold.empty() || !s.hold_on) return "";
    const auto reason = limber::HoldReason::parse(s.hold);
    return reason.held_text(*s.hold_on) + ". If that is not right, limberctl start takes a break now.";
}

Describe describe(const limber::protocol::StatusReport& report)
{
    using limber::Phase;
    const limber::Status& s = report.schedule;
    const std::string routine = !report.next_routine_name.empty() ? report.next_routine_name : s.next_routine;
    const std::string hold = !s.hold.empty() ? limber::HoldReason::parse(s.hold).text() : "";
    switch (s.phase) {
    case Phase::Due: return {"Break due: " + routine, "break"};
    case Phase::Held: {
        if (!hold.empty()) return {"Break waiting while " + hold + ": " + routine, "held"};
        const long long in = s.offer_in ? s.offer_in->count() : 0;
        return {"Break waiting: offered in " + limber::minutes_text(in) + " (" + routine + ")", "held"};
    }
    case Phase::InBreak: return {"Doing " + s.in_break_routine, "break"};
    case Phase::Paused: {
        const auto until = s.paused_until ? limber::local_clock(limber::protocol::iso8601_utc(*s.paused_until)) : "";
        return {"Paused until " + until, "paused"};
    }
    case Phase::Away: return {"Away: this counts as a break", "away"};
    case Phase::OffHours: return {"Outside working hours", "off"};
    case Phase::Working: break;
    }
    const long long left = s.until_due ? s.until_due->count() : 0;
    std::string text = "Next break in " + limber::minutes_text(left) + " (" + routine + ")";
    if (!hold.empty()) text += "; it will wait while " + hold;
    return {text, limber::minutes_text(left)};
}

int code_for(const Reply& r)
{
    using limber::protocol::ErrorCode;
    if (r.ok) return exit_ok;
    if (r.code == ErrorCode::Refused) return exit_refused;
    if (r.code == ErrorCode::NotFound) return exit_not_found;
    return exit_failure;
}

int report(const Reply& r, bool as_json, const std::string& done)
{
    if (!r.ok) {
        std::cerr << "limberctl: " << r.message << "\n";
        return code_for(r);
    }
    if (as_json) std::cout << r.result.dump(2) << "\n";
    else if (!done.empty()) std::cout << done << "\n";
    return exit_ok;
}

}  // namespace

int main(int argc, char** argv)
{
    CLI::App app{"limberctl: control Limber's break schedule from the command line"};
    app.footer("Exit codes: 0 done, 1 failure, 2 bad usage, 3 limberd refused (e.g. no snoozes left),\n"
               "4 unknown routine or week, 5 limberd is not running.");
    app.set_version_flag("--version", std::string("limberctl ") + LIMBER_VERSION);
    app.require_subcommand(1);
    app.fallthrough();  // --json and --socket also after the command
    std::string socket;
    bool as_json = false;
    app.add_option("--socket", socket, "limberd's control socket (default: $XDG_RUNTIME_DIR/limber/limberd.sock)");
    app.add_flag("--json", as_json, "Print the daemon's answer as JSON");

    auto* status = app.add_subcommand("status", "Show the schedule now");
    std::string format = "text";
    status->add_option("--format", format, "text, json or waybar (the JSON a waybar/polybar module reads)")
        ->check(CLI::IsMember({"text", "json", "waybar"}));
    auto* start = app.add_subcommand("start", "Start a routine now (default: the one due, or the regular one)");
    std::string routine;
    start->add_option("ROUTINE", routine, "quick-daily-reset, end-of-day-relief, posture-support or single:EXERCISE");
    bool no_guide = false;
    start->add_flag("--no-guide", no_guide, "Follow the routine on your own: the tray does not open its guide");
    auto* done = app.add_subcommand("done", "Mark the running routine as completed");
    auto* stop = app.add_subcommand("stop", "Stop the running routine early");
    std::string why;
    stop->add_option("WHY", why, "Why, for the record (\"pain\", \"phone rang\")");
    auto* snooze = app.add_subcommand("snooze", "Put the pending break off for a few minutes");
    auto* skip = app.add_subcommand("skip", "Skip the pending (or next) break; during a routine, end it as skipped");
    auto* pause = app.add_subcommand("pause", "Pause reminders for a while, or until tomorrow");
    std::string duration;
    bool tomorrow = false;
    pause->add_option("DURATION", duration, "How long, like 30m, 1h or 1h30m");
    pause->add_flag("--until-tomorrow", tomorrow, "Until local midnight");
    auto* resume = app.add_subcommand("resume", "End a pause");
    auto* summary = app.add_subcommand("summary", "The weekly summary");
    std::string week;
    summary->add_option("--week", week, "ISO week like 2026-W48 (default: this week)");
    auto* exp = app.add_subcommand("export", "Export raw events");
    std::string from;
    std::string to;
    bool csv = false;
    exp->add_option("--from", from, "First day, like 2026-11-01 (default: the first record)");
    exp->add_option("--to", to, "Last day (default: today)");
    exp->add_flag("--csv", csv, "CSV instead of JSON");
    auto* watch = app.add_subcommand("watch", "Print events as limberd sends them, one JSON object per line");
    auto* reload = app.add_subcommand("reload", "Make limberd read its settings file again");

    try {
        limber::ProgramArguments args(argc, argv);
        app.parse(args.argc(), args.argv());
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? exit_ok : exit_usage;
    }
    if (*pause && (duration.empty() == !tomorrow)) {
        std::cerr << "limberctl: pause takes a DURATION or --until-tomorrow\n";
        return exit_usage;
    }

    try {
        const auto path = socket.empty() ? limber::control_socket(limber::runtime_paths()) : limber::path_from_utf8(socket);
        limber::Client client(path);
        client.call(Verb::Hello, limber::protocol::HelloArgs{"limberctl"});
        if (*status) {
            const Reply r = client.call(Verb::Status);
            if (!r.ok) return report(r, false, "");
            const auto report = limber::protocol::StatusReport::from_json(r.result);
            const Describe d = describe(report);
            const std::string note = long_hold_note(report.schedule);
            if (format == "waybar") {
                const std::string phase = limber::to_string(report.schedule.phase);
                json w{{"text", d.short_}, {"tooltip", note.empty() ? d.text : d.text + "\n" + note}, {"class", phase}, {"alt", phase}};
                std::cout << w.dump() << "\n";
            } else if (format == "json" || as_json) {
                std::cout << r.result.dump(2) << "\n";
            } else {
                std::cout << d.text << "\n";
                if (!note.empty()) std::cout << note << "\n";
                if (!report.config_error.empty()) std::cout << "Settings error: " << report.config_error << "\n";
            }
            return exit_ok;
        }
        if (*start) {
            const Reply r = client.call(Verb::Start, limber::protocol::StartArgs{routine, !no_guide});
            return report(r, as_json, r.ok ? "Started " + limber::protocol::StartReport::from_json(r.result).routine : "");
        }
        if (*done) return report(client.call(Verb::Finish, limber::protocol::FinishArgs{true, ""}), as_json, "Well done");
        if (*stop) return report(client.call(Verb::Finish, limber::protocol::FinishArgs{false, why}), as_json, "Stopped");
        if (*snooze) return report(client.call(Verb::Snooze), as_json, "Snoozed");
        if (*skip) return report(client.call(Verb::Skip), as_json, "Skipped");
        if (*resume) return report(client.call(Verb::Resume), as_json, "Resumed");
        if (*reload) return report(client.call(Verb::Reload), as_json, "Settings reloaded");
        if (*pause) {
            limber::protocol::PauseArgs a;
            a.until_tomorrow = tomorrow;
            if (!tomorrow) {
                a.duration = limber::parse_duration(duration);
                if (!a.duration || *a.duration <= limber::Seconds{0}) {
                    std::cerr << "limberctl: \"" << duration << "\" is not a duration; write it like 30m, 1h or 1h30m\n";
                    return exit_usage;
                }
            }
            const Reply r = client.call(Verb::Pause, a);
            std::string until;
            if (const auto s = r.ok ? limber::protocol::StatusReport::in_reply(r.result) : std::nullopt; s && s->schedule.paused_until)
                until = limber::local_clock(limber::protocol::iso8601_utc(*s->schedule.paused_until));
            return report(r, as_json, "Paused until " + until);
        }
        if (*summary) {
            const Reply r = client.call(Verb::Summary, limber::protocol::SummaryArgs{week});
            if (!r.ok) return report(r, false, "");
            if (as_json) {
                std::cout << limber::protocol::SummaryReport::without_text(r.result).dump(2) << "\n";
                return exit_ok;
            }
            std::cout << limber::protocol::SummaryReport::from_json(r.result).text;
            return exit_ok;
        }
        if (*exp) {
            const Reply r = client.call(Verb::Export, limber::protocol::ExportArgs{from, to, csv ? limber::protocol::ExportFormat::Csv : limber::protocol::ExportFormat::Json});
            if (!r.ok) return report(r, false, "");
            std::cout << limber::protocol::ExportReport::from_json(r.result).content;
            return exit_ok;
        }
        if (*watch) {
            const Reply r = client.subscribe();
            if (!r.ok) return report(r, false, "");
            std::cout << json{{"event", "status"}, {"data", r.result}}.dump() << std::endl;
            while (true) {
                if (auto e = client.next_event(std::chrono::hours{24})) std::cout << to_json(*e).dump() << std::endl;
            }
        }
    } catch (const limber::DaemonNotRunning& e) {
        std::cerr << "limberctl: " << e.what() << "\n"
                  << "Start it with: limberd &   (or: systemctl --user start limberd)\n";
        return exit_not_running;
    } catch (const std::exception& e) {
        std::cerr << "limberctl: " << e.what() << "\n";
        return exit_failure;
    }
    return exit_ok;
}
