// The factory that turns an activity source spec into sources (see activity_source.hpp).
// The sources of the optional parts come from their tables (activity_parts.hpp), so this file
// is the same in every build.
#include "activity/activity_source.hpp"

#include "activity/activity_parts.hpp"
#include "activity/log.hpp"
#include "activity/script_source.hpp"

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

// The entry for `name` in the parts' tables, or null for a name no part has.
const ActivityPartEntry* find_entry(std::string_view name)
{
    for (const auto part : {x11_activity_part(), wayland_activity_part(), dbus_activity_part(), windows_activity_part()})
        for (const auto& e : part)
            if (e.name == name) return &e;
    return nullptr;
}

// Opens the named source if this build has it; null (as for one that cannot start) if not.
std::unique_ptr<ActivitySource> open_if_built(std::string_view name, const ActivityOpenArgs& args,
                                              std::unique_ptr<ActivitySource> fallback = nullptr)
{
    const ActivityPartEntry* e = find_entry(name);
    return e && e->open ? e->open(args, std::move(fallback)) : nullptr;
}

}  // namespace

std::vector<std::unique_ptr<ActivitySource>> make_activity_sources(
    boost::asio::io_context& io, std::string_view spec, Millis idle_threshold, const Clock& clock,
    std::optional<MonoTime> script_origin)
{
    std::vector<std::unique_ptr<ActivitySource>> out;
    const ActivityOpenArgs args{io, idle_threshold, clock};
    constexpr std::string_view script_prefix = "script:";
    if (spec == "none") return out;
    if (spec.starts_with(script_prefix)) {
        add(out, make_script_source(io, std::string(spec.substr(script_prefix.size())), &clock, script_origin));
    } else if (const ActivityPartEntry* windows = find_entry("windows_idle"); spec == "auto" && windows && windows->open) {
        // Windows: idle from the input counter, lock and sleep from the session's messages.
        add(out, open_if_built("windows_idle", args));
        add(out, open_if_built("windows_session", args));
    } else if (spec == "auto") {
        // Idle, from the first of these that works. Under Wayland, DISPLAY may name XWayland
        // too, whose idle counter sees only the input given to X clients: the compositor's own
        // idle notifications come first there, then GNOME's IdleMonitor (Mutter offers neither
        // Wayland idle protocol), and X11 only as the last resort.
        const bool x11 = env_set("DISPLAY");
        const bool wayland = env_set("WAYLAND_DISPLAY");
        // GNOME's shell may take its name on the bus after limberd starts: Mutter is then
        // followed, and X11 reports until it appears.
        if (wayland) add(out, open_if_built("wayland", args));
        if (out.empty() && wayland) add(out, open_if_built("mutter", args, x11 ? open_if_built("x11", args) : nullptr));
        if (out.empty() && x11) add(out, open_if_built("x11", args));
        if (!x11 && !wayland) activity_log()->warn("neither DISPLAY nor WAYLAND_DISPLAY is set; idle is not tracked");
        // A build without a part says so where its source would have been tried.
        const auto say_if_left_out = [](std::string_view name) {
            if (const ActivityPartEntry* e = find_entry(name); e && !e->open)
                activity_log()->info("no {} source: this build left it out ({}=OFF)", name, e->option);
        };
        if (wayland) {
            say_if_left_out("wayland");
            say_if_left_out("mutter");
        }
        if (x11) say_if_left_out("x11");
        say_if_left_out("logind");
        say_if_left_out("screensaver");
        // Lock and sleep: logind on the system bus, and the desktop's screensaver on the
        // session bus, which knows of locks that logind is not told about.
        add(out, open_if_built("logind", args));
        add(out, open_if_built("screensaver", args));
    } else if (const ActivityPartEntry* e = find_entry(spec)) {
        if (!e->open)
            throw std::invalid_argument("activity source '" + std::string(spec) + "' was left out of this build (" +
                                        std::string(e->option) + "=OFF)");
        add(out, e->open(args, nullptr));
    } else {
        throw std::invalid_argument("unknown activity source '" + std::string(spec) +
                                    "' (expected auto, x11, wayland, mutter, logind, screensaver, windows_idle, windows_session, "
                                    "script:FILE[@SPEED] or none)");
    }
    return out;
}

}  // namespace limber
