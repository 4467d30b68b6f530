// The control protocol between limberd and its clients: one JSON object per line, typed
// requests in, replies and pushed events out. Pure: no sockets here (see docs/PROTOCOL.md).
#pragma once

#include "limber/catalog.hpp"
#include "limber/clock.hpp"
#include "limber/error.hpp"
#include "limber/scheduler.hpp"
#include "limber/store.hpp"
#include "limber/summary.hpp"

// nlohmann::json is part of this API (linked PUBLIC): reply results and event data are
// open-ended structures (status, weekly summary, export) that clients read field by field,
// and hiding them behind strings would only make every client parse twice.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace limber::protocol {

inline constexpr int version = 1;
// A request line longer than this (without its newline) is refused with `too_long`.
inline constexpr std::size_t max_line = 64 * 1024;

enum class Verb { Hello, Status, Start, Finish, Snooze, Skip, Pause, Resume, Step, Summary, Export, Reload, Subscribe };
const char* to_string(Verb verb);
std::optional<Verb> verb_from_string(std::string_view name);

enum class ErrorCode {
    BadJson,             // the line is not valid JSON
    BadRequest,          // valid JSON, but not a request: a field is missing, unknown or of the wrong type
    UnsupportedVersion,  // "v" is not a version this daemon speaks
    UnknownVerb,
    TooLong,             // the line is over max_line
    Refused,             // a valid command the schedule says no to; changes nothing
    NotFound,            // an unknown routine, exercise or week
    Unavailable,         // the daemon cannot do this now (e.g. no store yet)
    Internal,            // a fault in the daemon; the connection stays usable
};
const char* to_string(ErrorCode code);
std::optional<ErrorCode> error_code_from_string(std::string_view name);
// The code a command refused by the core is answered with: one code per kind.
ErrorCode error_code(CommandError::Kind kind);

enum class Side { Left, Right, Both };
enum class Feedback { Easy, Ok, Hard, Pain };
enum class ExportFormat { Csv, Json };
const char* to_string(Side side);
const char* to_string(Feedback feedback);
const char* to_string(ExportFormat format);
// The step's feedback as the store records it, and back: named, not by the enums' order.
Rating rating_of(Feedback feedback);
Feedback feedback_of(Rating rating);

struct HelloArgs {
    std::string client;  // who is asking, for the log ("limberctl", "limber-tray")
    friend bool operator==(const HelloArgs&, const HelloArgs&) = default;
};
struct StartArgs {
    std::string routine;  // empty: the pending break's routine, or the regular one
    bool guide = true;    // false: the user follows the routine alone, and no client opens its guide
    friend bool operator==(const StartArgs&, const StartArgs&) = default;
};
struct FinishArgs {
    bool completed = true;
    std::string why;  // why a routine stopped early
    friend bool operator==(const FinishArgs&, const FinishArgs&) = default;
};
struct PauseArgs {
    std::optional<Seconds> duration;  // exactly one of duration and until_tomorrow
    bool until_tomorrow = false;
    friend bool operator==(const PauseArgs&, const PauseArgs&) = default;
};
struct StepArgs {
    std::string exercise;
    std::optional<int> reps;
    std::optional<int> hold_seconds;
    std::optional<Side> side;
    std::optional<Feedback> feedback;
    friend bool operator==(const StepArgs&, const StepArgs&) = default;
};
struct SummaryArgs {
    std::string week;  // ISO week "YYYY-Www"; empty: the current week
    friend bool operator==(const SummaryArgs&, const SummaryArgs&) = default;
};
struct ExportArgs {
    std::string from;  // "YYYY-MM-DD", inclusive; empty: from the first record
    std::string to;    // "YYYY-MM-DD", inclusive; empty: up to now
    ExportFormat format = ExportFormat::Json;
    friend bool operator==(const ExportArgs&, const ExportArgs&) = default;
};

// Verbs without arguments carry std::monostate.
using Args = std::variant<std::monostate, HelloArgs, StartArgs, FinishArgs, PauseArgs, StepArgs, SummaryArgs, ExportArgs>;

struct Request {
    std::int64_t id = 0;
    Verb verb = Verb::Status;
    Args args;
    friend bool operator==(const Request&, const Request&) = default;
};

// Why a line is not a request. `id` is set when the line got far enough to carry one, so the
// error reply can be matched by the client.
struct ProtocolError {
    ErrorCode code = ErrorCode::BadRequest;
    std::string message;
    std::optional<std::int64_t> id;
    friend bool operator==(const ProtocolError&, const ProtocolError&) = default;
};

using ParseResult = std::variant<Request, ProtocolError>;

// Reads one line (without its newline). Never throws on bad input: every way a line can be
// wrong becomes a ProtocolError whose message names the offending field.
ParseResult parse_request(std::string_view line) noexcept;

// The request as one line, newline included. parse_request() reads it back unchanged.
std::string to_line(const Request& request);

struct Reply {
    std::optional<std::int64_t> id;  // empty only for errors about lines that carried no id
    bool ok = true;
    nlohmann::json result = nlohmann::json::object();  // when ok
    ErrorCode code = ErrorCode::Internal;               // when not ok
    std::string message;                                // when not ok

