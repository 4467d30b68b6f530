// The seam between the operating system and the scheduler: sources that report what the user
// is doing (active, idle, locked, asleep) as events on the daemon's Asio loop.
#pragma once

#include "limber/activity.hpp"
#include "limber/clock.hpp"

#include <boost/asio/io_context.hpp>

#include <functional>
#include <optional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

using ActivityCallback = std::function<void(const Activity&)>;

// One way of learning the user's state. A source runs on the io_context it was made with and
// calls back on that loop's thread; it never polls.
class ActivitySource {
public:
    virtual ~ActivitySource() = default;
    ActivitySource() = default;
    ActivitySource(const ActivitySource&) = delete;
    ActivitySource& operator=(const ActivitySource&) = delete;

    // Begins watching. `on_change` gets the current state when the source can tell it, then
    // every change. It may be called before start() returns.
    virtual void start(ActivityCallback on_change) = 0;
    // Stops watching; no callback runs after this returns. Safe to call twice.
    virtual void stop() = 0;
    [[nodiscard]] virtual std::string name() const = 0;
};

// Makes the sources a spec asks for:
//   "auto"            Wayland idle if $WAYLAND_DISPLAY offers an idle protocol, else (with
//                     $WAYLAND_DISPLAY set) Mutter idle if org.gnome.Mutter.IdleMonitor is on
//                     the session bus, else X11 idle if $DISPLAY works and has XSync; plus
//                     logind if there is a system bus and the ScreenSaver if there is a
//                     session bus; whatever is missing is a warning
//                     (on Windows: windows_idle and windows_session, and nothing else)
//   "x11", "wayland", "mutter", "logind", "screensaver", "windows_idle", "windows_session"
//                     that source alone; if it cannot start, a warning and no source
//   "script:FILE[@N]" play an activity script, N times faster (throws ConfigError if bad)
//   "none"            no source: the user is taken to be active
// Throws std::invalid_argument for an unknown spec. A script's "+0s" is `script_origin` on
// `clock` (limberd: the moment it began counting), or the moment it is started.
std::vector<std::unique_ptr<ActivitySource>> make_activity_sources(
    boost::asio::io_context& io, std::string_view spec, Millis idle_threshold, const Clock& clock,
    std::optional<MonoTime> script_origin = std::nullopt);

}  // namespace limber
