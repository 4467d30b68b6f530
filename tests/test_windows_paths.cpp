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

TEST_CASE("a user folder whose name is not ASCII is the folder it names")
{
    // The environment is UTF-8 here; on Windows std::filesystem::path(std::string) would read
    // it in the ANSI code page and make C:\Users\ZoÃ« of C:\Users\Zoë.
    const std::string zoe = "C:/Users/Zo\xc3\xab \xe6\xb5\x8b\xe8\xaf\x95";  // Zoë 测试
    CHECK(limber::path_from_utf8(zoe).u8string() == u8"C:/Users/Zo\u00eb \u6d4b\u8bd5");
    const auto p = limber::resolve_windows_paths(
        env_of({{"APPDATA", zoe + "/AppData/Roaming"}, {"LOCALAPPDATA", zoe + "/AppData/Local"}}), "limberd.exe");
    CHECK(p.settings().u8string() == (limber::path_from_utf8(zoe + "/AppData/Roaming") / "Limber" / "limber.toml").u8string());
    CHECK(p.state_dir.parent_path().u8string() == u8"C:/Users/Zo\u00eb \u6d4b\u8bd5/AppData/Local");
    const auto profile_only = limber::resolve_windows_paths(env_of({{"USERPROFILE", zoe}}), "limberd.exe");
    CHECK(profile_only.config_dir.parent_path().parent_path().parent_path().u8string() == u8"C:/Users/Zo\u00eb \u6d4b\u8bd5");
}
