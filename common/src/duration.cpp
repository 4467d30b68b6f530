#include "limber/duration.hpp"

#include <cctype>
#include <cstdio>

namespace limber {

std::optional<std::chrono::seconds> parse_duration(std::string_view text)
{
    if (text.empty()) return std::nullopt;
    long long total = 0;
    int last_unit_rank = 4;  // units must come in the order h, m, s, each at most once
    std::size_t i = 0;
    while (i < text.size()) {
        long long n = 0;
        std::size_t digits = 0;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
            n = n * 10 + (text[i] - '0');
            if (n > 1'000'000) return std::nullopt;
            ++i;
            ++digits;
        }
        if (digits == 0 || i == text.size()) return std::nullopt;
        int rank = 0;
        long long scale = 0;
        switch (text[i]) {
        case 'h': rank = 3; scale = 3600; break;
        case 'm': rank = 2; scale = 60; break;
        case 's': rank = 1; scale = 1; break;
        default: return std::nullopt;
        }
        if (rank >= last_unit_rank) return std::nullopt;
        last_unit_rank = rank;
        total += n * scale;
        ++i;
    }
    return std::chrono::seconds{total};
}

std::string format_duration(std::chrono::seconds d)
{
    long long s = d.count();
    if (s == 0) return "0s";
    std::string out;
    if (s < 0) {
        out = "-";
        s = -s;
    }
    if (s >= 3600) out += std::to_string(s / 3600) + "h";
    if (s % 3600 >= 60) out += std::to_string(s % 3600 / 60) + "m";
    if (s % 60 != 0) out += std::to_string(s % 60) + "s";
    return out;
}

std::optional<std::chrono::minutes> parse_time_of_day(std::string_view text)
{
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (std::size_t i : {0, 1, 3, 4})
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    const int h = (text[0] - '0') * 10 + (text[1] - '0');
    const int m = (text[3] - '0') * 10 + (text[4] - '0');
    if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
    return std::chrono::minutes{h * 60 + m};
}

std::string format_time_of_day(std::chrono::minutes m)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(m.count() / 60), static_cast<int>(m.count() % 60));
    return buf;
}

std::optional<std::chrono::sys_seconds> parse_utc_stamp(std::string_view text)
{
    // Fixed widths, every character checked: sscanf would take "+1" for a digit.
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
        text[19] != 'Z')
        return std::nullopt;
    auto number = [&](std::size_t at, std::size_t width) -> std::optional<int> {
        int v = 0;
        for (std::size_t i = at; i < at + width; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    const auto y = number(0, 4), mo = number(5, 2), d = number(8, 2), h = number(11, 2), mi = number(14, 2), s = number(17, 2);
    if (!y || !mo || !d || !h || !mi || !s || *h > 23 || *mi > 59 || *s > 59) return std::nullopt;
    const std::chrono::year_month_day day{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*mo)},
                                          std::chrono::day{static_cast<unsigned>(*d)}};
    if (!day.ok()) return std::nullopt;
    return std::chrono::sys_days{day} + std::chrono::hours{*h} + std::chrono::minutes{*mi} + std::chrono::seconds{*s};
}

}  // namespace limber
