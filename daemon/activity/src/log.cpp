// The "activity" logger (see log.hpp).
#include "activity/log.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace limber {

std::shared_ptr<spdlog::logger> activity_log()
{
    if (auto existing = spdlog::get("activity")) return existing;
    // stderr, so a program whose stdout is its output (limber_activity_probe) stays clean.
    try {
        return spdlog::stderr_color_mt("activity");
    } catch (const spdlog::spdlog_ex&) {
        return spdlog::get("activity");  // registered meanwhile by another thread
    }
}

}  // namespace limber
