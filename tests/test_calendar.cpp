#include "limber/calendar.hpp"
#include "support/catch.hpp"

using limber::IsoWeek;
using limber::iso_week_of;
using limber::parse_iso_week;

namespace {
limber::LocalDay day_number(int y, unsigned m, unsigned d)
{
    return std::chrono::local_days{std::chrono::year{y} / m / d}.time_since_epoch().count();
}
}  // namespace

TEST_CASE("ISO weeks start on Monday and belong to the year of their Thursday")
{
    CHECK(iso_week_of(day_number(2026, 11, 23)) == IsoWeek{2026, 48});
    CHECK(iso_week_of(day_number(2026, 11, 29)) == IsoWeek{2026, 48});
    CHECK(iso_week_of(day_number(2026, 11, 30)) == IsoWeek{2026, 49});
    CHECK(iso_week_of(day_number(2020, 12, 31)) == IsoWeek{2020, 53});
    CHECK(iso_week_of(day_number(2021, 1, 3)) == IsoWeek{2020, 53});
    CHECK(iso_week_of(day_number(2021, 1, 4)) == IsoWeek{2021, 1});
    CHECK(iso_week_of(day_number(2024, 12, 30)) == IsoWeek{2025, 1});
    CHECK(IsoWeek{2026, 48}.monday() == day_number(2026, 11, 23));
    CHECK(IsoWeek{2026, 48}.sunday() == day_number(2026, 11, 29));
    CHECK(IsoWeek{2021, 1}.previous() == IsoWeek{2020, 53});
    CHECK(IsoWeek{2026, 1}.to_string() == "2026-W01");
    CHECK(limber::format_local_day(day_number(2026, 3, 9)) == "2026-03-09");
}

TEST_CASE("weeks parse from YYYY-Www")
{
    CHECK(parse_iso_week("2026-W48") == IsoWeek{2026, 48});
    CHECK(parse_iso_week("2026-w05") == IsoWeek{2026, 5});
    CHECK(parse_iso_week("2020-W53") == IsoWeek{2020, 53});
    for (const char* bad : {"2021-W53", "2026-W00", "2026-48", "2026-W4", "2026-W480", "W48", "abcd-W01", "2026-X10"})
        CHECK_FALSE(parse_iso_week(bad));
}

TEST_CASE("local days follow the UTC offset")
{
    using namespace std::chrono;
    const limber::WallTime utc{sys_days{year{2026} / 3 / 28}.time_since_epoch() + hours{23} + minutes{30}};
    CHECK(limber::local_day_of(utc, minutes{0}) == day_number(2026, 3, 28));
    CHECK(limber::local_day_of(utc, minutes{60}) == day_number(2026, 3, 29));
    CHECK(limber::local_day_of(utc, minutes{-300}) == day_number(2026, 3, 28));
}
