// Spoken guidance through speech-dispatcher (libspeechd), the speech service screen readers
// use on Linux. No service, or no voice for the language, is a quiet fallback to silence,
// logged once: never an error in the user's way.
#pragma once

#include <string>

namespace limber::tray {

class Voice {
public:
    Voice() = default;
    ~Voice();
    Voice(const Voice&) = delete;
    Voice& operator=(const Voice&) = delete;

    // Queues `text` (UTF-8) to be spoken after what is already queued; returns at once.
    // `language` is an ISO 639 code ("en", "de").
    void say(const std::string& text, const std::string& language);
    // Drops what is queued and stops the sentence being spoken (the routine was closed).
    void hush();

private:
    struct Connection;  // libspeechd's connection (an unnamed struct there: no forward declaration)
    Connection* connection_ = nullptr;
    std::string language_;
    bool unavailable_ = false;
};

}  // namespace limber::tray
