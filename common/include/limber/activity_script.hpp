// The activity script format: a plain-text list of timed state changes, played by the
// scripted activity source so tests and demos can act out a day in seconds.
#pragma once

#include "limber/clock.hpp"
#include "limber/scheduler.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

// One line of a script: after `after` (counted from the previous step, or from the start for
// the first), the user switches to `kind`.
struct ScriptStep {
    Seconds after{0};
    ActivityKind kind = ActivityKind::Active;
    int line = 0;  // where it came from, for messages

    friend bool operator==(const ScriptStep&, const ScriptStep&) = default;
};

// Parses a script. Each non-blank line is `+DURATION STATE`, where DURATION is what
// parse_duration reads ("30s", "10m", "1h30m") and STATE is active, idle, locked or asleep;
// `#` starts a comment anywhere. Throws ConfigError naming `file`, line and column.
std::vector<ScriptStep> parse_activity_script(std::string_view text, const std::string& file);

// Reads and parses a script file. Throws ConfigError when it cannot be read or parsed.
std::vector<ScriptStep> load_activity_script(const std::string& path);

// "active", "idle", "locked", "asleep"; nullopt for anything else.
std::optional<ActivityKind> parse_activity_kind(std::string_view word);

}  // namespace limber
