#include "limber/duration.hpp"

#include "support/catch.hpp"

using namespace std::chrono_literals;
using limber::format_duration;
using limber::parse_duration;
using limber::parse_time_of_day;

TEST_CASE("durations read the way people write them")
{
    CHECK(parse_duration("45m") == 45min);
    CHECK(parse_duration("90s") == 90s);
    CHECK(parse_duration("1h30m") == 90min);
    CHECK(parse_duration("2h") == 2h);
    CHECK(parse_duration("1h2m3s") == 3723s);
    CHECK(parse_duration("0s") == 0s);
    for (const char* bad : {"", "45", "m", "45x", "1m1h", "5m5m", "-5m", "4 5m", "1.5h", "99999999h"})
        CHECK_FALSE(parse_duration(bad));
}

TEST_CASE("durations print in the shortest form that reads back")
{
    for (auto d : {0s, 1s, 59s, 60s, 2700s, 3600s, 5400s, 3723s})
        CHECK(parse_duration(format_duration(d)) == d);
    CHECK(format_duration(5400s) == "1h30m");
    CHECK(format_duration(-90s) == "-1m30s");
}

TEST_CASE("times of day are HH:MM on a 24-hour clock")
{
    CHECK(parse_time_of_day("17:30") == 17h + 30min);
    CHECK(parse_time_of_day("00:00") == 0min);
    CHECK(parse_time_of_day("24:00") == 24h);
    for (const char* bad : {"7:30", "17.30", "24:01", "12:60", "ab:cd", "17:30:00"}) CHECK_FALSE(parse_time_of_day(bad));
    CHECK(limber::format_time_of_day(9h + 5min) == "09:05");
}

TEST_CASE("UTC time stamps are read in limberd's one form, and nothing else")
{
    using namespace std::chrono;
    const auto at = limber::parse_utc_stamp("2026-12-07T18:45:09Z");
    REQUIRE(at);
    CHECK(*at == sys_days{2026y / December / 7} + 18h + 45min + 9s);
    CHECK(limber::parse_utc_stamp("2024-02-29T00:00:00Z") == sys_days{2024y / February / 29});
    CHECK_FALSE(limber::parse_utc_stamp("2026-02-29T00:00:00Z"));  // no such day
    CHECK_FALSE(limber::parse_utc_stamp("2026-12-07T24:00:00Z"));
    CHECK_FALSE(limber::parse_utc_stamp("2026-12-07T18:45:09"));   // no zone
    CHECK_FALSE(limber::parse_utc_stamp("2026-12-07 18:45:09Z"));
    CHECK_FALSE(limber::parse_utc_stamp("2026-1-07T18:45:09Z"));
    CHECK_FALSE(limber::parse_utc_stamp("+026-12-07T18:45:09Z"));
    CHECK_FALSE(limber::parse_utc_stamp("2026-12-07T18:45:09Z "));
    CHECK_FALSE(limber::parse_utc_stamp(""));
}
