// limberd's answers to the control protocol's verbs.
#include "daemon.hpp"

#include "ipc/session.hpp"
#include "limber/summary.hpp"
#include "logging.hpp"

#include <cstdio>

namespace limber {
namespace {

using protocol::ErrorCode;
using protocol::Reply;
using nlohmann::json;

Reply from(const CommandResult& r, json result = json::object())
{
    if (r.error) return Reply::failure(protocol::error_code(r.error->kind), r.error->message);
    json events = json::array();
    for (const Event& e : r.events) events.push_back(protocol::to_json(protocol::to_pushed_event(e)));
    result["events"] = events;
    return Reply::success(std::move(result));
}

std::optional<LocalDay> parse_day(const std::string& text)
{
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::local_days{ymd}.time_since_epoch().count();
}

// The day the summary files `t` under: its local date, or the day before in the hours after
// midnight of that day's night shift.
LocalDay working_day_of(const WorkingHours& hours, const Instant& t) { return hours.day_of(t.local()).time_since_epoch().count(); }

}  // namespace

bool Daemon::database_ready(Reply& reply)
{
    try {
        db_->open();
        return true;
    } catch (const StoreError& e) {
        reply = Reply::failure(ErrorCode::Unavailable, e.what());
        return false;
    }
}

nlohmann::json Daemon::status_json(const Instant& t) const
{
    protocol::StatusReport s;
    s.schedule = engine_->status(t);
    s.config_error = config_error_;
    s.unsaved_records = static_cast<std::int64_t>(store_->pending());
    s.store_error = !store_->last_error().empty() ? store_->last_error() : db_->error();
    if (const auto next = engine_->routine(s.schedule.next_routine)) s.next_routine_name = next->name;
    s.sounds = engine_->settings().sounds;
    s.voice = engine_->settings().voice;  // the tray plays what limber.toml says, as limberd last read it
    // The tray's cue for the Monday summary: once Sunday's night shift, if any, is over.
    s.week = iso_week_of(working_day_of(engine_->settings().working_hours, t)).to_string();
    return s.to_json();
}

Reply Daemon::handle(const protocol::Request& request, ipc::Session& session)
{
    using protocol::Verb;
    const Instant t = now();
    Reply reply = Reply::failure(ErrorCode::Internal, "unhandled verb");
    switch (request.verb) {
    case Verb::Hello: {
        const auto& a = std::get<protocol::HelloArgs>(request.args);
        session.set_client_name(a.client);
        logger("ipc").info("{} connected", a.client.empty() ? "a client" : a.client);
        reply = Reply::success({{"daemon", "limberd"}, {"version", LIMBER_VERSION}, {"protocol", protocol::version}});
        break;
    }
    case Verb::Status:
    case Verb::Subscribe: reply = Reply::success(status_json(t)); break;
    case Verb::Start: {
        const auto& a = std::get<protocol::StartArgs>(request.args);
        start_guide_ = a.guide;
        const CommandResult r = engine_->start(t, a.routine);
        start_guide_ = true;
        protocol::StartReport started{engine_->status(t).in_break_routine, {}};
        if (const auto routine = r.ok() ? engine_->routine(started.routine) : std::nullopt) started.plan = engine_->progression().plan(*routine);
        reply = from(r, started.to_json());
        break;
    }
    case Verb::Finish: {
        const auto& a = std::get<protocol::FinishArgs>(request.args);
        reply = from(engine_->finish(t, a.completed, a.why));
        break;
    }
    case Verb::Snooze: reply = from(engine_->snooze(t)); break;
    case Verb::Skip: reply = from(engine_->skip(t)); break;
    case Verb::Resume: reply = from(engine_->resume(t)); break;
    case Verb::Pause: {
        const auto& a = std::get<protocol::PauseArgs>(request.args);
        reply = from(a.until_tomorrow ? engine_->pause_until_tomorrow(t) : engine_->pause(t, a.duration.value_or(Seconds{0})));
        break;
    }
    case Verb::Step: {
        const auto& a = std::get<protocol::StepArgs>(request.args);
        StepReport s{a.exercise, a.reps, a.hold_seconds, a.side && *a.side != protocol::Side::Both ? protocol::to_string(*a.side) : "",
                     a.feedback ? std::optional<Rating>(protocol::rating_of(*a.feedback)) : std::nullopt};
        const CommandResult r = engine_->step(t, s);
        json result{{"recorded", r.ok()}};
        if (r.ok()) {
            result["paused"] = engine_->progression().paused(a.exercise);
            const DoseStep next = engine_->progression().dose(a.exercise);
            result["next_dose"] = {{"reps", next.reps}, {"hold_seconds", next.hold_seconds}};
        }
        reply = from(r, result);
        break;
    }
    case Verb::Summary: {
        const auto& a = std::get<protocol::SummaryArgs>(request.args);
        const WorkingHours& hours = engine_->settings().working_hours;
        const LocalDay today = working_day_of(hours, t);
        const auto week = a.week.empty() ? std::optional<IsoWeek>(iso_week_of(today)) : parse_iso_week(a.week);
        if (!week) {
            reply = Reply::failure(ErrorCode::NotFound, "no such week \"" + a.week + "\" (write it like 2026-W48)");
            break;
        }
        store_->flush();
        if (!database_ready(reply)) break;
        SummaryOptions o{engine_->settings().natural_break, engine_->settings().idle_counts_as_sitting, today, hours};
        const auto summary = weekly_summary(db_->open(), *week, o);
        // `today` is limberd's, for "breaks done today" (a night shift's day)
        reply = Reply::success(protocol::SummaryReport{summary, format_text(summary, &catalog_), today}.to_json());
        break;
    }
    case Verb::Export: {
        const auto& a = std::get<protocol::ExportArgs>(request.args);
        const auto from_day = a.from.empty() ? std::optional<LocalDay>(0) : parse_day(a.from);
        const auto to_day = a.to.empty() ? std::optional<LocalDay>(local_day_of(t)) : parse_day(a.to);
        if (!from_day || !to_day) {
            reply = Reply::failure(ErrorCode::BadRequest, "dates are written like 2026-11-24");
            break;
        }
        store_->flush();
        if (!database_ready(reply)) break;
        const bool csv = a.format == protocol::ExportFormat::Csv;
        const protocol::ExportReport exported{a.format, csv ? export_csv(db_->open(), *from_day, *to_day) : export_json(db_->open(), *from_day, *to_day)};
        reply = Reply::success(exported.to_json());
        break;
    }
    case Verb::Reload:
        reload_settings(false);
        reply = config_error_.empty() ? Reply::success({{"file", options_.settings_file.string()}})
                                      : Reply::failure(ErrorCode::Refused, config_error_);
        break;
    }
    const bool changes = request.verb != Verb::Status && request.verb != Verb::Hello && request.verb != Verb::Summary &&
                         request.verb != Verb::Export && request.verb != Verb::Subscribe;
    if (changes) {
        after_change();
        if (reply.ok) reply.result["status"] = status_json(now());
    }
    return reply;
}

}  // namespace limber
