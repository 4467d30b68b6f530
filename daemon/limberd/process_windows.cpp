#include "process.hpp"

#include <windows.h>

namespace limber {

void prepare_process() { SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOOPENFILEERRORBOX); }

}  // namespace limber
