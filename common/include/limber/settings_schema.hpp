// Every key of limber.toml in one table: its section and name, its type and limits, what it
// means, and where its value lives in Settings. The reader (parse_settings), the writer
// (format_settings), the tray's settings window and the README's table of keys all follow
// it: a new setting is one row here (and one in the README, which a test holds to this).
#pragma once

#include "limber/settings.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace limber {

enum class SettingType {
    boolean,      // true or false
    integer,      // a whole number in [min, max]
    duration,     // "45m", "90s", "1h30m": seconds in [min, max]
    routine,      // a routine's id: one of the routines the catalog holds
    time_of_day,  // "17:30", before 24:00
    day_spans,    // a weekday's hours: "09:00-12:30, 13:30-18:00", "22:00-06:00" or "off"
    names,        // window classes or process names: ["zoom", "obs"]
};

// A key's value, of the alternative its type holds: boolean bool, integer int64_t, duration
// Seconds, routine string, time_of_day Minutes, day_spans vector<DaySpan>, names vector<string>.
using SettingValue =
    std::variant<bool, std::int64_t, Seconds, std::string, Minutes, std::vector<DaySpan>, std::vector<std::string>>;

struct SettingSection {
    std::string_view name;     // the [table] in limber.toml
    std::string_view comment;  // "# ..." lines a saved file writes under the header, or empty
};

struct SettingKey {
    std::string_view section{};
    std::string_view key{};
    SettingType type = SettingType::boolean;
    // integer: the value's range; duration: in seconds. Both ends allowed.
    std::int64_t min = 0;
    std::int64_t max = 0;
    // duration: must be shorter than this key of the same section, checked after reading it.
    std::string_view shorter_than{};
    // day_spans: the weekday, 0 = Sunday (the index into WorkingHours::days).
    int weekday = -1;
    std::string_view meaning{};  // for the README's table of keys
    std::string_view comment{};  // "# ..." lines a saved file writes above the key, or empty
    std::function<SettingValue(const Settings&)> get{};
    std::function<void(Settings&, const SettingValue&)> set{};

    // "breaks.every", as error messages and the README name it.
    [[nodiscard]] std::string dotted() const;
    [[nodiscard]] Seconds min_duration() const { return Seconds{min}; }
    [[nodiscard]] Seconds max_duration() const { return Seconds{max}; }
};

// The sections in file order.
const std::vector<SettingSection>& settings_sections();
// Every key, a section's keys together, in the order of a saved file.
const std::vector<SettingKey>& settings_schema();
// The key, or nullptr when the table has none such.
const SettingKey* find_setting(std::string_view section, std::string_view key);
// The key; throws std::out_of_range for a key the table does not have (a mistake in the code).
const SettingKey& setting(std::string_view section, std::string_view key);

// `value` as limber.toml writes it for `key`: "true", "2", "\"45m\"", "\"09:00-18:00\"",
// "[\"zoom\", \"obs\"]". parse_settings() reads it back to the same value.
std::string format_value(const SettingKey& key, const SettingValue& value);
// The key's value in `settings`, written so.
std::string format_setting(const SettingKey& key, const Settings& settings);
// `text` as a TOML basic string: in double quotes, with " and \ escaped. (Setting values are
// checked to hold no control characters.)
std::string toml_string(std::string_view text);
// What values the key takes, in words for the README: "1s to 8h", "0 to 10", "true or false".
std::string describe_limits(const SettingKey& key);

}  // namespace limber
