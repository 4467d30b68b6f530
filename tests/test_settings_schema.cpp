// The table of settings keys: each key goes through the writer and back through the reader,
// its default is Settings{}'s, its limits give the reader's messages, and the README's table
// of keys says the same (a key added to the schema without its README row fails here).
#include "limber/catalog.hpp"
#include "limber/duration.hpp"
#include "limber/error.hpp"
#include "limber/settings.hpp"
#include "limber/settings_edit.hpp"
#include "limber/settings_schema.hpp"

#include "support/catch.hpp"
#include "support/fixtures.hpp"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace {

using limber::Settings;
using limber::SettingKey;
using limber::SettingType;
using limber::SettingValue;
using namespace std::chrono_literals;

const limber::Catalog& catalog()
{
    static const auto& c = limber::test::shipped_catalog();
    return c;
}

Settings parse(const std::string& text) { return limber::parse_settings(text, "limber.toml", catalog()); }

std::string error_of(const std::string& text)
{
    try {
        parse(text);
    } catch (const limber::ConfigError& e) {
        return e.what();
    }
    return "no error";
}

// A value of the key's type other than its default, that the reader takes.
SettingValue other_value(const SettingKey& k, const Settings& defaults)
{
    const SettingValue d = k.get(defaults);
    switch (k.type) {
    case SettingType::boolean: return !std::get<bool>(d);
    case SettingType::integer: return std::get<std::int64_t>(d) == k.min ? k.max : k.min;
    case SettingType::duration: {
        // One end of its range: the low end for one that must be shorter than another key.
        const limber::Seconds end = k.shorter_than.empty() ? k.max_duration() : k.min_duration();
        return end != std::get<limber::Seconds>(d) ? end : (end == k.min_duration() ? k.max_duration() : k.min_duration());
    }
    case SettingType::routine: return std::string(std::get<std::string>(d) == "posture-support" ? "quick-daily-reset" : "posture-support");
    case SettingType::time_of_day: return limber::Minutes{6h + 45min};
    case SettingType::day_spans: return std::vector<limber::DaySpan>{{7h, 11h}, {12h, 15h + 30min}};
    case SettingType::names: return std::vector<std::string>{"zoom", "obs \"studio\"", "C:\\odd"};
    }
    return d;
}

// The rows of the README's table of settings keys: `section.key` -> its cells after the key.
std::map<std::string, std::vector<std::string>> readme_rows()
{
    std::ifstream in(LIMBER_README);
    REQUIRE(in);
    std::map<std::string, std::vector<std::string>> rows;
    bool in_table = false;
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("| key | default | allowed | meaning |")) {
            in_table = true;
            continue;
        }
        if (!in_table || line.starts_with("|---")) continue;
        if (!line.starts_with("|")) break;
        std::vector<std::string> cells;
        std::istringstream row(line.substr(1));
        for (std::string cell; std::getline(row, cell, '|');) {
            const auto first = cell.find_first_not_of(' ');
            const auto last = cell.find_last_not_of(' ');
            cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
        }
        REQUIRE(cells.size() == 4);
        const std::string key = cells[0];
        REQUIRE(key.size() > 2);
        rows[key.substr(1, key.size() - 2)] = {cells[1], cells[2], cells[3]};
    }
    return rows;
}

}  // namespace

TEST_CASE("the schema names every key once, in sections the schema lists")
{
    std::set<std::string> seen;
    std::set<std::string> sections;
    for (const auto& s : limber::settings_sections()) sections.insert(std::string(s.name));
    std::set<int> weekdays;
    for (const SettingKey& k : limber::settings_schema()) {
        INFO(k.dotted());
        CHECK(seen.insert(k.dotted()).second);
        CHECK(sections.contains(std::string(k.section)));
        CHECK_FALSE(k.meaning.empty());
        CHECK(&limber::setting(k.section, k.key) == &k);
        if (k.type == SettingType::day_spans) CHECK(weekdays.insert(k.weekday).second);
        if (k.type == SettingType::integer || k.type == SettingType::duration) CHECK(k.min <= k.max);
        if (!k.shorter_than.empty()) CHECK(limber::find_setting(k.section, k.shorter_than) != nullptr);
    }
    CHECK(weekdays == std::set<int>{0, 1, 2, 3, 4, 5, 6});
    CHECK(limber::find_setting("breaks", "evry") == nullptr);
    CHECK_THROWS_AS(limber::setting("sounds", "volume"), std::out_of_range);
}

TEST_CASE("each key's default is Settings{}'s, and what an empty file and the shipped file give")
{
    const Settings defaults;
    const Settings empty = parse("");
    const Settings shipped = limber::load_settings(LIMBER_CONFIG_DIR "/limber.toml", catalog());
    for (const SettingKey& k : limber::settings_schema()) {
        INFO(k.dotted());
        CHECK(limber::format_setting(k, empty) == limber::format_setting(k, defaults));
        CHECK(limber::format_setting(k, shipped) == limber::format_setting(k, defaults));
    }
    // The saved file of the defaults reads back as them.
    const Settings back = parse(limber::format_settings(defaults));
    for (const SettingKey& k : limber::settings_schema()) CHECK(limber::format_setting(k, back) == limber::format_setting(k, defaults));
}

