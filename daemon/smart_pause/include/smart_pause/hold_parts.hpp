// What each optional part of the build offers smart pause's factory (hold_sources.cpp). As
// for activity (activity/activity_parts.hpp): a part (PulseAudio, X11, D-Bus) is two files,
// <part>_part.cpp when it is built and <part>_left_out.cpp when it is not, whose entries have
// no `open` and name the option that would bring them.
#pragma once

#include "smart_pause/hold_sources.hpp"

#include <algorithm>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

struct HoldRequest {
    boost::asio::io_context& io;
    const SmartPause& settings;
    const HoldSourceOptions& options;
    const std::vector<std::string>& wanted;  // the names the spec asks for
    [[nodiscard]] bool want(std::string_view name) const
    {
        return std::find(wanted.begin(), wanted.end(), name) != wanted.end();
    }
};

struct HoldPartEntry {
    std::string_view name;    // as hold_source_names spells it: "microphone"
    std::string_view option;  // the build option that brings it: "LIMBER_WITH_PULSE"
    // Null when this build left the part out. Else the source, or null when the request does
    // not want it, the settings turn it off, or it cannot work here.
    std::unique_ptr<HoldSource> (*open)(const HoldRequest& request);
};

std::span<const HoldPartEntry> pulse_hold_part();
std::span<const HoldPartEntry> x11_hold_part();
std::span<const HoldPartEntry> dbus_hold_part();
// The system's own sources, each in every build for its system: /dev and /proc on Linux
// (posix_part.cpp; posix_left_out.cpp elsewhere), the registry, the shell and the process list
// on Windows (windows_part.cpp; windows_left_out.cpp elsewhere). A left-out one names nothing.
std::span<const HoldPartEntry> posix_hold_part();
std::span<const HoldPartEntry> windows_hold_part();

}  // namespace limber
