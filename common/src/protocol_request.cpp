// Reading and writing request lines: every field checked by type, per verb, without throwing.
#include "limber/duration.hpp"
#include "limber/protocol.hpp"

#include <chrono>
#include <initializer_list>
#include <limits>
#include <set>

namespace limber::protocol {
namespace {

using nlohmann::json;

// Thrown inside this file only, and always caught by parse_request().
struct Invalid {
    ErrorCode code;
    std::string message;
};

[[noreturn]] void bad(const std::string& message) { throw Invalid{ErrorCode::BadRequest, message}; }

// A value from the request, quoted for an error message; cut short so that a huge bad value
// does not make a huge reply.
std::string quote(std::string_view s)
{
    constexpr std::size_t keep = 40;
    if (s.size() <= keep) return "\"" + std::string(s) + "\"";
    std::size_t cut = keep;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    return "\"" + std::string(s.substr(0, cut)) + "...\"";
}

const char* type_name(const json& j)
{
    if (j.is_number_integer()) return "an integer";
    if (j.is_number()) return "a number";
    return j.type_name();  // "null", "boolean", "string", "array", "object"
}

// Reads the fields of one args object, remembering which it has seen so that a misspelt field
// is an error rather than silently ignored.
class Fields {
public:
    Fields(const json& args, std::string verb) : args_(args), verb_(std::move(verb)) {}

    std::optional<std::string> text(const char* key)
    {
        const json* v = find(key);
        if (!v) return std::nullopt;
        if (!v->is_string()) wrong(key, "a string", *v);
        return v->get<std::string>();
    }
    std::optional<bool> boolean(const char* key)
    {
        const json* v = find(key);
        if (!v) return std::nullopt;
        if (!v->is_boolean()) wrong(key, "a boolean", *v);
        return v->get<bool>();
    }
    std::optional<int> count(const char* key, int max)
    {
        const json* v = find(key);
        if (!v) return std::nullopt;
        if (!v->is_number_integer()) wrong(key, "an integer", *v);
        if (v->is_number_unsigned() ? v->get<std::uint64_t>() > static_cast<std::uint64_t>(max)
                                    : (v->get<std::int64_t>() < 0 || v->get<std::int64_t>() > max))
            bad(name(key) + " must be between 0 and " + std::to_string(max));
        return static_cast<int>(v->get<std::int64_t>());
    }
    template <typename E>
    std::optional<E> choice(const char* key, std::initializer_list<E> options)
    {
        const auto s = text(key);
        if (!s) return std::nullopt;
        std::string listed;
        for (E e : options) {
            if (*s == to_string(e)) return e;
            listed += (listed.empty() ? "" : ", ") + std::string(to_string(e));
        }
        bad(name(key) + " must be one of " + listed + ", not " + quote(*s));
    }
    std::string required_text(const char* key)
    {
        auto s = text(key);
        if (!s) missing(key);
        return *s;
    }
    void missing(const char* key) { bad("missing field " + name(key) + " for verb \"" + verb_ + "\""); }
    [[nodiscard]] bool has(const char* key) const { return args_.contains(key); }

    // Call after reading every known field.
    void no_others() const
    {
        for (const auto& item : args_.items())
            if (!seen_.contains(item.key())) bad("unknown field " + quote("args." + item.key()) + " for verb \"" + verb_ + "\"");
    }
    [[nodiscard]] std::string name(const std::string& key) const { return "\"args." + key + "\""; }

private:
    const json* find(const char* key)
    {
        seen_.insert(key);
        const auto it = args_.find(key);
        return it == args_.end() ? nullptr : &*it;
    }
    [[noreturn]] void wrong(const char* key, const char* want, const json& got) const
    {
        bad(name(key) + " must be " + want + ", not " + type_name(got));
    }

