// Smart pause's /dev and /proc entries in a build for Windows: none, since the Windows part
// (windows_part.cpp) serves the camera and the listed applications its own way.
#include "smart_pause/hold_parts.hpp"

namespace limber {

std::span<const HoldPartEntry> posix_hold_part() { return {}; }

}  // namespace limber
