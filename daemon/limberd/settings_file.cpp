#include "settings_file.hpp"

#include "logging.hpp"

namespace limber {

std::filesystem::path ensure_user_settings(const Paths& paths)
{
    const auto file = paths.settings();
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) return file;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (!ec) std::filesystem::copy_file(paths.default_settings(), file, ec);
    if (ec) {
        logger("config").warn("cannot create {} ({}); using the shipped defaults in {}", file.string(), ec.message(),
                              paths.default_settings().string());
        return paths.default_settings();
    }
    logger("config").info("created {} from the shipped defaults; edit it to change the schedule", file.string());
    return file;
}

}  // namespace limber