    const json& args_;
    std::string verb_;
    std::set<std::string, std::less<>> seen_;
};

bool is_iso_week(std::string_view s)
{
    auto digits = [&](std::size_t from, std::size_t n) {
        for (std::size_t i = from; i < from + n; ++i)
            if (s[i] < '0' || s[i] > '9') return false;
        return true;
    };
    if (s.size() != 8 || s[4] != '-' || s[5] != 'W' || !digits(0, 4) || !digits(6, 2)) return false;
    const int week = (s[6] - '0') * 10 + (s[7] - '0');
    return week >= 1 && week <= 53;
}

bool is_date(std::string_view s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    auto num = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
        return v;
    };
    using namespace std::chrono;
    return year_month_day{year{num(0, 4)}, month{static_cast<unsigned>(num(5, 2))}, day{static_cast<unsigned>(num(8, 2))}}.ok();
}

Args read_args(Verb verb, const json& args)
{
    Fields f(args, to_string(verb));
    Args out;
    switch (verb) {
    case Verb::Hello: out = HelloArgs{f.text("client").value_or("")}; break;
    case Verb::Start: out = StartArgs{f.text("routine").value_or(""), f.boolean("guide").value_or(true)}; break;
    case Verb::Finish: {
        const auto completed = f.boolean("completed");
        if (!completed) f.missing("completed");
        out = FinishArgs{*completed, f.text("why").value_or("")};
        break;
    }
    case Verb::Pause: {
        PauseArgs p;
        if (f.has("duration") == f.has("until"))
            bad("verb \"pause\" needs exactly one of \"args.duration\" (like \"30m\") and \"args.until\" (\"tomorrow\")");
        if (const auto d = f.text("duration")) {
            p.duration = parse_duration(*d);
            if (!p.duration || *p.duration <= Seconds{0})
                bad("\"args.duration\" must be a positive duration like \"30m\" or \"1h30m\", not " + quote(*d));
        }
        if (const auto u = f.text("until")) {
            if (*u != "tomorrow") bad("\"args.until\" must be \"tomorrow\", not " + quote(*u));
            p.until_tomorrow = true;
        }
        out = p;
        break;
    }
    case Verb::Step: {
        StepArgs s;
        s.exercise = f.required_text("exercise");
        if (s.exercise.empty()) bad("\"args.exercise\" must not be empty");
        s.reps = f.count("reps", 1000);
        s.hold_seconds = f.count("hold_seconds", 3600);
        s.side = f.choice("side", {Side::Left, Side::Right, Side::Both});
        s.feedback = f.choice("feedback", {Feedback::Easy, Feedback::Ok, Feedback::Hard, Feedback::Pain});
        out = s;
        break;
    }
    case Verb::Summary: {
        const auto week = f.text("week").value_or("");
        if (!week.empty() && !is_iso_week(week)) bad("\"args.week\" must be an ISO week like \"2024-W19\", not " + quote(week));
        out = SummaryArgs{week};
        break;
    }
    case Verb::Export: {
        ExportArgs e;
        e.from = f.text("from").value_or("");
        e.to = f.text("to").value_or("");
        for (const auto* d : {&e.from, &e.to})
            if (!d->empty() && !is_date(*d))
                bad(f.name(d == &e.from ? "from" : "to") + " must be a date like \"2024-05-06\", not " + quote(*d));
        if (!e.from.empty() && !e.to.empty() && e.to < e.from) bad("\"args.from\" must not be after \"args.to\"");
        e.format = f.choice("format", {ExportFormat::Csv, ExportFormat::Json}).value_or(ExportFormat::Json);
        out = e;
        break;
    }
    case Verb::Status:
    case Verb::Snooze:
    case Verb::Skip:
    case Verb::Resume:
    case Verb::Reload:
    case Verb::Subscribe: break;
    }
    f.no_others();
    return out;
}

Request read_request(const json& j, std::optional<std::int64_t>& id)
{
    if (!j.is_object()) bad(std::string("a request must be a JSON object, not ") + type_name(j));
    // The id first, so that every later error can be matched to its request.
    const auto idit = j.find("id");
    if (idit == j.end()) bad("missing field \"id\"");
    if (!idit->is_number_integer()) bad(std::string("field \"id\" must be an integer, not ") + type_name(*idit));
    if (idit->is_number_unsigned() && idit->get<std::uint64_t>() > std::numeric_limits<std::int64_t>::max())
        bad("field \"id\" must be an integer that fits in 64 bits");
    id = idit->get<std::int64_t>();

    const auto v = j.find("v");
    if (v == j.end()) bad("missing field \"v\" (the protocol version, 1)");
    if (!v->is_number_integer()) bad(std::string("field \"v\" must be an integer, not ") + type_name(*v));
    if (v->get<std::int64_t>() != version)
        throw Invalid{ErrorCode::UnsupportedVersion,
                      "protocol version " + v->dump() + " is not supported (this daemon speaks " + std::to_string(version) + ")"};

    const auto verb_it = j.find("verb");
    if (verb_it == j.end()) bad("missing field \"verb\"");
    if (!verb_it->is_string()) bad(std::string("field \"verb\" must be a string, not ") + type_name(*verb_it));
    const auto verb = verb_from_string(verb_it->get<std::string>());
    if (!verb) throw Invalid{ErrorCode::UnknownVerb, "unknown verb " + quote(verb_it->get<std::string>())};

    for (const auto& item : j.items())
        if (item.key() != "v" && item.key() != "id" && item.key() != "verb" && item.key() != "args")
            bad("unknown field " + quote(item.key()));

    static const json no_args = json::object();
    const auto args = j.find("args");
    if (args != j.end() && !args->is_object()) bad(std::string("field \"args\" must be an object, not ") + type_name(*args));
    return Request{*id, *verb, read_args(*verb, args == j.end() ? no_args : *args)};
}

}  // namespace

