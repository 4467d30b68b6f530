// dconf's client library, loaded the first time GNOME's settings are there to read. A desktop
// without dconf (or a user who never changed a setting) maps none of it: libdconf brings GLib,
// GObject and GIO, some 1.5 MiB resident.
#pragma once

#include <dconf.h>

#include <string>

namespace limber {

// The functions the do_not_disturb source calls, each typed by the library's own header.
struct DconfApi {
    decltype(&::dconf_client_new) client_new = nullptr;
    decltype(&::dconf_client_read) client_read = nullptr;
    decltype(&::g_object_unref) object_unref = nullptr;
    decltype(&::g_variant_get_boolean) variant_get_boolean = nullptr;
    decltype(&::g_variant_is_of_type) variant_is_of_type = nullptr;
    decltype(&::g_variant_unref) variant_unref = nullptr;
};

// libdconf, loaded on the first call that finds it; nullptr and the reason in `why` when it
// cannot be. Called on one thread.
const DconfApi* load_dconf(std::string& why);

// Whether any dconf database could hold a setting, without loading the library: the user's
// database file ($XDG_CONFIG_HOME/dconf/user, written on the first change), or a profile
// naming others (DCONF_PROFILE, /etc/dconf/profile/user). Without one, every key is its
// schema's default.
bool dconf_settings_present();

}  // namespace limber
