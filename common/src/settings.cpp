#include "limber/settings.hpp"

#include "limber/catalog.hpp"
#include "limber/duration.hpp"
#include "limber/settings_schema.hpp"
#include "toml_reader.hpp"

#include <algorithm>

namespace limber {
namespace {

using detail::TomlSection;
using namespace std::chrono_literals;
using LocalNs = std::chrono::local_time<std::chrono::nanoseconds>;

// "09:00-12:30, 13:30-18:00" or "off".
std::vector<DaySpan> parse_spans(TomlSection& s, const std::string& key, const std::string& text)
{
    std::vector<DaySpan> spans;
    if (text == "off") return spans;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t comma = text.find(',', pos);
        std::string part = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        while (!part.empty() && part.front() == ' ') part.erase(part.begin());
        while (!part.empty() && part.back() == ' ') part.pop_back();
        const auto dash = part.find('-');
        std::optional<Minutes> a, b;
        if (dash != std::string::npos) {
            a = parse_time_of_day(part.substr(0, dash));
            b = parse_time_of_day(part.substr(dash + 1));
        }
        if (!a || !b)
            s.fail(key, "\"" + text + "\" is not a list of hours; write it like \"09:00-18:00\", \"09:00-12:00, 13:00-17:30\" or \"off\"");
        if (*a >= 24h) s.fail(key, "\"" + part + "\" starts at 24:00; start it at 00:00 on the next day");
        if (*a == *b)
            s.fail(key, "\"" + part + "\" ends when it starts; a span that ends the next day ends earlier than it starts, "
                        "like \"22:00-06:00\"");
        // Ending earlier than it starts: a night shift, until that time the next day.
        if (*b < *a) *b += 24h;
        if (!spans.empty() && *a < spans.back().end) s.fail(key, "\"" + part + "\" overlaps or comes before the span before it");
        spans.push_back({*a, *b});
        if (comma == std::string::npos) break;
        pos = comma + 1;
    }
    return spans;
}

void check_routine(TomlSection& s, const std::string& key, const std::string& id, const Catalog& catalog)
{
    if (!catalog.find_routine(id)) {
        std::string names;
        for (const auto& r : catalog.routines) names += (names.empty() ? "" : ", ") + r.id;
        s.fail(key, "unknown routine \"" + id + "\" (known: " + names + ")");
    }
}

// One key, by its type and limits in the schema; absent, the value stays as it is (the default).
void read_key(TomlSection& s, const SettingKey& k, Settings& st, const Catalog& catalog)
{
    const std::string key(k.key);
    switch (k.type) {
    case SettingType::boolean:
        if (auto v = s.optional_boolean(key)) k.set(st, *v);
        break;
    case SettingType::integer:
        if (auto v = s.optional_integer(key, k.min, k.max)) k.set(st, *v);
        break;
    case SettingType::duration:
        if (auto v = s.optional_duration(key, k.min_duration(), k.max_duration())) k.set(st, *v);
        break;
    case SettingType::routine:
        if (auto r = s.optional_string(key)) {
            check_routine(s, key, *r, catalog);
            k.set(st, *r);
        }
        break;
    case SettingType::time_of_day:
        if (auto t = s.optional_time_of_day(key)) {
            if (*t >= 24h) s.fail(key, "must be before 24:00");
            k.set(st, *t);
        }
        break;
    case SettingType::day_spans:
        if (auto text = s.optional_string(key)) k.set(st, parse_spans(s, key, *text));
        break;
    case SettingType::names:
        if (auto names = s.optional_string_list(key)) {
            for (const std::string& a : *names)
                if (a.empty() || std::any_of(a.begin(), a.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }))
                    s.fail(key, "\"" + a + "\" is not a window class or process name");
            k.set(st, *names);
        }
        break;
    }
    // Checked whether or not the key is written: the default may not fit the other key's value.
    if (!k.shorter_than.empty()) {
        const SettingKey& other = setting(k.section, k.shorter_than);
        const Seconds limit = std::get<Seconds>(other.get(st));
        if (std::get<Seconds>(k.get(st)) >= limit)
            s.fail(key, "must be shorter than " + other.dotted() + " (" + format_duration(limit) + ")");
    }
}

