// Where Limber's files live: the shipped data, and the user's config, data, state and runtime
// directories under the XDG base-directory rules. Pure: the environment is passed in.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace limber {

// Every string that holds a path in Limber is UTF-8 (the environment as runtime_paths() reads
// it, the command line as program_arguments() gives it, a path's .string() with libstdc++).
// A path made from one must say so: std::filesystem::path(std::string) reads the ANSI code page
// on Windows, which turns C:\Users\Zoë into C:\Users\ZoÃ«. On Linux the bytes are kept as they are.
std::filesystem::path path_from_utf8(std::string_view text);

using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;

struct Paths {
    std::filesystem::path data_dir;     // shipped catalog and defaults (share/limber)
    std::filesystem::path config_home;  // $XDG_CONFIG_HOME (autostart/ holds login entries)
    std::filesystem::path config_dir;   // $XDG_CONFIG_HOME/limber
    std::filesystem::path user_data_dir;  // $XDG_DATA_HOME/limber
    std::filesystem::path state_dir;    // $XDG_STATE_HOME/limber
    std::filesystem::path runtime_dir;  // $XDG_RUNTIME_DIR/limber

    [[nodiscard]] std::filesystem::path exercises() const { return data_dir / "exercises.toml"; }
    [[nodiscard]] std::filesystem::path routines() const { return data_dir / "routines.toml"; }
    [[nodiscard]] std::filesystem::path default_settings() const { return data_dir / "limber.toml"; }
    [[nodiscard]] std::filesystem::path settings() const { return config_dir / "limber.toml"; }
    [[nodiscard]] std::filesystem::path database() const { return user_data_dir / "limber.db"; }
};

// The environment's values are UTF-8. The shipped data is found, in order, in $LIMBER_DATA_DIR, then beside the program as
// <exe dir>/../share/limber (true both in the build tree and after installation).
// Throws std::runtime_error when HOME is needed and unset.
Paths resolve_paths(const EnvLookup& env, const std::filesystem::path& executable);

// The same on Windows: settings in %APPDATA%\Limber (they roam with the user's profile), the
// record, the log and the state in %LOCALAPPDATA%\Limber (they stay on this computer); the
// control channel is a named pipe, so runtime_dir is only where its lock would go
// (%LOCALAPPDATA%\Limber\run). The shipped data as above. Throws std::runtime_error when
// neither variable nor USERPROFILE is set.
Paths resolve_windows_paths(const EnvLookup& env, const std::filesystem::path& executable);

}  // namespace limber
