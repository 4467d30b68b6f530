#include "limber/settings.hpp"

#include "limber/catalog.hpp"
#include "limber/duration.hpp"
#include "toml_reader.hpp"

#include <algorithm>

namespace limber {
namespace {

using detail::TomlSection;
using namespace std::chrono_literals;
using LocalNs = std::chrono::local_time<std::chrono::nanoseconds>;

constexpr std::array<const char*, 7> day_keys{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

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

Settings read_settings(const toml::table& doc, const std::string& name, const Catalog& catalog)
{
    Settings st;
    TomlSection top(doc, name, "");
    if (auto b = top.optional_section("breaks")) {
        st.every = b->optional_duration("every", 1s, 8h).value_or(st.every);
        st.warn_before = b->optional_duration("warn_before", 0s, 1h).value_or(st.warn_before);
        if (st.warn_before >= st.every)
            b->fail("warn_before", "must be shorter than breaks.every (" + format_duration(st.every) + ")");
        if (auto r = b->optional_string("routine")) {
            check_routine(*b, "routine", *r, catalog);
            st.routine = *r;
        }
        st.snooze = b->optional_duration("snooze", 1s, 2h).value_or(st.snooze);
        st.max_snoozes = static_cast<int>(b->optional_integer("max_snoozes", 0, 10).value_or(st.max_snoozes));
        b->reject_unknown_keys();
    }
    if (auto i = top.optional_section("idle")) {
        st.natural_break = i->optional_duration("natural_break", 1s, 2h).value_or(st.natural_break);
        st.idle_counts_as_sitting = i->optional_boolean("idle_counts_as_sitting").value_or(st.idle_counts_as_sitting);
        i->reject_unknown_keys();
    }
    if (auto w = top.optional_section("working_hours")) {
        st.working_hours.enabled = w->optional_boolean("enabled").value_or(true);
        for (std::size_t d = 0; d < day_keys.size(); ++d)
            if (auto text = w->optional_string(day_keys[d])) st.working_hours.days[d] = parse_spans(*w, day_keys[d], *text);
        // A night shift must be over before the next day's first span starts. Only a day written
        // in the file can run past midnight, so its key is there to name.
        for (std::size_t d = 0; d < day_keys.size(); ++d) {
            const auto& today = st.working_hours.days[d];
            const auto& next = st.working_hours.days[(d + 1) % day_keys.size()];
            if (today.empty() || !today.back().overnight() || next.empty() || next.front().start >= today.back().end - 24h) continue;
            w->fail(day_keys[d], "\"" + format_spans({today.back()}) + "\" runs into " + day_keys[(d + 1) % day_keys.size()] +
                                     "'s \"" + format_spans({next.front()}) + "\"");
        }
        w->reject_unknown_keys();
    }
    if (auto d = top.optional_section("daily_routine")) {
        st.daily.enabled = d->optional_boolean("enabled").value_or(st.daily.enabled);
        if (auto r = d->optional_string("routine")) {
            check_routine(*d, "routine", *r, catalog);
            st.daily.routine = *r;
        }
        st.daily.at = d->optional_time_of_day("at").value_or(st.daily.at);
        if (st.daily.at >= 24h) d->fail("at", "must be before 24:00");
        d->reject_unknown_keys();
    }
    if (auto so = top.optional_section("sounds")) {
        st.sounds = so->optional_boolean("enabled").value_or(st.sounds);
        st.voice = so->optional_boolean("voice").value_or(st.voice);
        so->reject_unknown_keys();
    }
    if (auto sp = top.optional_section("smart_pause")) {
        SmartPause& p = st.smart_pause;
        p.fullscreen = sp->optional_boolean("fullscreen").value_or(p.fullscreen);
        p.inhibitors = sp->optional_boolean("inhibitors").value_or(p.inhibitors);
        p.camera = sp->optional_boolean("camera").value_or(p.camera);
        p.microphone = sp->optional_boolean("microphone").value_or(p.microphone);
        p.dnd = sp->optional_boolean("do_not_disturb").value_or(p.dnd);
        if (auto apps = sp->optional_string_list("apps")) {
            for (const std::string& a : *apps)
                if (a.empty() || std::any_of(a.begin(), a.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }))
                    sp->fail("apps", "\"" + a + "\" is not a window class or process name");
            p.apps = *apps;
        }
        p.grace = sp->optional_duration("grace", 0s, 1h).value_or(p.grace);
        sp->reject_unknown_keys();
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
