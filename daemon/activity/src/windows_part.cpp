// The Windows part of the activity factory (activity_parts.hpp), built only on Windows: idle
// from GetLastInputInfo, lock and sleep from the session window.
#include "activity/activity_parts.hpp"
#include "activity/windows_session.hpp"

namespace limber {
namespace {
constexpr ActivityPartEntry windows_entries[] = {
    {"windows_idle", "WIN32",
     [](const ActivityOpenArgs& a, std::unique_ptr<ActivitySource>) -> std::unique_ptr<ActivitySource> {
         return open_windows_idle(a.io, a.idle_threshold, a.clock);
     }},
    {"windows_session", "WIN32",
     [](const ActivityOpenArgs& a, std::unique_ptr<ActivitySource>) -> std::unique_ptr<ActivitySource> {
         return std::make_unique<WindowsSession>(a.io);
     }},
};
}  // namespace

std::span<const ActivityPartEntry> windows_activity_part() { return windows_entries; }

}  // namespace limber
