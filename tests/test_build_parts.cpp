// limberd's optional parts (LIMBER_WITH_X11, _WAYLAND, _DBUS, _PULSE), in whatever build this
// is: the factories know every source's name, exactly the parts CMake left out have no opener,
// asking for such a source by name says which option would bring it, "auto" goes without it,
// and what needs no part (scripts, the camera, listed applications' processes) is always there.
#include "activity/activity_parts.hpp"
#include "smart_pause/hold_parts.hpp"

#include "support/catch.hpp"

#include <cstdlib>
#include <set>
#include <string>

using namespace std::chrono_literals;

namespace {

const limber::SystemClock clock_;

// The options CMake left out, from LIMBER_TEST_LEFT_OUT ("LIMBER_WITH_X11,LIMBER_WITH_DBUS").
std::set<std::string> left_out_options()
{
    std::set<std::string> out;
    const std::string text = LIMBER_TEST_LEFT_OUT;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto comma = text.find(',', pos);
        out.insert(text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
        if (comma == std::string::npos) break;
        pos = comma + 1;
    }
    return out;
}

}  // namespace

TEST_CASE("exactly the parts this build left out have no activity source, and asking for one says which")
{
    const auto left_out = left_out_options();
    boost::asio::io_context io;
    // No display or bus to find: what is built opens nothing, and that is no error.
    ::setenv("DISPLAY", ":999", 1);
    ::setenv("WAYLAND_DISPLAY", "/nonexistent/limber-test-wayland", 1);
    ::setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/limber-test-bus", 1);
    ::setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/limber-test-bus", 1);
    std::set<std::string> names;
    for (const auto part : {limber::x11_activity_part(), limber::wayland_activity_part(), limber::dbus_activity_part()}) {
        for (const auto& e : part) {
            const std::string name(e.name), option(e.option);
            names.insert(name);
            INFO(name << " from " << option);
            CHECK((e.open == nullptr) == left_out.contains(option));
            if (e.open) {
                CHECK(limber::make_activity_sources(io, name, 2s, clock_).empty());
            } else {
                CHECK_THROWS_WITH(limber::make_activity_sources(io, name, 2s, clock_),
                                  Catch::Contains("'" + name + "' was left out of this build") && Catch::Contains(option + "=OFF"));
            }
        }
    }
    CHECK(names == std::set<std::string>{"x11", "wayland", "mutter", "logind", "screensaver"});
    CHECK(limber::make_activity_sources(io, "auto", 2s, clock_).empty());
    CHECK(limber::make_activity_sources(io, "none", 2s, clock_).empty());
    CHECK_THROWS_WITH(limber::make_activity_sources(io, "x12", 2s, clock_), Catch::Contains("unknown activity source 'x12'"));
    ::unsetenv("WAYLAND_DISPLAY");
    ::unsetenv("DISPLAY");
}

TEST_CASE("exactly the parts this build left out have no smart-pause source, and asking for one says which")
{
    const auto left_out = left_out_options();
    boost::asio::io_context io;
    limber::SmartPause settings;
    settings.apps = {"zoom"};
    limber::HoldSourceOptions options;
    options.sound_retry = 0s;
    std::set<std::string> names;
    for (const auto part : {limber::pulse_hold_part(), limber::x11_hold_part(), limber::dbus_hold_part()}) {
        for (const auto& e : part) {
            const std::string name(e.name), option(e.option);
            names.insert(name);
            INFO(name << " from " << option);
            CHECK((e.open == nullptr) == left_out.contains(option));
            options.spec = name;
            if (e.open)
                CHECK_NOTHROW(limber::make_hold_sources(io, settings, options));
            else
                CHECK_THROWS_WITH(limber::make_hold_sources(io, settings, options),
                                  Catch::Contains("'" + name + "' was left out of this build") && Catch::Contains(option + "=OFF"));
        }
    }
    CHECK(names == std::set<std::string>{"microphone", "fullscreen", "inhibitors", "do_not_disturb"});

    // What needs only /dev and /proc is in every build; "auto" goes without what is left out.
    ::unsetenv("DISPLAY");
    options.spec = "camera,apps";
    const auto sources = limber::make_hold_sources(io, settings, options);
    REQUIRE(sources.size() == 2);
    CHECK(sources[0]->name() == "camera");
    CHECK(sources[1]->name() == "apps");
    options.spec = "auto";
    settings.microphone = settings.inhibitors = settings.do_not_disturb = false;
    CHECK(limber::make_hold_sources(io, settings, options).size() == 2);
}