TEST_CASE("every key round-trips through the writer and the reader")
{
    const Settings defaults;
    for (const SettingKey& k : limber::settings_schema()) {
        INFO(k.dotted());
        Settings s = defaults;
        const SettingValue v = other_value(k, defaults);
        k.set(s, v);
        REQUIRE(k.get(s) == v);
        REQUIRE(k.get(s) != k.get(defaults));
        // In a whole saved file, and as the one key the settings window changes.
        const Settings whole = parse(limber::format_settings(s));
        CHECK(k.get(whole) == v);
        const Settings edited =
            parse(limber::set_setting(limber::format_settings(defaults), std::string(k.section), std::string(k.key), limber::format_value(k, v)));
        CHECK(k.get(edited) == v);
        // The other keys keep their defaults.
        for (const SettingKey& other : limber::settings_schema())
            if (&other != &k) CHECK(limber::format_setting(other, edited) == limber::format_setting(other, defaults));
    }
}

TEST_CASE("values are written as limber.toml writes them")
{
    const Settings s;
    CHECK(limber::format_setting(limber::setting("breaks", "every"), s) == "\"45m\"");
    CHECK(limber::format_setting(limber::setting("breaks", "max_snoozes"), s) == "2");
    CHECK(limber::format_setting(limber::setting("sounds", "voice"), s) == "false");
    CHECK(limber::format_setting(limber::setting("working_hours", "monday"), s) == "\"09:00-18:00\"");
    CHECK(limber::format_setting(limber::setting("working_hours", "sunday"), s) == "\"off\"");
    CHECK(limber::format_setting(limber::setting("daily_routine", "at"), s) == "\"17:30\"");
    CHECK(limber::format_setting(limber::setting("smart_pause", "apps"), s) == "[]");
    CHECK(limber::format_value(limber::setting("smart_pause", "apps"), std::vector<std::string>{"a\"b", "c\\d"}) ==
          "[\"a\\\"b\", \"c\\\\d\"]");
    CHECK(limber::toml_string("say \"hi\"") == "\"say \\\"hi\\\"\"");
}

TEST_CASE("each key's limits are enforced with a message naming file, line and key")
{
    for (const SettingKey& k : limber::settings_schema()) {
        INFO(k.dotted());
        const std::string head = "[" + std::string(k.section) + "]\n" + std::string(k.key) + " = ";
        const std::string at = "limber.toml:2:" + std::to_string(k.key.size() + 4) + ": " + k.dotted() + ": ";
        switch (k.type) {
        case SettingType::boolean: CHECK(error_of(head + "1\n") == at + "expected true or false, found an integer"); break;
        case SettingType::integer:
            CHECK(error_of(head + std::to_string(k.max + 1) + "\n") == at + std::to_string(k.max + 1) + " is out of range (" +
                                                                        limber::describe_limits(k) + ")");
            CHECK(error_of(head + std::to_string(k.min - 1) + "\n") == at + std::to_string(k.min - 1) + " is out of range (" +
                                                                        limber::describe_limits(k) + ")");
            break;
        case SettingType::duration: {
            const std::string range =
                "(" + limber::format_duration(k.min_duration()) + " to " + limber::format_duration(k.max_duration()) + ")";
            const std::string above = limber::format_duration(k.max_duration() + 1s);
            CHECK(error_of(head + "\"" + above + "\"\n") == at + "\"" + above + "\" is out of range " + range);
            if (k.min > 0) {
                const std::string below = limber::format_duration(k.min_duration() - 1s);
                CHECK(error_of(head + "\"" + below + "\"\n") == at + "\"" + below + "\" is out of range " + range);
            }
            CHECK(error_of(head + "\"soon\"\n") == at + "\"soon\" is not a duration; write it like \"45m\", \"90s\" or \"1h30m\"");
            break;
        }
        case SettingType::routine: CHECK_THAT(error_of(head + "\"yoga\"\n"), Catch::Contains(at + "unknown routine \"yoga\" (known: ")); break;
        case SettingType::time_of_day:
            CHECK(error_of(head + "\"24:00\"\n") == at + "must be before 24:00");
            CHECK(error_of(head + "\"5pm\"\n") == at + "\"5pm\" is not a time of day; write it like \"17:30\"");
            break;
        case SettingType::day_spans:
            CHECK(error_of(head + "\"9 to 5\"\n") ==
                  at + "\"9 to 5\" is not a list of hours; write it like \"09:00-18:00\", \"09:00-12:00, 13:00-17:30\" or \"off\"");
            break;
        case SettingType::names:
            CHECK(error_of(head + "\"zoom\"\n") == at + "expected an array of strings, found a string");
            CHECK(error_of(head + "[\"\"]\n") == at + "\"\" is not a window class or process name");
            break;
        }
    }
    // A duration that must be shorter than another key, even when only the other is written.
    CHECK_THAT(error_of("[breaks]\nevery = \"30s\"\n"), Catch::Contains(": breaks.warn_before: must be shorter than breaks.every (30s)"));
}

TEST_CASE("the README's table of settings keys lists every key with its default and limits, and no other")
{
    const auto rows = readme_rows();
    const Settings defaults;
    std::set<std::string> keys;
    for (const SettingKey& k : limber::settings_schema()) {
        const std::string expected_row = "| `" + k.dotted() + "` | `" + limber::format_setting(k, defaults) + "` | " +
                                         limber::describe_limits(k) + " | " + std::string(k.meaning) + " |";
        INFO("README.md, under Settings, wants the row\n" << expected_row);
        keys.insert(k.dotted());
        const auto row = rows.find(k.dotted());
        REQUIRE(row != rows.end());
        CHECK(row->second[0] == "`" + limber::format_setting(k, defaults) + "`");
        CHECK(row->second[1] == limber::describe_limits(k));
        CHECK(row->second[2] == k.meaning);
    }
    for (const auto& [key, cells] : rows) {
        INFO("README.md lists " << key << ", which limber.toml does not have");
        CHECK(keys.contains(key));
    }
}