// The days of the week, read as one in weekday order (Sunday first), then checked together: a
// night shift must be over before the next day's first span starts.
void read_week(TomlSection& w, const std::array<const SettingKey*, 7>& week, Settings& st, const Catalog& catalog)
{
    for (const SettingKey* k : week) read_key(w, *k, st, catalog);
    // Only a day written in the file can run past midnight, so its key is there to name.
    const auto spans = [&](std::size_t d) { return std::get<std::vector<DaySpan>>(week[d % week.size()]->get(st)); };
    for (std::size_t d = 0; d < week.size(); ++d) {
        const auto today = spans(d);
        const auto next = spans(d + 1);
        if (today.empty() || !today.back().overnight() || next.empty() || next.front().start >= today.back().end - 24h) continue;
        w.fail(std::string(week[d]->key), "\"" + format_spans({today.back()}) + "\" runs into " +
                                              std::string(week[(d + 1) % week.size()]->key) + "'s \"" +
                                              format_spans({next.front()}) + "\"");
    }
}

// Each section of the schema in turn, its keys in the schema's order.
Settings read_settings(const toml::table& doc, const std::string& name, const Catalog& catalog)
{
    Settings st;
    TomlSection top(doc, name, "");
    for (const SettingSection& section : settings_sections()) {
        auto s = top.optional_section(std::string(section.name));
        if (!s) continue;
        std::array<const SettingKey*, 7> week{};
        for (const SettingKey& k : settings_schema())
            if (k.section == section.name && k.type == SettingType::day_spans) week.at(static_cast<std::size_t>(k.weekday)) = &k;
        bool week_read = false;
        for (const SettingKey& k : settings_schema()) {
            if (k.section != section.name) continue;
            if (k.type != SettingType::day_spans) {
                read_key(*s, k, st, catalog);
            } else if (!week_read) {
                read_week(*s, week, st, catalog);
                week_read = true;
            }
        }
        s->reject_unknown_keys();
    }
    top.reject_unknown_keys();
    if (!catalog.find_routine(st.routine)) top.fail("breaks", "the default routine \"" + st.routine + "\" is not in the catalog");
    return st;
}

}  // namespace

WorkingHours WorkingHours::office_default()
{
    WorkingHours w;
    for (int d = 1; d <= 5; ++d) w.days[static_cast<std::size_t>(d)] = {{Minutes{9 * 60}, Minutes{18 * 60}}};
    return w;
}

bool WorkingHours::contains(LocalNs t) const
{
    if (!enabled) return true;
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const auto minute = std::chrono::floor<Minutes>(t - day);
    for (const DaySpan& s : days[std::chrono::weekday{day}.c_encoding()])
        if (minute >= s.start && minute < s.end) return true;
    // The hours after midnight of yesterday's night shift, on yesterday's clock (02:00 is 26:00).
    for (const DaySpan& s : days[std::chrono::weekday{day - std::chrono::days{1}}.c_encoding()])
        if (s.overnight() && minute + 24h < s.end) return true;
    return false;
}

bool WorkingHours::is_working_day(std::chrono::local_days day) const
{
    return !enabled || !days[std::chrono::weekday{day}.c_encoding()].empty();
}

Minutes WorkingHours::after_midnight(std::chrono::weekday day) const
{
    const auto& spans = days[day.c_encoding()];
    // Spans come in order and nothing follows a night shift on its day: only the last can be one.
    if (!enabled || spans.empty() || !spans.back().overnight()) return Minutes{0};
    return spans.back().end - 24h;
}

std::chrono::local_days WorkingHours::day_of(LocalNs t) const
{
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const auto yesterday = day - std::chrono::days{1};
    return t - day < after_midnight(std::chrono::weekday{yesterday}) ? yesterday : day;
}

std::chrono::local_time<Minutes> WorkingHours::daily_time(std::chrono::local_days day, Minutes at) const
{
    const auto& spans = days[std::chrono::weekday{day}.c_encoding()];
    // The day's hours end the next morning: its end of day is then too.
    if (enabled && !spans.empty() && spans.back().overnight() && at < spans.back().start) return day + std::chrono::days{1} + at;
    return day + at;
}

std::optional<LocalNs> WorkingHours::next_change(LocalNs t) const
{
    if (!enabled) return std::nullopt;
    const auto today = std::chrono::floor<std::chrono::days>(t);
    // From yesterday: its night shift may end today. Edges come in time order, since a night
    // shift is over before the next day's first span starts.
    for (int i = -1; i <= 8; ++i) {
        const auto day = today + std::chrono::days{i};
        for (const DaySpan& s : days[std::chrono::weekday{day}.c_encoding()]) {
            for (Minutes edge : {s.start, s.end}) {
                const LocalNs at{day.time_since_epoch() + edge};
                if (at > t) return at;
            }
        }
    }
    return std::nullopt;
}

Settings load_settings(const std::string& path, const Catalog& catalog)
{
    return read_settings(detail::parse_toml_file(path), path, catalog);
}

Settings parse_settings(std::string_view text, const std::string& name, const Catalog& catalog)
{
    return read_settings(detail::parse_toml_text(text, name), name, catalog);
}

}  // namespace limber
