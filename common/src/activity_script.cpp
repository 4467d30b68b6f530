// Parser for the activity script format (see limber/activity_script.hpp).
#include "limber/activity_script.hpp"

#include "limber/duration.hpp"
#include "limber/error.hpp"
#include "limber/paths.hpp"

#include <fstream>
#include <sstream>

namespace limber {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Moves `i` past blanks and returns it.
std::size_t skip_blanks(std::string_view s, std::size_t i)
{
    while (i < s.size() && is_blank(s[i])) ++i;
    return i;
}

// The end of the word starting at `i`: the next blank or comment.
std::size_t word_end(std::string_view s, std::size_t i)
{
    while (i < s.size() && !is_blank(s[i]) && s[i] != '#') ++i;
    return i;
}

ScriptStep parse_line(std::string_view line, int number, const std::string& file)
{
    auto fail = [&](std::size_t at, const std::string& message) {
        throw ConfigError(file, number, static_cast<int>(at) + 1, "", message);
    };
    std::size_t i = skip_blanks(line, 0);
    if (line[i] != '+') fail(i, "expected '+' and a duration, like '+10m active'");

    const std::size_t d_begin = i + 1;
    const std::size_t d_end = word_end(line, d_begin);
    const std::string_view d_text = line.substr(d_begin, d_end - d_begin);
    if (d_text.empty()) fail(d_begin, "expected a duration after '+', like 30s, 10m or 1h30m");
    const auto after = parse_duration(d_text);
    if (!after) fail(d_begin, "'" + std::string(d_text) + "' is not a duration (like 30s, 10m or 1h30m)");

    const std::size_t k_begin = skip_blanks(line, d_end);
    const std::size_t k_end = word_end(line, k_begin);
    const std::string_view k_text = line.substr(k_begin, k_end - k_begin);
    if (k_text.empty()) fail(k_begin, "expected a state after the duration: active, idle, locked or asleep");
    const auto kind = parse_activity_kind(k_text);
    if (!kind) fail(k_begin, "'" + std::string(k_text) + "' is not a state (active, idle, locked or asleep)");

    const std::size_t rest = skip_blanks(line, k_end);
    if (rest < line.size() && line[rest] != '#') fail(rest, "unexpected text after the state");
    return ScriptStep{*after, *kind, number};
}

}  // namespace

std::optional<ActivityKind> parse_activity_kind(std::string_view word)
{
    for (auto k : {ActivityKind::Active, ActivityKind::Idle, ActivityKind::Locked, ActivityKind::Asleep})
        if (word == to_string(k)) return k;
    return std::nullopt;
}

std::vector<ScriptStep> parse_activity_script(std::string_view text, const std::string& file)
{
    std::vector<ScriptStep> steps;
    int number = 0;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        const std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        ++number;
        const std::size_t first = skip_blanks(line, 0);
        if (first == line.size() || line[first] == '#') continue;
        steps.push_back(parse_line(line, number, file));
    }
    return steps;
}

std::vector<ScriptStep> load_activity_script(const std::string& path)
{
    std::ifstream in(path_from_utf8(path), std::ios::binary);
    if (!in) throw ConfigError(path, 0, 0, "", "cannot read the activity script");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_activity_script(text.str(), path);
}

}  // namespace limber
