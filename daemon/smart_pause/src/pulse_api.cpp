#include "smart_pause/pulse_api.hpp"

#include "smart_pause/loaded_library.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <string_view>

namespace limber {
namespace {

bool is_socket(const std::string& path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISSOCK(st.st_mode);
}

bool bind_all(LoadedLibrary& lib, PulseApi& pa, std::string& why)
{
    return lib.bind(pa.context_connect, "pa_context_connect", why) &&
           lib.bind(pa.context_disconnect, "pa_context_disconnect", why) &&
           lib.bind(pa.context_errno, "pa_context_errno", why) &&
           lib.bind(pa.context_get_source_output_info_list, "pa_context_get_source_output_info_list", why) &&
           lib.bind(pa.context_get_state, "pa_context_get_state", why) &&
           lib.bind(pa.context_new_with_proplist, "pa_context_new_with_proplist", why) &&
           lib.bind(pa.context_set_state_callback, "pa_context_set_state_callback", why) &&
           lib.bind(pa.context_set_subscribe_callback, "pa_context_set_subscribe_callback", why) &&
           lib.bind(pa.context_subscribe, "pa_context_subscribe", why) &&
           lib.bind(pa.context_unref, "pa_context_unref", why) &&
           lib.bind(pa.operation_unref, "pa_operation_unref", why) &&
           lib.bind(pa.proplist_free, "pa_proplist_free", why) &&
           lib.bind(pa.proplist_gets, "pa_proplist_gets", why) &&
           lib.bind(pa.proplist_new, "pa_proplist_new", why) &&
           lib.bind(pa.proplist_sets, "pa_proplist_sets", why) &&
           lib.bind(pa.strerror, "pa_strerror", why);
}

}  // namespace

const PulseApi* load_pulse(std::string& why)
{
    static LoadedLibrary lib;
    static PulseApi pa;
    static bool ready = false;
    if (ready) return &pa;
    if (!lib.open("libpulse.so.0", why) || !bind_all(lib, pa, why)) return nullptr;
    ready = true;
    return &pa;
}

bool sound_server_present()
{
    if (const char* server = std::getenv("PULSE_SERVER"); server && *server) {
        std::string_view s(server);
        if (s.find(' ') != std::string_view::npos) return true;  // a list of servers
        if (s.starts_with("unix:")) return is_socket(std::string(s.substr(5)));
        if (s.starts_with("/")) return is_socket(std::string(s));
        return true;
    }
    std::string dir;
    if (const char* runtime = std::getenv("PULSE_RUNTIME_PATH"); runtime && *runtime) dir = runtime;
    else if (const char* xdg = std::getenv("XDG_RUNTIME_DIR"); xdg && *xdg) dir = std::string(xdg) + "/pulse";
    else return true;  // nowhere to look: let libpulse find it
    return is_socket(dir + "/native");
}

}  // namespace limber
