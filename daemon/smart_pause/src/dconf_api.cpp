#include "smart_pause/dconf_api.hpp"

#include "smart_pause/loaded_library.hpp"

#include <unistd.h>

#include <cstdlib>

namespace limber {
namespace {

bool exists(const std::string& path) { return ::access(path.c_str(), F_OK) == 0; }

}  // namespace

const DconfApi* load_dconf(std::string& why)
{
    static LoadedLibrary lib;
    static DconfApi api;
    static bool ready = false;
    if (ready) return &api;
    // GLib's functions are found through libdconf's own dependencies.
    if (!lib.open("libdconf.so.1", why) || !lib.bind(api.client_new, "dconf_client_new", why) ||
        !lib.bind(api.client_read, "dconf_client_read", why) || !lib.bind(api.object_unref, "g_object_unref", why) ||
        !lib.bind(api.variant_get_boolean, "g_variant_get_boolean", why) ||
        !lib.bind(api.variant_is_of_type, "g_variant_is_of_type", why) ||
        !lib.bind(api.variant_unref, "g_variant_unref", why))
        return nullptr;
    ready = true;
    return &api;
}

bool dconf_settings_present()
{
    if (const char* profile = std::getenv("DCONF_PROFILE"); profile && *profile) return true;
    std::string config;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) config = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) config = std::string(home) + "/.config";
    if (!config.empty() && exists(config + "/dconf/user")) return true;
    return exists("/etc/dconf/profile/user");
}

}  // namespace limber
