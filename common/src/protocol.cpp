// The protocol's names, replies and pushed events, and the wire form of the core's Status and Event.
#include "limber/protocol.hpp"

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
    return PushedEvent{to_string(e.kind), std::move(d)};
}

}  // namespace limber::protocol
