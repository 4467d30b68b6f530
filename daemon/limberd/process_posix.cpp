#include "process.hpp"

#include <csignal>

namespace limber {

void prepare_process() { std::signal(SIGPIPE, SIG_IGN); }

}  // namespace limber
