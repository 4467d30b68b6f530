#include "limber/settings_schema.hpp"

#include "limber/duration.hpp"

#include <stdexcept>
#include <type_traits>

namespace limber {
namespace {

using Type = SettingType;

constexpr std::int64_t minute = 60;
constexpr std::int64_t hour = 60 * minute;

// A key whose value is the T alternative of SettingValue, kept where `ref` points in Settings.
// `ref` is a generic lambda, `[](auto& s) -> auto& { return s.every; }`, so one function
// serves both reading (const Settings) and writing.
template <class T, class Ref>
SettingKey key(SettingKey k, Ref ref)
{
    k.get = [ref](const Settings& s) { return SettingValue{std::in_place_type<T>, ref(s)}; };
    k.set = [ref](Settings& s, const SettingValue& v) {
        using Field = std::remove_reference_t<decltype(ref(s))>;
        ref(s) = static_cast<Field>(std::get<T>(v));
    };
    return k;
}

SettingKey day(std::string_view name, int weekday, std::string_view meaning)
{
    SettingKey k = key<std::vector<DaySpan>>(
        {.section = "working_hours", .key = name, .type = Type::day_spans, .weekday = weekday, .meaning = meaning},
        [weekday](auto& s) -> auto& { return s.working_hours.days[static_cast<std::size_t>(weekday)]; });
    return k;
}

std::vector<SettingKey> make_schema()
{
    const std::string_view other_day = "as `working_hours.monday`";
    return {
        key<Seconds>({.section = "breaks", .key = "every", .type = Type::duration, .min = 1, .max = 8 * hour,
                      .meaning = "sitting time that earns a break",
                      .comment = "# Sitting time that earns a break. Short idle (reading, thinking) counts as sitting.\n"},
                     [](auto& s) -> auto& { return s.every; }),
        key<Seconds>({.section = "breaks", .key = "warn_before", .type = Type::duration, .min = 0, .max = hour,
                      .shorter_than = "every",
                      .meaning = "heads-up before the break (`\"0s\"`: none)",
                      .comment = "# A gentle heads-up this long before the break is due. \"0s\" turns it off.\n"},
                     [](auto& s) -> auto& { return s.warn_before; }),
        key<std::string>({.section = "breaks", .key = "routine", .type = Type::routine,
                          .meaning = "what a regular break offers",
                          .comment = "# The routine a regular break offers (see routines.toml).\n"},
                         [](auto& s) -> auto& { return s.routine; }),
        key<Seconds>({.section = "breaks", .key = "snooze", .type = Type::duration, .min = 1, .max = 2 * hour,
                      .meaning = "how much sitting time \"Not now\" puts a break off by",
                      .comment = "# \"Not now\" puts the break off by this much sitting time, at most max_snoozes times in a row.\n"},
                     [](auto& s) -> auto& { return s.snooze; }),
        key<std::int64_t>({.section = "breaks", .key = "max_snoozes", .type = Type::integer, .min = 0, .max = 10,
                           .meaning = "how often in a row a break can be put off"},
                          [](auto& s) -> auto& { return s.max_snoozes; }),

        key<Seconds>({.section = "idle", .key = "natural_break", .type = Type::duration, .min = 1, .max = 2 * hour,
                      .meaning = "away this long counts as a break taken",
                      .comment = "# Away from the keyboard and mouse this long counts as a break taken (a natural break).\n"},
                     [](auto& s) -> auto& { return s.natural_break; }),
        key<bool>({.section = "idle", .key = "idle_counts_as_sitting", .type = Type::boolean,
                   .meaning = "short idle (reading) keeps the count going",
                   .comment = "# true: idle shorter than natural_break still counts as sitting. false: the count stops.\n"},
                  [](auto& s) -> auto& { return s.idle_counts_as_sitting; }),

        key<bool>({.section = "working_hours", .key = "enabled", .type = Type::boolean,
                   .meaning = "`false`: reminders around the clock, whatever the days say"},
                  [](auto& s) -> auto& { return s.working_hours.enabled; }),
        day("monday", 1,
            "no breaks outside these hours; a span that ends earlier than it starts is a night shift (`\"22:00-06:00\"`: "
            "until 06:00 the next morning, counted as the day it starts, in the weekly summary too)"),
        day("tuesday", 2, other_day),
        day("wednesday", 3, other_day),
        day("thursday", 4, other_day),
        day("friday", 5, other_day),
        day("saturday", 6, other_day),
        day("sunday", 0, other_day),

        key<bool>({.section = "daily_routine", .key = "enabled", .type = Type::boolean,
                   .meaning = "a longer routine once a working day"},
                  [](auto& s) -> auto& { return s.daily.enabled; }),
        key<std::string>({.section = "daily_routine", .key = "routine", .type = Type::routine,
                          .meaning = "the routine it offers"},
                         [](auto& s) -> auto& { return s.daily.routine; }),
        key<Minutes>({.section = "daily_routine", .key = "at", .type = Type::time_of_day,
                      .meaning = "when; after a night shift, a time earlier than the shift's start comes the next morning"},
                     [](auto& s) -> auto& { return s.daily.at; }),

        key<bool>({.section = "sounds", .key = "enabled", .type = Type::boolean,
                   .meaning = "soft sounds when a break is due and during a routine",
                   .comment = "# Soft sounds from the desktop's sound theme: a break due, hold, release, routine done.\n"},
                  [](auto& s) -> auto& { return s.sounds; }),
        key<bool>({.section = "sounds", .key = "voice", .type = Type::boolean,
                   .meaning = "routines spoken step by step (speech-dispatcher)",
                   .comment = "# Routines spoken step by step, in your language where the desktop has a voice for it.\n"},
                  [](auto& s) -> auto& { return s.voice; }),

        key<bool>({.section = "smart_pause", .key = "fullscreen", .type = Type::boolean,
                   .meaning = "a due break waits while the active window is full screen (a video, slides, a game)"},
                  [](auto& s) -> auto& { return s.smart_pause.fullscreen; }),
        key<bool>({.section = "smart_pause", .key = "inhibitors", .type = Type::boolean,
                   .meaning = "... while an application asks the desktop not to dim the screen (players, slides)"},
                  [](auto& s) -> auto& { return s.smart_pause.inhibitors; }),
        key<bool>({.section = "smart_pause", .key = "camera", .type = Type::boolean,
                   .meaning = "... while a camera is in use (a call)"},
                  [](auto& s) -> auto& { return s.smart_pause.camera; }),
        key<bool>({.section = "smart_pause", .key = "microphone", .type = Type::boolean,
                   .meaning = "... while an application records from a microphone (a call)"},
                  [](auto& s) -> auto& { return s.smart_pause.microphone; }),
        key<bool>({.section = "smart_pause", .key = "do_not_disturb", .type = Type::boolean,
                   .meaning = "... while the desktop's do-not-disturb is on"},
                  [](auto& s) -> auto& { return s.smart_pause.do_not_disturb; }),
        key<std::vector<std::string>>(
            {.section = "smart_pause", .key = "apps", .type = Type::names,
             .meaning = "... while one of these window classes or process names runs (`[\"zoom\", \"obs\"]`)",
             .comment = "# Window classes or process names during which breaks wait, such as [\"zoom\", \"obs\"].\n"},
            [](auto& s) -> auto& { return s.smart_pause.apps; }),
        key<Seconds>({.section = "smart_pause", .key = "grace", .type = Type::duration, .min = 0, .max = hour,
                      .meaning = "how long after the last of these ends the waiting break is offered",
                      .comment = "# How long after the last of them ends the waiting break is offered.\n"},
                     [](auto& s) -> auto& { return s.smart_pause.grace; }),
    };
}

}  // namespace

std::string SettingKey::dotted() const { return std::string(section) + "." + std::string(key); }

const std::vector<SettingSection>& settings_sections()
{
    static const std::vector<SettingSection> sections{
        {"breaks", ""},
        {"idle", ""},
        {"working_hours",
         "# No breaks come due outside these hours: \"off\" or spans like \"09:00-12:30, 13:30-18:00\".\n"
         "# A span that ends earlier than it starts ends the next day, a night shift: \"22:00-06:00\".\n"},
        {"daily_routine",
         "# A longer routine offered once a day, on working days, at a set time. On a day whose hours\n"
         "# run past midnight, a time earlier than that night shift's start comes the next morning.\n"},
        {"sounds", ""},
        {"smart_pause", "# A break that comes due during one of these waits, and is offered once they are over.\n"},
    };
    return sections;
}

const std::vector<SettingKey>& settings_schema()
{
    static const std::vector<SettingKey> schema = make_schema();
    return schema;
}

const SettingKey* find_setting(std::string_view section, std::string_view key)
{
    for (const SettingKey& k : settings_schema())
        if (k.section == section && k.key == key) return &k;
    return nullptr;
}

const SettingKey& setting(std::string_view section, std::string_view key)
{
    if (const SettingKey* k = find_setting(section, key)) return *k;
    throw std::out_of_range("no setting " + std::string(section) + "." + std::string(key));
}

std::string toml_string(std::string_view text)
{
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string format_value(const SettingKey& key, const SettingValue& value)
{
    switch (key.type) {
    case SettingType::boolean: return std::get<bool>(value) ? "true" : "false";
    case SettingType::integer: return std::to_string(std::get<std::int64_t>(value));
    case SettingType::duration: return toml_string(format_duration(std::get<Seconds>(value)));
    case SettingType::routine: return toml_string(std::get<std::string>(value));
    case SettingType::time_of_day: return toml_string(format_time_of_day(std::get<Minutes>(value)));
    case SettingType::day_spans: return toml_string(format_spans(std::get<std::vector<DaySpan>>(value)));
    case SettingType::names: {
        const auto& names = std::get<std::vector<std::string>>(value);
        std::string out = "[";
        for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + toml_string(names[i]);
        return out + "]";
    }
    }
    throw std::logic_error("unknown setting type");
}

std::string format_setting(const SettingKey& key, const Settings& settings) { return format_value(key, key.get(settings)); }

std::string describe_limits(const SettingKey& key)
{
    switch (key.type) {
    case SettingType::boolean: return "true or false";
    case SettingType::integer: return std::to_string(key.min) + " to " + std::to_string(key.max);
    case SettingType::duration: {
        std::string out = format_duration(key.min_duration()) + " to " + format_duration(key.max_duration());
        if (!key.shorter_than.empty()) out += ", shorter than " + std::string(key.section) + "." + std::string(key.shorter_than);
        return out;
    }
    case SettingType::routine: return "a routine in routines.toml";
    case SettingType::time_of_day: return "00:00 to 23:59";
    case SettingType::day_spans: return "spans, or off";
    case SettingType::names: return "a list of names";
    }
    throw std::logic_error("unknown setting type");
}

}  // namespace limber
