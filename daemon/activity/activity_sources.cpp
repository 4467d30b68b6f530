// The factory that turns an activity source spec into sources (see activity_source.hpp).
#include "activity/activity_source.hpp"

#include "activity/log.hpp"
#include "activity/logind.hpp"
#include "activity/mutter_idle.hpp"
#include "activity/screensaver.hpp"
#include "activity/script_source.hpp"
#include "activity/wayland_idle.hpp"
#include "activity/x11_idle.hpp"

#include <cstdlib>
#include <stdexcept>

namespace limber {
namespace {

bool env_set(const char* name)
{
    const char* v = std::getenv(name);
    return v && *v;
}

template <typename T>
void add(std::vector<std::unique_ptr<ActivitySource>>& out, std::unique_ptr<T> source)
{
    if (source) out.push_back(std::move(source));
}

}  // namespace

std::vector<std::unique_ptr<ActivitySource>> make_activity_sources(
    boost::asio::io_context& io, std::string_view spec, Millis idle_threshold, const Clock& clock,
    std::optional<MonoTime> script_origin)
{
    std::vector<std::unique_ptr<ActivitySource>> out;
    constexpr std::string_view script_prefix = "script:";
    if (spec == "none") return out;
    if (spec.starts_with(script_prefix)) {
        add(out, make_script_source(io, std::string(spec.substr(script_prefix.size())), &clock, script_origin));
    } else if (spec == "x11") {
        add(out, X11Idle::open(io, idle_threshold, clock));
    } else if (spec == "wayland") {
        add(out, WaylandIdle::open(io, idle_threshold, clock));
    } else if (spec == "logind") {
        add(out, Logind::open(io));
    } else if (spec == "screensaver") {
        add(out, ScreenSaver::open(io));
    } else if (spec == "mutter") {
        add(out, MutterIdle::open(io, idle_threshold, clock));
    } else if (spec == "auto") {
        // Idle, from the first of these that works. Under Wayland, DISPLAY may name XWayland
        // too, whose idle counter sees only the input given to X clients: the compositor's own
        // idle notifications come first there, then GNOME's IdleMonitor (Mutter offers neither
        // Wayland idle protocol), and X11 only as the last resort.
        const bool x11 = env_set("DISPLAY");
        const bool wayland = env_set("WAYLAND_DISPLAY");
        // GNOME's shell may take its name on the bus after limberd starts: Mutter is then
        // followed, and X11 reports until it appears.
        if (wayland) add(out, WaylandIdle::open(io, idle_threshold, clock));
        if (out.empty() && wayland)
            add(out, MutterIdle::open(io, idle_threshold, clock, x11 ? X11Idle::open(io, idle_threshold, clock) : nullptr));
        if (out.empty() && x11) add(out, X11Idle::open(io, idle_threshold, clock));
        if (!x11 && !wayland) activity_log()->warn("neither DISPLAY nor WAYLAND_DISPLAY is set; idle is not tracked");
        // Lock and sleep: logind on the system bus, and the desktop's screensaver on the
        // session bus, which knows of locks that logind is not told about.
        add(out, Logind::open(io));
        add(out, ScreenSaver::open(io));
    } else {
        throw std::invalid_argument("unknown activity source '" + std::string(spec) +
                                    "' (expected auto, x11, wayland, mutter, logind, screensaver, script:FILE[@SPEED] or none)");
    }
    return out;
}

}  // namespace limber
