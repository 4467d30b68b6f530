// The factory that turns an activity source spec into sources (see activity_source.hpp).
#include "activity/activity_source.hpp"

#include "activity/log.hpp"
#include "activity/logind.hpp"
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
    boost::asio::io_context& io, std::string_view spec, Millis idle_threshold, const Clock& clock)
{
    std::vector<std::unique_ptr<ActivitySource>> out;
    constexpr std::string_view script_prefix = "script:";
    if (spec == "none") return out;
    if (spec.starts_with(script_prefix)) {
        add(out, make_script_source(io, std::string(spec.substr(script_prefix.size()))));
    } else if (spec == "x11") {
        add(out, X11Idle::open(io, idle_threshold, clock));
    } else if (spec == "wayland") {
        add(out, WaylandIdle::open(io, idle_threshold, clock));
    } else if (spec == "logind") {
        add(out, Logind::open(io));
    } else if (spec == "auto") {
        // Under Wayland, DISPLAY may name XWayland too, whose idle counter sees only the input
        // given to X clients: the compositor's own idle notifications come first there.
        const bool x11 = env_set("DISPLAY");
        const bool wayland = env_set("WAYLAND_DISPLAY");
        if (wayland) add(out, WaylandIdle::open(io, idle_threshold, clock));
        if (out.empty() && x11) add(out, X11Idle::open(io, idle_threshold, clock));
        if (!x11 && !wayland) activity_log()->warn("neither DISPLAY nor WAYLAND_DISPLAY is set; idle is not tracked");
        add(out, Logind::open(io));
    } else {
        throw std::invalid_argument("unknown activity source '" + std::string(spec) +
                                    "' (expected auto, x11, wayland, logind, script:FILE[@SPEED] or none)");
    }
    return out;
}

}  // namespace limber
