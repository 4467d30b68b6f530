#include "toml_reader.hpp"

#include "limber/duration.hpp"
#include "limber/paths.hpp"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace limber::detail {
namespace {

int line_of(const toml::source_region& r) { return static_cast<int>(r.begin.line); }
int column_of(const toml::source_region& r) { return static_cast<int>(r.begin.column); }

std::string type_name(const toml::node& node)
{
    switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    default: return "nothing";
    }
}

}  // namespace

toml::table parse_toml_text(std::string_view text, const std::string& name)
{
    try {
        return toml::parse(text, name);
    } catch (const toml::parse_error& e) {
        throw ConfigError(name, line_of(e.source()), column_of(e.source()), "",
                          "syntax error: " + std::string(e.description()));
    }
}

toml::table parse_toml_file(const std::string& path)
{
    // Read here rather than by toml::parse_file, which opens a narrow name in the ANSI code
    // page on Windows: the path is UTF-8.
    const auto file = path_from_utf8(path);
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec))
        throw ConfigError(path, 0, 0, "", "is a directory, expected a TOML file");
    if (!std::filesystem::exists(file, ec)) throw ConfigError(path, 0, 0, "", "file not found");
    std::ifstream in(file, std::ios::binary);
    if (!in.is_open()) {
        const int error = errno;
        throw ConfigError(path, 0, 0, "", "cannot read: " + std::generic_category().message(error));
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw ConfigError(path, 0, 0, "", "cannot read: the read failed");
    return parse_toml_text(text.str(), path);
}

TomlSection::TomlSection(const toml::table& table, std::string file, std::string prefix)
    : table_(&table), file_(std::move(file)), prefix_(std::move(prefix))
{
}

std::string TomlSection::qualified(const std::string& key) const
{
    return prefix_.empty() ? key : prefix_ + "." + key;
}

void TomlSection::fail(const std::string& key, const std::string& message) const
{
    if (const toml::node* n = table_->get(key)) fail_at(*n, key, message);
    throw ConfigError(file_, line_of(table_->source()), column_of(table_->source()), qualified(key), message);
}

void TomlSection::fail_at(const toml::node& node, const std::string& key, const std::string& message) const
{
    throw ConfigError(file_, line_of(node.source()), column_of(node.source()), qualified(key), message);
}

bool TomlSection::has(const std::string& key) const { return table_->contains(key); }

const toml::node* TomlSection::take(const std::string& key)
{
    used_.insert(key);
    return table_->get(key);
}

std::optional<std::string> TomlSection::optional_string(const std::string& key)
{
    const toml::node* n = take(key);
    if (!n) return std::nullopt;
    if (!n->is_string()) fail_at(*n, key, "expected a string, found " + type_name(*n));
    return n->as_string()->get();
}

std::string TomlSection::string(const std::string& key)
{
    auto v = optional_string(key);
    if (!v) fail(key, "missing (a string is required)");
    if (v->empty()) fail(key, "must not be empty");
    return *v;
}

std::optional<std::vector<std::string>> TomlSection::optional_string_list(const std::string& key)
{
    const toml::node* n = take(key);
    if (!n) return std::nullopt;
    if (!n->is_array()) fail_at(*n, key, "expected an array of strings, found " + type_name(*n));
    std::vector<std::string> out;
    for (const toml::node& el : *n->as_array()) {
        if (!el.is_string()) fail_at(el, key, "expected an array of strings, found " + type_name(el) + " in it");
        out.push_back(el.as_string()->get());
    }
    return out;
}

std::vector<std::string> TomlSection::string_list(const std::string& key)
{
    auto v = optional_string_list(key);
    if (!v) fail(key, "missing (an array of strings is required)");
    return *v;
}

std::optional<std::int64_t> TomlSection::optional_integer(const std::string& key, std::int64_t min, std::int64_t max)
{
    const toml::node* n = take(key);
    if (!n) return std::nullopt;
    if (!n->is_integer()) fail_at(*n, key, "expected an integer, found " + type_name(*n));
    const std::int64_t v = n->as_integer()->get();
    if (v < min || v > max)
        fail_at(*n, key, std::to_string(v) + " is out of range (" + std::to_string(min) + " to " + std::to_string(max) + ")");
    return v;
}

