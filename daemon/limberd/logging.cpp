#include "logging.hpp"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <stdexcept>
#include <vector>

namespace limber {

void setup_logging(const std::filesystem::path& state_dir, const std::string& level)
{
    const auto lvl = spdlog::level::from_str(level);
    if (lvl == spdlog::level::off && level != "off")
        throw std::invalid_argument("unknown log level \"" + level + "\" (trace, debug, info, warn, error, critical, off)");

    std::vector<spdlog::sink_ptr> sinks{std::make_shared<spdlog::sinks::stderr_sink_mt>()};
    try {
        std::filesystem::create_directories(state_dir);
        // The path's own form: UTF-16 on Windows, where spdlog takes wide names (the build
        // defines SPDLOG_WCHAR_FILENAMES there), so a user folder like C:\Users\Zoë works.
        const spdlog::filename_t file = (state_dir / "limberd.log").native();
        sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file, 1024 * 1024, 3));
    } catch (const std::exception& e) {
        sinks.front()->log(spdlog::details::log_msg("limberd", spdlog::level::warn,
                                                    std::string("cannot write the log file, logging to stderr only: ") + e.what()));
    }
    for (const char* name : {"limberd", "scheduler", "activity", "store", "ipc", "config"}) {
        spdlog::drop(name);
        auto l = std::make_shared<spdlog::logger>(name, sinks.begin(), sinks.end());
        l->set_level(lvl);
        l->set_pattern("%Y-%m-%d %H:%M:%S.%e %-9n %^%l%$: %v");
        l->flush_on(spdlog::level::info);
        spdlog::register_logger(l);
    }
    spdlog::set_default_logger(spdlog::get("limberd"));
}

spdlog::logger& logger(const char* name)
{
    if (auto l = spdlog::get(name)) return *l;
    return *spdlog::default_logger();
}

}  // namespace limber
