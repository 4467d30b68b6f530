#include "limber/settings_edit.hpp"

#include <string_view>
#include <vector>

namespace limber {
namespace {

std::string_view trimmed(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

// The table a header line opens ("[a]" -> "a", "[[a]]" -> "[a]"), or nothing.
bool header(std::string_view line, std::string& name)
{
    std::string_view t = trimmed(line);
    if (const auto hash = t.find('#'); hash != std::string_view::npos && t.starts_with('[')) t = trimmed(t.substr(0, hash));
    if (t.size() < 2 || t.front() != '[' || t.back() != ']') return false;
    name.clear();
    for (char c : t.substr(1, t.size() - 2))
        if (c != ' ' && c != '\t') name += c;
    return true;
}

bool defines(std::string_view line, const std::string& key)
{
    const std::string_view t = trimmed(line);
    if (!t.starts_with(key)) return false;
    const std::string_view rest = trimmed(t.substr(key.size()));
    return rest.starts_with('=');
}

}  // namespace

std::string set_setting(std::string text, const std::string& section, const std::string& key, const std::string& value_literal)
{
    std::vector<std::string> lines;
    for (std::size_t at = 0; at < text.size();) {
        const auto end = text.find('\n', at);
        lines.push_back(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
        at = end == std::string::npos ? text.size() : end + 1;
    }
    const std::string line = key + " = " + value_literal;
    std::string current;  // the keys before any header belong to ""
    std::string name;
    bool in_section = section.empty();
    bool seen_section = section.empty();
    std::size_t last_of_section = 0;  // insert after this line (0 with nothing yet: at the top)
    bool has_last = false;
    std::size_t i = 0;
    for (; i < lines.size(); ++i) {
        if (header(lines[i], name)) {
            if (in_section) break;  // the section ended without the key
            current = name;
            in_section = current == section;
            if (in_section) {
                seen_section = true;
                last_of_section = i;
                has_last = true;
            }
            continue;
        }
        if (!in_section) continue;
        if (defines(lines[i], key)) {
            const auto indent = lines[i].find_first_not_of(" \t");
            lines[i] = lines[i].substr(0, indent) + line;
            std::string out;
            for (std::size_t j = 0; j < lines.size(); ++j) out += lines[j] + (j + 1 < lines.size() || text.ends_with('\n') ? "\n" : "");
            return out;
        }
        if (!trimmed(lines[i]).empty()) {
            last_of_section = i;
            has_last = true;
        }
    }
    std::string out;
    if (seen_section) {
        const std::size_t insert_at = has_last ? last_of_section + 1 : 0;
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(insert_at), line);
        for (const auto& l : lines) out += l + "\n";
        return out;
    }
    for (const auto& l : lines) out += l + "\n";
    if (!out.empty() && !out.ends_with("\n\n")) out += "\n";
    return out + "[" + section + "]\n" + line + "\n";
}

}  // namespace limber
