// What each optional part of the build offers the activity factory (activity_sources.cpp).
// A part (X11, Wayland, D-Bus, Windows) is two files: <part>_part.cpp, compiled when the part
// is built, whose entries open its sources, and <part>_left_out.cpp, compiled when it is not, whose
// entries have no `open` and name the option that would bring them. Exactly one of the two is
// linked, so the factory sees every name in every build and nothing in it is conditional.
#pragma once

#include "activity/activity_source.hpp"

#include <memory>
#include <span>
#include <string_view>

namespace limber {

struct ActivityOpenArgs {
    boost::asio::io_context& io;
    Millis idle_threshold;
    const Clock& clock;
};

struct ActivityPartEntry {
    std::string_view name;    // as --activity-source spells it: "x11"
    std::string_view option;  // the build option that brings it: "LIMBER_WITH_X11"
    // Null when this build left the part out. Else the source, or null (after a warning) when
    // it cannot start here; `fallback` is only Mutter's (the source that reports until GNOME's
    // shell appears on the bus) and is dropped by the others.
    std::unique_ptr<ActivitySource> (*open)(const ActivityOpenArgs& args, std::unique_ptr<ActivitySource> fallback);
};

std::span<const ActivityPartEntry> x11_activity_part();
std::span<const ActivityPartEntry> wayland_activity_part();
std::span<const ActivityPartEntry> dbus_activity_part();
// Windows' own sources (windows_part.cpp on Windows, windows_left_out.cpp elsewhere).
std::span<const ActivityPartEntry> windows_activity_part();

}  // namespace limber