ParseResult parse_request(std::string_view line) noexcept
{
    std::optional<std::int64_t> id;
    try {
        if (line.size() > max_line)
            return ProtocolError{ErrorCode::TooLong, "request line is " + std::to_string(line.size()) + " bytes, over the limit of " + std::to_string(max_line), {}};
        json j;
        try {
            j = json::parse(line);
        } catch (const json::parse_error& e) {
            return ProtocolError{ErrorCode::BadJson, "not valid JSON (at byte " + std::to_string(e.byte) + ")", {}};
        } catch (const json::out_of_range&) {
            // Valid syntax that no double holds, like 1e400.
            return ProtocolError{ErrorCode::BadJson, "not valid JSON (a number is out of range)", {}};
        }
        return read_request(j, id);
    } catch (const Invalid& e) {
        return ProtocolError{e.code, e.message, id};
    } catch (const std::exception& e) {
        // Out of memory or a JSON library fault: still an answer, never a crash.
        return ProtocolError{ErrorCode::Internal, std::string("could not read the request: ") + e.what(), id};
    }
}

std::string to_line(const Request& request)
{
    json args = json::object();
    std::visit(
        [&](const auto& a) {
            using T = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<T, HelloArgs>) {
                if (!a.client.empty()) args["client"] = a.client;
            } else if constexpr (std::is_same_v<T, StartArgs>) {
                if (!a.routine.empty()) args["routine"] = a.routine;
                if (!a.guide) args["guide"] = false;
            } else if constexpr (std::is_same_v<T, FinishArgs>) {
                args["completed"] = a.completed;
                if (!a.why.empty()) args["why"] = a.why;
            } else if constexpr (std::is_same_v<T, PauseArgs>) {
                if (a.duration) args["duration"] = format_duration(*a.duration);
                if (a.until_tomorrow) args["until"] = "tomorrow";
            } else if constexpr (std::is_same_v<T, StepArgs>) {
                args["exercise"] = a.exercise;
                if (a.reps) args["reps"] = *a.reps;
                if (a.hold_seconds) args["hold_seconds"] = *a.hold_seconds;
                if (a.side) args["side"] = to_string(*a.side);
                if (a.feedback) args["feedback"] = to_string(*a.feedback);
            } else if constexpr (std::is_same_v<T, SummaryArgs>) {
                if (!a.week.empty()) args["week"] = a.week;
            } else if constexpr (std::is_same_v<T, ExportArgs>) {
                if (!a.from.empty()) args["from"] = a.from;
                if (!a.to.empty()) args["to"] = a.to;
                args["format"] = to_string(a.format);
            }
        },
        request.args);
    json j{{"v", version}, {"id", request.id}, {"verb", to_string(request.verb)}};
    if (!args.empty()) j["args"] = std::move(args);
    return j.dump() + "\n";
}

}  // namespace limber::protocol
