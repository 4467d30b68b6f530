// What every Limber program needs from the OS at start: its own path and the environment.
#pragma once

#include "limber/paths.hpp"

namespace limber {

// resolve_paths() for this process: the real environment and /proc/self/exe.
Paths runtime_paths();

}  // namespace limber
