// limberd's logs: one named spdlog logger per subsystem, all writing to a rotating file in
// $XDG_STATE_HOME/limber/ and to stderr (the journal, under systemd).
#pragma once

#include <spdlog/spdlog.h>

#include <filesystem>
#include <string>

namespace limber {

// Registers the loggers limberd, scheduler, activity, store, ipc and config. Unknown level
// names throw std::invalid_argument listing the known ones. A log file that cannot be opened
// is reported on stderr and logging goes on to stderr alone.
void setup_logging(const std::filesystem::path& state_dir, const std::string& level);

// A registered logger by name (the default logger if it was never registered).
spdlog::logger& logger(const char* name);

}  // namespace limber
