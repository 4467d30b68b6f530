// Smart pause's Windows entries in a build for another system (CMake's WIN32 off): none. The
// names the Windows part serves are served here by the other parts (the camera and listed
// applications by posix_part.cpp), so there is nothing left out to name.
#include "smart_pause/hold_parts.hpp"

namespace limber {

std::span<const HoldPartEntry> windows_hold_part() { return {}; }

}  // namespace limber
