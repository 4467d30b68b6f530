// The XDG rules of resolve_paths, with POSIX paths: Linux only (on Windows "/x" is not absolute).
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

TEST_CASE("user files follow the XDG base-directory variables")
{
    const auto p = limber::resolve_paths(env_of({{"HOME", "/home/u"},
                                                 {"XDG_CONFIG_HOME", "/x/config"},
                                                 {"XDG_DATA_HOME", "/x/data"},
                                                 {"XDG_STATE_HOME", "/x/state"},
                                                 {"XDG_RUNTIME_DIR", "/run/user/1000"}}),
                                         "/usr/bin/limberd");
    CHECK(p.config_home == "/x/config");
    CHECK(p.settings() == "/x/config/limber/limber.toml");
    CHECK(p.database() == "/x/data/limber/limber.db");
    CHECK(p.state_dir == "/x/state/limber");
    CHECK(p.runtime_dir == "/run/user/1000/limber");
    CHECK(p.data_dir == "/usr/share/limber");
}

TEST_CASE("without XDG variables the spec's defaults under HOME apply; relative values are ignored")
{
    const auto p = limber::resolve_paths(env_of({{"HOME", "/home/u"}, {"XDG_CONFIG_HOME", "relative/dir"}}),
                                         "/work/build/bin/limberd");
    CHECK(p.config_home == "/home/u/.config");
    CHECK(p.settings() == "/home/u/.config/limber/limber.toml");
    CHECK(p.database() == "/home/u/.local/share/limber/limber.db");
    CHECK(p.state_dir == "/home/u/.local/state/limber");
    CHECK(p.data_dir == "/work/build/share/limber");
}

TEST_CASE("LIMBER_DATA_DIR overrides where the shipped data is found")
{
    const auto p = limber::resolve_paths(env_of({{"HOME", "/h"}, {"LIMBER_DATA_DIR", "/opt/limber"}}), "/usr/bin/limberd");
    CHECK(p.exercises() == "/opt/limber/exercises.toml");
}

TEST_CASE("no HOME and no XDG variables is an error that says so")
{
    CHECK_THROWS_WITH(limber::resolve_paths(env_of({}), "/usr/bin/limberd"), "neither XDG_CONFIG_HOME nor HOME is set");
}
