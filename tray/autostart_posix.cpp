// Starting at login on a freedesktop desktop: $XDG_CONFIG_HOME/autostart/limber-tray.desktop,
// the user's own entry, which also hides (Hidden=true) an entry a package installed system-wide.
#include "autostart.hpp"

#include "client/runtime.hpp"

#include <wx/stdpaths.h>
#include <wx/translation.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

namespace limber::tray {
namespace {

std::filesystem::path autostart_file() { return runtime_paths().config_home / "autostart" / "limber-tray.desktop"; }

std::string read_file(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The entry a package installs in $XDG_CONFIG_DIRS (default /etc/xdg), if any.
std::optional<std::filesystem::path> system_autostart()
{
    const char* dirs = std::getenv("XDG_CONFIG_DIRS");
    std::string list = dirs && *dirs ? dirs : "/etc/xdg";
    std::istringstream in(list);
    std::error_code ec;
    for (std::string dir; std::getline(in, dir, ':');)
        if (!dir.empty() && std::filesystem::exists(std::filesystem::path(dir) / "autostart" / "limber-tray.desktop", ec))
            return std::filesystem::path(dir) / "autostart" / "limber-tray.desktop";
    return std::nullopt;
}

bool hidden(const std::string& entry) { return entry.find("\nHidden=true") != std::string::npos; }

std::string autostart_entry(bool enabled)
{
    std::string exe = wxStandardPaths::Get().GetExecutablePath().utf8_string();
    if (exe.empty()) exe = "limber-tray";
    if (exe.find_first_of(" \t\"\\`$") != std::string::npos) {  // the Exec key's own quoting
        std::string q = "\"";
        for (char c : exe) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') q += '\\';
            q += c;
        }
        exe = q + "\"";
    }
    std::string out = "[Desktop Entry]\n"
                      "Type=Application\n"
                      "Name=Limber\n"
                      "Comment=Reminds you to take breaks and do short upper-back routines\n"
                      "Exec=" + exe + "\n"
                      "Icon=limber\n"
                      "Terminal=false\n"
                      "X-GNOME-Autostart-Delay=5\n"
                      "X-KDE-autostart-after=panel\n"
                      "X-LXQt-Need-Tray=true\n";
    if (!enabled) out += "Hidden=true\n";  // hides the system-wide entry of the same name
    return out;
}

}  // namespace

bool autostart_enabled()
{
    std::error_code ec;
    if (std::filesystem::exists(autostart_file(), ec)) return !hidden(read_file(autostart_file()));
    return system_autostart().has_value();
}

std::string set_autostart(bool enabled)
{
    const auto file = autostart_file();
    std::error_code ec;
    if (!enabled && !system_autostart()) {
        std::filesystem::remove(file, ec);
    } else {
        std::filesystem::create_directories(file.parent_path(), ec);
        std::ofstream out(file, std::ios::trunc);
        out << autostart_entry(enabled);
        out.close();
        if (!out) ec = std::make_error_code(std::errc::io_error);
    }
    if (ec)
        return wxString::Format(_("Cannot change %s: %s"), wxString::FromUTF8(file.string()), wxString::FromUTF8(ec.message()))
            .utf8_string();
    return {};
}

}  // namespace limber::tray
