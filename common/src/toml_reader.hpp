// Typed, position-aware reading of a TOML table: every mistake becomes a ConfigError naming
// file, line, column and the dotted key, and keys nobody asked for are reported as unknown.
#pragma once

#include "limber/error.hpp"

#include <toml++/toml.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace limber::detail {

// Parses a whole file; a syntax error, a missing file or a directory becomes a ConfigError.
toml::table parse_toml_file(const std::string& path);
toml::table parse_toml_text(std::string_view text, const std::string& name);

class TomlSection {
public:
    // `where` is the node the section came from (for errors about the section itself).
    TomlSection(const toml::table& table, std::string file, std::string prefix);

    [[nodiscard]] bool has(const std::string& key) const;

    std::string string(const std::string& key);
    std::optional<std::string> optional_string(const std::string& key);
    std::vector<std::string> string_list(const std::string& key);
    std::optional<std::vector<std::string>> optional_string_list(const std::string& key);
    std::int64_t integer(const std::string& key, std::int64_t min, std::int64_t max);
    std::optional<std::int64_t> optional_integer(const std::string& key, std::int64_t min, std::int64_t max);
    std::optional<bool> optional_boolean(const std::string& key);
    // A duration string ("45m"), checked against [min, max].
    std::optional<std::chrono::seconds> optional_duration(const std::string& key, std::chrono::seconds min,
                                                          std::chrono::seconds max);
    std::optional<std::chrono::minutes> optional_time_of_day(const std::string& key);
    // A [min, max] pair of integers, or a single integer meaning min == max.
    std::pair<std::int64_t, std::int64_t> range(const std::string& key, std::int64_t min, std::int64_t max);

    std::optional<TomlSection> optional_section(const std::string& key);
    std::vector<TomlSection> array_of_sections(const std::string& key);

    // Throws for the first key in the table that no accessor asked for.
    void reject_unknown_keys() const;

    [[noreturn]] void fail(const std::string& key, const std::string& message) const;
    [[noreturn]] void fail_at(const toml::node& node, const std::string& key, const std::string& message) const;
    [[nodiscard]] std::string qualified(const std::string& key) const;
    [[nodiscard]] const std::string& file() const { return file_; }

private:
    const toml::node* take(const std::string& key);

    const toml::table* table_;
    std::string file_;
    std::string prefix_;
    std::set<std::string> used_;
};

}  // namespace limber::detail
