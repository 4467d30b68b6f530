// Where Limber's files go on Windows (resolve_windows_paths): pure rules, tested in both builds.
#include "limber/paths.hpp"

#include "support/catch.hpp"

#include <map>

namespace {

limber::EnvLookup env_of(std::map<std::string, std::string> vars)
{
    return [vars](const std::string& name) -> std::optional<std::string> {
        auto it = vars.find(name);
        return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
}

}  // namespace

TEST_CASE("on Windows settings roam in APPDATA, the record and log stay in LOCALAPPDATA")
{
    using std::filesystem::path;
    const path roaming = "C:/Users/u/AppData/Roaming", local = "C:/Users/u/AppData/Local";
    const path exe = path("C:/Program Files/Limber/bin") / "limberd.exe";
    const auto p = limber::resolve_windows_paths(
        env_of({{"APPDATA", roaming.string()}, {"LOCALAPPDATA", local.string()}, {"USERPROFILE", "C:/Users/u"}}), exe);
    CHECK(p.settings() == roaming / "Limber" / "limber.toml");
    CHECK(p.database() == local / "Limber" / "limber.db");
    CHECK(p.state_dir == local / "Limber");
    CHECK(p.runtime_dir == local / "Limber" / "run");
    CHECK(p.data_dir == (exe.parent_path() / ".." / "share" / "limber").lexically_normal());
}

TEST_CASE("on Windows without APPDATA the profile's folders apply, and with no profile it says so")
{
    using std::filesystem::path;
    const path profile = "C:/Users/u";
    const auto p = limber::resolve_windows_paths(env_of({{"USERPROFILE", profile.string()}, {"LIMBER_DATA_DIR", "D:/limber"}}),
                                                 "C:/limber/bin/limberd.exe");
    CHECK(p.config_dir == profile / "AppData/Roaming" / "Limber");
    CHECK(p.user_data_dir == profile / "AppData/Local" / "Limber");
    CHECK(p.data_dir == path("D:/limber"));
    CHECK_THROWS_WITH(limber::resolve_windows_paths(env_of({}), "limberd.exe"), "neither APPDATA nor USERPROFILE is set");
}
