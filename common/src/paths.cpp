#include "limber/paths.hpp"

#include <stdexcept>

namespace limber {
namespace {

std::filesystem::path base_dir(const EnvLookup& env, const std::string& var, const char* fallback_under_home)
{
    // The spec says a relative value is invalid and must be ignored.
    if (auto v = env(var); v && !v->empty() && std::filesystem::path(*v).is_absolute()) return *v;
    auto home = env("HOME");
    if (!home || home->empty()) throw std::runtime_error("neither " + var + " nor HOME is set");
    return std::filesystem::path(*home) / fallback_under_home;
}

std::filesystem::path shipped_data(const EnvLookup& env, const std::filesystem::path& executable)
{
    if (auto d = env("LIMBER_DATA_DIR"); d && !d->empty()) return path_from_utf8(*d);
    return (executable.parent_path() / ".." / "share" / "limber").lexically_normal();
}

std::filesystem::path windows_dir(const EnvLookup& env, const std::string& var, const char* fallback_under_profile)
{
    if (auto v = env(var); v && !v->empty()) return path_from_utf8(*v);
    auto profile = env("USERPROFILE");
    if (!profile || profile->empty()) throw std::runtime_error("neither " + var + " nor USERPROFILE is set");
    return path_from_utf8(*profile) / fallback_under_profile;
}

}  // namespace

std::filesystem::path path_from_utf8(std::string_view text)
{
    // char8_t says UTF-8 to std::filesystem on every system.
    return std::filesystem::path(std::u8string(text.begin(), text.end()));
}

Paths resolve_paths(const EnvLookup& env, const std::filesystem::path& executable)
{
    Paths p;
    p.data_dir = shipped_data(env, executable);
    p.config_home = base_dir(env, "XDG_CONFIG_HOME", ".config");
    p.config_dir = p.config_home / "limber";
    p.user_data_dir = base_dir(env, "XDG_DATA_HOME", ".local/share") / "limber";
    p.state_dir = base_dir(env, "XDG_STATE_HOME", ".local/state") / "limber";
    if (auto r = env("XDG_RUNTIME_DIR"); r && !r->empty() && std::filesystem::path(*r).is_absolute())
        p.runtime_dir = std::filesystem::path(*r) / "limber";
    else
        p.runtime_dir = p.state_dir / "run";  // no runtime dir (a bare ssh or cron session)
    return p;
}

Paths resolve_windows_paths(const EnvLookup& env, const std::filesystem::path& executable)
{
    Paths p;
    p.data_dir = shipped_data(env, executable);
    p.config_home = windows_dir(env, "APPDATA", "AppData/Roaming");
    p.config_dir = p.config_home / "Limber";
    const auto local = windows_dir(env, "LOCALAPPDATA", "AppData/Local") / "Limber";
    p.user_data_dir = local;
    p.state_dir = local;
    p.runtime_dir = local / "run";
    return p;
}

}  // namespace limber
