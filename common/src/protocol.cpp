// The protocol's names, replies and pushed events, and the wire form of the core's Status and Event.
#include "limber/protocol.hpp"

#include "json_fields.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <utility>

namespace limber::protocol {
namespace {

using nlohmann::json;

constexpr std::array<std::pair<Verb, const char*>, 13> verbs{{
    {Verb::Hello, "hello"},
    {Verb::Status, "status"},
    {Verb::Start, "start"},
    {Verb::Finish, "finish"},
    {Verb::Snooze, "snooze"},
    {Verb::Skip, "skip"},
    {Verb::Pause, "pause"},
    {Verb::Resume, "resume"},
    {Verb::Step, "step"},
    {Verb::Summary, "summary"},
    {Verb::Export, "export"},
    {Verb::Reload, "reload"},
    {Verb::Subscribe, "subscribe"},
}};

constexpr std::array<std::pair<ErrorCode, const char*>, 9> error_codes{{
    {ErrorCode::BadJson, "bad_json"},
    {ErrorCode::BadRequest, "bad_request"},
    {ErrorCode::UnsupportedVersion, "unsupported_version"},
    {ErrorCode::UnknownVerb, "unknown_verb"},
    {ErrorCode::TooLong, "too_long"},
    {ErrorCode::Refused, "refused"},
    {ErrorCode::NotFound, "not_found"},
    {ErrorCode::Unavailable, "unavailable"},
    {ErrorCode::Internal, "internal"},
}};

template <typename E, std::size_t N>
const char* name_of(const std::array<std::pair<E, const char*>, N>& table, E value)
{
    for (const auto& [e, name] : table)
        if (e == value) return name;
    return "unknown";
}

template <typename E, std::size_t N>
std::optional<E> value_of(const std::array<std::pair<E, const char*>, N>& table, std::string_view name)
{
    for (const auto& [e, n] : table)
        if (name == n) return e;
    return std::nullopt;
}

// Strings from the daemon (routine names, messages) are not re-validated as UTF-8; a bad byte
// becomes U+FFFD rather than an exception in the middle of a reply.
std::string dump_line(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n"; }

}  // namespace

const char* to_string(Verb verb) { return name_of(verbs, verb); }
std::optional<Verb> verb_from_string(std::string_view name) { return value_of(verbs, name); }
const char* to_string(ErrorCode code) { return name_of(error_codes, code); }
std::optional<ErrorCode> error_code_from_string(std::string_view name) { return value_of(error_codes, name); }

ErrorCode error_code(CommandError::Kind kind)
{
    switch (kind) {
    case CommandError::Kind::NotNow: return ErrorCode::Refused;
    case CommandError::Kind::Unknown: return ErrorCode::NotFound;
    }
    return ErrorCode::Internal;
}

const char* to_string(Side side)
{
    switch (side) {
    case Side::Left: return "left";
    case Side::Right: return "right";
    case Side::Both: return "both";
    }
    return "unknown";
}

const char* to_string(Feedback feedback)
{
    switch (feedback) {
    case Feedback::Easy: return "easy";
    case Feedback::Ok: return "ok";
    case Feedback::Hard: return "hard";
    case Feedback::Pain: return "pain";
    }
    return "unknown";
}

const char* to_string(ExportFormat format) { return format == ExportFormat::Csv ? "csv" : "json"; }

Rating rating_of(Feedback feedback)
{
    switch (feedback) {
    case Feedback::Easy: return Rating::Easy;
    case Feedback::Ok: return Rating::Ok;
    case Feedback::Hard: return Rating::Hard;
    case Feedback::Pain: return Rating::Pain;
    }
    return Rating::Ok;
}

Feedback feedback_of(Rating rating)
{
    switch (rating) {
    case Rating::Easy: return Feedback::Easy;
    case Rating::Ok: return Feedback::Ok;
    case Rating::Hard: return Feedback::Hard;
    case Rating::Pain: return Feedback::Pain;
    }
    return Feedback::Ok;
}

PushedEvent::Kind pushed_kind(Event::Kind kind)
{
    using K = PushedEvent::Kind;
    switch (kind) {
    case Event::Kind::Warning: return K::Warning;
    case Event::Kind::BreakDue: return K::BreakDue;
    case Event::Kind::AwayStarted: return K::AwayStarted;
    case Event::Kind::NaturalBreak: return K::NaturalBreak;
    case Event::Kind::BreakStarted: return K::BreakStarted;
    case Event::Kind::BreakCompleted: return K::BreakCompleted;
    case Event::Kind::BreakStopped: return K::BreakStopped;
    case Event::Kind::Snoozed: return K::Snoozed;
    case Event::Kind::Skipped: return K::Skipped;
    case Event::Kind::Paused: return K::Paused;
    case Event::Kind::Resumed: return K::Resumed;
    case Event::Kind::ClockJumped: return K::ClockJumped;
    case Event::Kind::DueCleared: return K::DueCleared;
    case Event::Kind::Held: return K::Held;
    }
    return K::Unknown;
}

const char* to_string(PushedEvent::Kind kind)
{
    using K = PushedEvent::Kind;
    // The scheduler's names are the scheduler's (scheduler_names.cpp); limberd's own are here.
    static constexpr std::array scheduler{Event::Kind::Warning, Event::Kind::BreakDue, Event::Kind::AwayStarted,
                                          Event::Kind::NaturalBreak, Event::Kind::BreakStarted, Event::Kind::BreakCompleted,
                                          Event::Kind::BreakStopped, Event::Kind::Snoozed, Event::Kind::Skipped,
                                          Event::Kind::Paused, Event::Kind::Resumed, Event::Kind::ClockJumped,
                                          Event::Kind::DueCleared, Event::Kind::Held};
    for (const auto k : scheduler)
        if (pushed_kind(k) == kind) return to_string(k);
    switch (kind) {
    case K::Status: return "status";
    case K::ConfigReloaded: return "config_reloaded";
    case K::ConfigError: return "config_error";
    case K::StoreError: return "store_error";
    default: return "unknown";
    }
}

PushedEvent::PushedEvent(std::string name_, nlohmann::json data_) : name(std::move(name_)), data(std::move(data_))
{
    for (int k = 0; k < static_cast<int>(Kind::Unknown); ++k)
        if (name == to_string(static_cast<Kind>(k))) kind = static_cast<Kind>(k);
}

PushedEvent::PushedEvent(Kind kind_, nlohmann::json data_) : kind(kind_), name(to_string(kind_)), data(std::move(data_)) {}

std::string PushedEvent::routine() const
{
    return data.is_object() && data.contains("routine") ? json_fields::Fields(data, name).string("routine") : std::string();
}

std::string PushedEvent::detail() const
{
    return data.is_object() && data.contains("detail") ? json_fields::Fields(data, name).string("detail") : std::string();
}

std::optional<StartReport> PushedEvent::guide() const
{
    if (kind != Kind::BreakStarted || !data.is_object() || !data.contains("plan")) return std::nullopt;
    const json_fields::Fields f(data, name);
    if (data.contains("guide") && !f.boolean("guide")) return std::nullopt;
    return StartReport::from_json(data);
}

Reply Reply::success(json result)
{
    Reply r;
    r.result = std::move(result);
    return r;
}

Reply Reply::failure(ErrorCode code, std::string message)
{
    Reply r;
    r.ok = false;
    r.result = nullptr;
    r.code = code;
    r.message = std::move(message);
    return r;
}

Reply Reply::failure(const ProtocolError& error)
{
    Reply r = failure(error.code, error.message);
    r.id = error.id;
    return r;
}

std::string to_line(const Reply& reply)
{
    json j{{"v", version}, {"id", reply.id ? json(*reply.id) : json()}, {"ok", reply.ok}};
    if (reply.ok)
        j["result"] = reply.result;
    else
        j["error"] = json{{"code", to_string(reply.code)}, {"message", reply.message}};
    return dump_line(j);
}

std::string to_line(const PushedEvent& event)
{
    return dump_line(json{{"v", version}, {"event", event.name}, {"data", event.data}});
}

json to_json(const PushedEvent& event) { return json{{"event", event.name}, {"data", event.data}}; }

ServerMessage parse_server_message(std::string_view line)
{
    const json j = json::parse(line, nullptr, false);
    if (!j.is_object()) throw std::runtime_error("the daemon sent a line that is not a JSON object");
    const auto v = j.find("v");
    if (v == j.end() || !v->is_number_integer() || v->get<std::int64_t>() != version)
        throw std::runtime_error("the daemon speaks another protocol version (" + (v == j.end() ? std::string("none") : v->dump()) + ")");
    try {
        if (const auto ev = j.find("event"); ev != j.end())
            return PushedEvent{ev->get<std::string>(), j.value("data", json::object())};
        Reply r;
        if (const auto id = j.at("id"); !id.is_null()) {
            // A float or an integer past int64 would not convert: say so rather than guess.
            if (!id.is_number_integer() ||
                (id.is_number_unsigned() && id.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)))
                throw std::runtime_error("the daemon sent a reply whose id is not an integer: " + id.dump());
            r.id = id.get<std::int64_t>();
        }
        r.ok = j.at("ok").get<bool>();
        if (r.ok) {
            r.result = j.value("result", json::object());
        } else {
            const auto& err = j.at("error");
            const auto code = err.at("code").get<std::string>();
            r.code = error_code_from_string(code).value_or(ErrorCode::Internal);
            r.message = err.value("message", code);
            r.result = nullptr;
        }
        return r;
    } catch (const json::exception& e) {
        throw std::runtime_error(std::string("the daemon sent a malformed message: ") + e.what());
    }
}

std::string iso8601_utc(WallTime t)
{
    using namespace std::chrono;
    const auto secs = floor<seconds>(t);
    const auto day = floor<days>(secs);
    const year_month_day ymd{day};
    const hh_mm_ss hms{secs - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
    return buf;
}

json to_json(const Status& s)
{
    auto or_null = [](const auto& opt, auto&& f) { return opt ? json(f(*opt)) : json(); };
    return json{
        {"phase", to_string(s.phase)},
        {"earned_seconds", s.earned.count()},
        {"until_due_seconds", or_null(s.until_due, [](Seconds d) { return d.count(); })},
        {"next_routine", s.next_routine},
        {"in_break_routine", s.in_break_routine.empty() ? json() : json(s.in_break_routine)},
        {"paused_until", or_null(s.paused_until, [](WallTime t) { return iso8601_utc(t); })},
        {"snoozes_left", s.snoozes_left},
        {"activity", to_string(s.activity)},
        {"hold", s.hold.empty() ? json() : json(s.hold)},
        {"held_seconds", or_null(s.held_for, [](Seconds d) { return d.count(); })},
        {"offer_in_seconds", or_null(s.offer_in, [](Seconds d) { return d.count(); })},
        {"hold_on_seconds", or_null(s.hold_on, [](Seconds d) { return d.count(); })},
        {"hold_long", s.hold_long},
    };
}

PushedEvent to_pushed_event(const Event& e)
{
    json d{{"at", iso8601_utc(e.at.wall)}};
    if (!e.routine.empty()) d["routine"] = e.routine;
    switch (e.kind) {
    case Event::Kind::Warning: d["due_in_seconds"] = e.length.count(); break;
    case Event::Kind::BreakDue:
        d["reason"] = e.reason == DueReason::Daily ? "daily" : "earned";
        if (e.detail == "held") d["held_seconds"] = e.length.count();
        break;
    case Event::Kind::Held:
    case Event::Kind::BreakStarted: d["reason"] = e.reason == DueReason::Daily ? "daily" : "earned"; break;
    case Event::Kind::NaturalBreak: d["away_seconds"] = e.length.count(); break;
    case Event::Kind::Snoozed:
        d["due_in_seconds"] = e.length.count();
        d["snoozes_used"] = e.count;
        break;
    case Event::Kind::Paused:
        d["until"] = e.until ? json(iso8601_utc(*e.until)) : json();
        break;
    case Event::Kind::ClockJumped: d["jump_seconds"] = e.length.count(); break;
    case Event::Kind::AwayStarted:
    case Event::Kind::BreakCompleted:
    case Event::Kind::BreakStopped:
    case Event::Kind::Skipped:
    case Event::Kind::Resumed:
    case Event::Kind::DueCleared: break;
    }
    if (!e.detail.empty()) d["detail"] = e.detail;
    return PushedEvent{pushed_kind(e.kind), std::move(d)};
}

std::optional<WallTime> parse_iso8601_utc(std::string_view text)
{
    using namespace std::chrono;
    int y = 0;
    unsigned mo = 0;
    unsigned d = 0;
    int h = 0;
    int mi = 0;
    int s = 0;
    char tail = 0;
    if (text.size() != 20 ||
        std::sscanf(std::string(text).c_str(), "%4d-%2u-%2uT%2d:%2d:%2dZ%c", &y, &mo, &d, &h, &mi, &s, &tail) != 6)
        return std::nullopt;
    const year_month_day ymd{year{y}, month{mo}, day{d}};
    if (!ymd.ok() || h > 23 || mi > 59 || s > 59 || h < 0 || mi < 0 || s < 0) return std::nullopt;
    return WallTime{sys_days{ymd} + hours{h} + minutes{mi} + seconds{s}};
}

namespace {

template <typename E, std::size_t N>
E enum_field(const json_fields::Fields& f, const char* key, const std::array<E, N>& values, const char* want)
{
    const std::string text = f.string(key);
    for (const E v : values)
        if (text == to_string(v)) return v;
    f.bad(key, want);
}

std::optional<Seconds> seconds_or_null(const json_fields::Fields& f, const char* key)
{
    const auto n = f.integer_or_null(key);
    return n ? std::optional<Seconds>(Seconds{*n}) : std::nullopt;
}

}  // namespace

json StatusReport::to_json() const
{
    json s = protocol::to_json(schedule);
    s["config_error"] = config_error.empty() ? json() : json(config_error);
    s["unsaved_records"] = unsaved_records;
    s["store_error"] = store_error.empty() ? json() : json(store_error);
    s["next_routine_name"] = next_routine_name.empty() ? json() : json(next_routine_name);
    s["sounds"] = sounds;
    s["voice"] = voice;
    s["week"] = week;
    return s;
}

StatusReport StatusReport::from_json(const json& j)
{
    const json_fields::Fields f(j, "status");
    StatusReport r;
    Status& s = r.schedule;
    s.phase = enum_field(f, "phase",
                         std::array{Phase::Working, Phase::Due, Phase::InBreak, Phase::Paused, Phase::Away, Phase::OffHours, Phase::Held},
                         "one of working, due, in_break, paused, away, off_hours, held");
    s.earned = Seconds{f.integer("earned_seconds")};
    s.until_due = seconds_or_null(f, "until_due_seconds");
    s.next_routine = f.string("next_routine");
    s.in_break_routine = f.string_or_null("in_break_routine");
    if (const std::string until = f.string_or_null("paused_until"); !until.empty()) {
        s.paused_until = parse_iso8601_utc(until);
        if (!s.paused_until) f.bad("paused_until", "a UTC time like \"2024-05-06T09:30:00Z\"");
    }
    s.snoozes_left = static_cast<int>(f.integer("snoozes_left"));
    s.activity = enum_field(f, "activity", std::array{ActivityKind::Active, ActivityKind::Idle, ActivityKind::Locked, ActivityKind::Asleep},
                            "one of active, idle, locked, asleep");
    s.hold = f.string_or_null("hold");
    s.held_for = seconds_or_null(f, "held_seconds");
    s.offer_in = seconds_or_null(f, "offer_in_seconds");
    s.hold_on = seconds_or_null(f, "hold_on_seconds");
    s.hold_long = f.boolean("hold_long");
    r.config_error = f.string_or_null("config_error");
    r.unsaved_records = f.integer("unsaved_records");
    r.store_error = f.string_or_null("store_error");
    r.next_routine_name = f.string_or_null("next_routine_name");
    r.sounds = f.boolean("sounds");
    r.voice = f.boolean("voice");
    r.week = f.string("week");
    return r;
}

std::optional<StatusReport> StatusReport::in_reply(const json& result)
{
    if (!result.is_object() || !result.contains("status")) return std::nullopt;
    return from_json(result["status"]);
}

json SummaryReport::to_json() const
{
    json j = summary_json(summary);
    j["text"] = text;
    j["today"] = format_local_day(today);
    return j;
}

SummaryReport SummaryReport::from_json(const json& j)
{
    SummaryReport r{summary_from_json(j, "summary"), {}, 0};
    const json_fields::Fields f(j, "summary");
    r.text = f.string("text");
    const auto today = parse_local_day(f.string("today"));
    if (!today) f.bad("today", "a date like \"2024-05-06\"");
    r.today = *today;
    return r;
}

json StartReport::to_json() const
{
    json steps = json::array();
    for (const auto& [id, dose] : plan) steps.push_back({{"exercise", id}, {"reps", dose.reps}, {"hold_seconds", dose.hold_seconds}});
    return {{"routine", routine}, {"plan", steps}};
}

StartReport StartReport::from_json(const json& j)
{
    const json_fields::Fields f(j, "start");
    StartReport r;
    r.routine = f.string("routine");
    const std::size_t n = f.array("plan").size();
    for (std::size_t i = 0; i < n; ++i) {
        const json_fields::Fields step = f.element("plan", i);
        r.plan.emplace_back(step.string("exercise"),
                            DoseStep{static_cast<int>(step.integer("reps")), static_cast<int>(step.integer("hold_seconds"))});
    }
    return r;
}

json ExportReport::to_json() const { return {{"format", to_string(format)}, {"content", content}}; }

ExportReport ExportReport::from_json(const json& j)
{
    const json_fields::Fields f(j, "export");
    ExportReport r;
    r.format = enum_field(f, "format", std::array{ExportFormat::Csv, ExportFormat::Json}, "csv or json");
    r.content = f.string("content");
    return r;
}

json SummaryReport::without_text(json result)
{
    result.erase("text");
    return result;
}

}  // namespace limber::protocol
