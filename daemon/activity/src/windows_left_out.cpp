// The activity factory's Windows entries in a build for another system (CMake's WIN32 off).
#include "activity/activity_parts.hpp"

namespace limber {
namespace {
constexpr ActivityPartEntry windows_left_out_entries[] = {{"windows_idle", "WIN32", nullptr}, {"windows_session", "WIN32", nullptr}};
}  // namespace

std::span<const ActivityPartEntry> windows_activity_part() { return windows_left_out_entries; }

}  // namespace limber