std::int64_t TomlSection::integer(const std::string& key, std::int64_t min, std::int64_t max)
{
    auto v = optional_integer(key, min, max);
    if (!v) fail(key, "missing (an integer is required)");
    return *v;
}

std::optional<bool> TomlSection::optional_boolean(const std::string& key)
{
    const toml::node* n = take(key);
    if (!n) return std::nullopt;
    if (!n->is_boolean()) fail_at(*n, key, "expected true or false, found " + type_name(*n));
    return n->as_boolean()->get();
}

std::optional<std::chrono::seconds> TomlSection::optional_duration(const std::string& key, std::chrono::seconds min,
                                                                   std::chrono::seconds max)
{
    const toml::node* n = take(key);
    if (!n) return std::nullopt;
    if (!n->is_string())
        fail_at(*n, key, "expected a duration in quotes such as \"45m\", \"90s\" or \"1h30m\", found " + type_name(*n));
    const std::string text = n->as_string()->get();
    auto d = parse_duration(text);
    if (!d) fail_at(*n, key, "\"" + text + "\" is not a duration; write it like \"45m\", \"90s\" or \"1h30m\"");
    if (*d < min || *d > max)
        fail_at(*n, key, "\"" + text + "\" is out of range (" + format_duration(min) + " to " + format_duration(max) + ")");
    return d;
}

std::optional<std::chrono::minutes> TomlSection::optional_time_of_day(const std::string& key)
{
    auto text = optional_string(key);
    if (!text) return std::nullopt;
    auto t = parse_time_of_day(*text);
    if (!t) fail(key, "\"" + *text + "\" is not a time of day; write it like \"17:30\"");
    return t;
}

std::pair<std::int64_t, std::int64_t> TomlSection::range(const std::string& key, std::int64_t min, std::int64_t max)
{
    const toml::node* n = take(key);
    if (!n) fail(key, "missing (an integer or a [low, high] pair is required)");
    auto check = [&](const toml::node& el) {
        if (!el.is_integer()) fail_at(el, key, "expected an integer, found " + type_name(el));
        const std::int64_t v = el.as_integer()->get();
        if (v < min || v > max)
            fail_at(el, key, std::to_string(v) + " is out of range (" + std::to_string(min) + " to " + std::to_string(max) + ")");
        return v;
    };
    if (n->is_integer()) {
        const auto v = check(*n);
        return {v, v};
    }
    const toml::array* arr = n->as_array();
    if (!arr || arr->size() != 2) fail_at(*n, key, "expected an integer or a [low, high] pair");
    const auto lo = check(*arr->get(0));
    const auto hi = check(*arr->get(1));
    if (lo > hi) fail_at(*n, key, "low end " + std::to_string(lo) + " is above high end " + std::to_string(hi));
    return {lo, hi};
}

std::optional<TomlSection> TomlSection::optional_section(const std::string& key)
{
    const toml::node* n = take(key);
    if (!n) return std::nullopt;
    if (!n->is_table()) fail_at(*n, key, "expected a table, found " + type_name(*n));
    return TomlSection(*n->as_table(), file_, qualified(key));
}

std::vector<TomlSection> TomlSection::array_of_sections(const std::string& key)
{
    const toml::node* n = take(key);
    std::vector<TomlSection> out;
    if (!n) return out;
    if (!n->is_array_of_tables()) fail_at(*n, key, "expected [[" + qualified(key) + "]] tables, found " + type_name(*n));
    std::size_t i = 0;
    for (const toml::node& el : *n->as_array())
        out.emplace_back(*el.as_table(), file_, qualified(key) + "[" + std::to_string(i++) + "]");
    return out;
}

void TomlSection::reject_unknown_keys() const
{
    for (auto&& [k, v] : *table_) {
        const std::string name(k.str());
        if (!used_.contains(name))
            throw ConfigError(file_, line_of(k.source()), column_of(k.source()), qualified(name), "unknown key");
    }
}

}  // namespace limber::detail
