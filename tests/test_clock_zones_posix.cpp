// The local offset as the OS's zone rules give it, across DST changes in Europe/Berlin and
// America/New_York at their real instants. Linux only: it sets TZ to IANA zone names, which
// the C runtime reads from the system's zone database; Windows' runtime knows no such names.
#include "limber/clock.hpp"
#include "limber/duration.hpp"
#include "support/catch.hpp"
#include "support/fake_clock.hpp"

#include <cstdlib>
#include <ctime>
#include <string>

using namespace std::chrono_literals;
using std::chrono::minutes;

namespace {
constexpr std::chrono::local_days monday{std::chrono::year{2026} / 11 / 23};
}  // namespace

TEST_CASE("the local offset follows each zone's DST rules, so a scaled clock's calendar crosses them")
{
    struct Zone {
        const char* tz;
        const char* before_change;  // UTC, a second before the change
        int before;
        int after;
    };
    const Zone zone = GENERATE(Zone{"Europe/Berlin", "2026-03-29T00:59:59Z", 60, 120},
                               Zone{"Europe/Berlin", "2026-10-25T00:59:59Z", 120, 60},
                               Zone{"America/New_York", "2026-03-08T06:59:59Z", -300, -240},
                               Zone{"America/New_York", "2026-11-01T05:59:59Z", -240, -300});
    INFO(zone.tz << " at " << zone.before_change);
    const char* old = std::getenv("TZ");
    const std::string saved = old ? old : "";
    setenv("TZ", zone.tz, 1);
    tzset();
    const auto stamp = limber::parse_utc_stamp(zone.before_change);
    REQUIRE(stamp);
    const limber::WallTime t{*stamp};
    CHECK(limber::local_utc_offset(t) == minutes{zone.before});
    CHECK(limber::local_utc_offset(t + 1s) == minutes{zone.after});

    // A clock ten times faster, its calendar starting a minute before the change.
    limber::test::FakeClock base(monday, 9h);
    const limber::ScaledClock fast(base, 10, t - 59s);
    CHECK(fast.now().utc_offset == minutes{zone.before});
    base.advance(6s);  // a minute of the fast clock
    CHECK(fast.now().utc_offset == minutes{zone.after});
    if (old) setenv("TZ", saved.c_str(), 1);
    else unsetenv("TZ");
    tzset();
}
