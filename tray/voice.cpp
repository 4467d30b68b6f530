#include "voice.hpp"

#include <wx/log.h>

#include <libspeechd.h>

#include <cstdlib>

namespace limber::tray {

struct Voice::Connection {
    SPDConnection* spd = nullptr;
};

Voice::~Voice()
{
    if (connection_) spd_close(connection_->spd);
    delete connection_;
}

void Voice::say(const std::string& text, const std::string& language)
{
    if (unavailable_ || text.empty()) return;
    if (!connection_) {
        char* error = nullptr;
        // Started on demand by the library when the desktop has not started it already.
        SPDConnection* spd = spd_open2("limber", "routine", nullptr, SPD_MODE_THREADED, nullptr, 1, &error);
        if (!spd) {
            wxLogMessage("no spoken guidance: %s; Limber stays silent", error ? error : "speech-dispatcher is not available");
            std::free(error);
            unavailable_ = true;
            return;
        }
        connection_ = new Connection{spd};
    }
    if (language != language_) {
        if (spd_set_language(connection_->spd, language.c_str()) != 0) wxLogMessage("no voice for \"%s\"; the default voice speaks", language);
        language_ = language;
    }
    if (spd_say(connection_->spd, SPD_MESSAGE, text.c_str()) < 0) wxLogDebug("speech-dispatcher refused \"%s\"", text);
}

void Voice::hush()
{
    if (connection_) spd_cancel(connection_->spd);
}

}  // namespace limber::tray
