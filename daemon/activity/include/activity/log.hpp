// The "activity" logger every source writes its warnings to.
#pragma once

#include <spdlog/logger.h>

#include <memory>

namespace limber {

// The named logger "activity", made on first use (to stderr) unless the program registered
// its own under that name.
std::shared_ptr<spdlog::logger> activity_log();

}  // namespace limber
