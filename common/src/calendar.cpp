#include "limber/calendar.hpp"

#include <cstdio>

namespace limber {
namespace {

using namespace std::chrono;

// 1970-01-01 was a Thursday; Monday-based weekday index (Monday = 0).
int weekday_index(LocalDay day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }

LocalDay to_day(const year_month_day& ymd) { return local_days{ymd}.time_since_epoch().count(); }

// The Monday of ISO week 1: the week holding January 4th.
LocalDay week_one_monday(int y)
{
    const LocalDay jan4 = to_day(year{y} / January / 4);
    return jan4 - weekday_index(jan4);
}

}  // namespace

LocalDay local_day_of(WallTime utc, Minutes utc_offset)
{
    return floor<days>(utc + utc_offset).time_since_epoch().count();
}

std::optional<LocalDay> parse_local_day(std::string_view text)
{
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(std::string(text).c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) return std::nullopt;
    const year_month_day ymd{year{y}, month{m}, day{d}};
    if (!ymd.ok()) return std::nullopt;
    return local_days{ymd}.time_since_epoch().count();
}

std::string format_local_day(LocalDay day)
{
    const year_month_day ymd{local_days{days{day}}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

LocalDay IsoWeek::monday() const { return week_one_monday(year) + 7 * (week - 1); }

IsoWeek IsoWeek::previous() const { return iso_week_of(monday() - 7); }

std::string IsoWeek::to_string() const
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-W%02d", year, week);
    return buf;
}

IsoWeek iso_week_of(LocalDay day)
{
    // The ISO year is the year of the week's Thursday.
    const LocalDay thursday = day - weekday_index(day) + 3;
    const int y = static_cast<int>(year_month_day{local_days{days{thursday}}}.year());
    return IsoWeek{y, static_cast<int>((thursday - week_one_monday(y)) / 7) + 1};
}

std::optional<IsoWeek> parse_iso_week(std::string_view text)
{
    int y = 0;
    int w = 0;
    char sep = 0;
    char tail = 0;
    const std::string s(text);
    if (s.size() != 8 || std::sscanf(s.c_str(), "%4d-%c%2d%c", &y, &sep, &w, &tail) != 3) return std::nullopt;
    if ((sep != 'W' && sep != 'w') || y < 1970 || y > 9999 || w < 1) return std::nullopt;
    const IsoWeek week{y, w};
    if (iso_week_of(week.monday()) != week) return std::nullopt;  // week 53 of a 52-week year
    return week;
}

}  // namespace limber