    static Reply success(nlohmann::json result = nlohmann::json::object());
    static Reply failure(ErrorCode code, std::string message);
    static Reply failure(const ProtocolError& error);
};
std::string to_line(const Reply& reply);

// An event pushed to subscribers: a name and its data. The kind is read from the name once,
// so clients dispatch on it; the name stays as sent, since a newer limberd may push kinds
// this one does not know (Kind::Unknown), and `limberctl watch` prints them as they came.
struct StartReport;  // below: the start reply

struct PushedEvent {
    enum class Kind {
        // The scheduler's events (Event::Kind)
        Warning, BreakDue, AwayStarted, NaturalBreak, BreakStarted, BreakCompleted, BreakStopped,
        Snoozed, Skipped, Paused, Resumed, ClockJumped, DueCleared, Held,
        // limberd's own
        Status, ConfigReloaded, ConfigError, StoreError,
        Unknown,
    };
    Kind kind = Kind::Unknown;
    std::string name;
    nlohmann::json data = nlohmann::json::object();

    PushedEvent() = default;
    PushedEvent(std::string name, nlohmann::json data = nlohmann::json::object());
    PushedEvent(Kind kind, nlohmann::json data = nlohmann::json::object());

    // data's `routine` and `detail`, empty when absent. Throw MessageError when not strings.
    [[nodiscard]] std::string routine() const;
    [[nodiscard]] std::string detail() const;
    // The routine a client shows its guide for: a break_started whose start asked for one
    // (`guide` not false) and that carries its `plan`; nullopt for any other event. Throws
    // MessageError when `guide` or the plan cannot be read.
    [[nodiscard]] std::optional<StartReport> guide() const;
};
const char* to_string(PushedEvent::Kind kind);
PushedEvent::Kind pushed_kind(Event::Kind kind);
std::string to_line(const PushedEvent& event);
// {"event":NAME,"data":{...}}: how a command's reply lists the events it caused.
nlohmann::json to_json(const PushedEvent& event);

// What a client reads from the daemon. Throws std::runtime_error when the line is neither a
// reply nor an event of this protocol version.
using ServerMessage = std::variant<Reply, PushedEvent>;
ServerMessage parse_server_message(std::string_view line);

// Wire forms of the core's types. Times are ISO 8601 UTC to the second ("2024-05-06T09:30:00Z").
std::string iso8601_utc(WallTime t);
std::optional<WallTime> parse_iso8601_utc(std::string_view text);  // iso8601_utc() read back
nlohmann::json to_json(const Status& status);
PushedEvent to_pushed_event(const Event& event);

// The status reply (also `subscribe`'s, a pushed `status`'s data and a command reply's
// `status`): the scheduler's Status and what limberd adds beside it. Writer and reader of
// every field are here, side by side.
struct StatusReport {
    Status schedule;
    std::string next_routine_name;  // the next routine's name for people; empty: unknown
    std::string config_error;       // the settings file's error; empty when it is fine
    std::int64_t unsaved_records = 0;
    std::string store_error;        // why the database refused records; empty when it did not
    bool sounds = false;            // limber.toml asks for sounds
    bool voice = false;             // and for spoken guidance
    std::string week;               // ISO week of limberd's day ("2024-W19")
    friend bool operator==(const StatusReport&, const StatusReport&) = default;

    [[nodiscard]] nlohmann::json to_json() const;
    // Throws MessageError naming the field that is missing or of the wrong type.
    static StatusReport from_json(const nlohmann::json& j);
    // The status a command's reply carries, when it carries one.
    static std::optional<StatusReport> in_reply(const nlohmann::json& result);
};

// The summary reply: the weekly summary as summary_json() writes it, with `text` (the table
// `limberctl summary` prints) and `today` (limberd's day, a night shift's in its small hours).
struct SummaryReport {
    WeeklySummary summary;
    std::string text;
    LocalDay today = 0;
    friend bool operator==(const SummaryReport&, const SummaryReport&) = default;

    [[nodiscard]] nlohmann::json to_json() const;
    // Throws MessageError naming the field that is missing or of the wrong type.
    static SummaryReport from_json(const nlohmann::json& j);
    // The reply as `limberctl summary --json` prints it: all but the text.
    [[nodiscard]] static nlohmann::json without_text(nlohmann::json result);
};

// The start reply: the routine begun and each of its exercises with the dose it is at.
struct StartReport {
    std::string routine;
    std::vector<std::pair<std::string, DoseStep>> plan;  // exercise id, dose
    friend bool operator==(const StartReport&, const StartReport&) = default;

    [[nodiscard]] nlohmann::json to_json() const;
    // Throws MessageError naming the field that is missing or of the wrong type.
    static StartReport from_json(const nlohmann::json& j);
};

// The export reply: the file's text, CSV or JSON as asked.
struct ExportReport {
    ExportFormat format = ExportFormat::Csv;
    std::string content;
    friend bool operator==(const ExportReport&, const ExportReport&) = default;

    [[nodiscard]] nlohmann::json to_json() const;
    // Throws MessageError naming the field that is missing or of the wrong type.
    static ExportReport from_json(const nlohmann::json& j);
};

}  // namespace limber::protocol
