// Local days and ISO weeks, the units the compliance record is cut into.
#pragma once

#include "limber/clock.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace limber {

// Days since 1970-01-01 in the user's local time.
using LocalDay = std::int64_t;

LocalDay local_day_of(WallTime utc, Minutes utc_offset);
inline LocalDay local_day_of(const Instant& i) { return local_day_of(i.wall, i.utc_offset); }
// "2026-11-23"
std::string format_local_day(LocalDay day);
// "2026-11-24" back to its day; empty when it is not a date written that way.
std::optional<LocalDay> parse_local_day(std::string_view text);

struct IsoWeek {
    int year = 1970;
    int week = 1;  // 1..53
    friend bool operator==(const IsoWeek&, const IsoWeek&) = default;

    [[nodiscard]] LocalDay monday() const;  // first day of the week
    [[nodiscard]] LocalDay sunday() const { return monday() + 6; }
    [[nodiscard]] IsoWeek previous() const;
    [[nodiscard]] std::string to_string() const;  // "2026-W48"
};

IsoWeek iso_week_of(LocalDay day);
// "2026-W48" or "2026-w48"; nullopt for anything else, or a week the year does not have.
std::optional<IsoWeek> parse_iso_week(std::string_view text);

}  // namespace limber
