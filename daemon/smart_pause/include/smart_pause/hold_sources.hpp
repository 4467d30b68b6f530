// Makes smart pause's sources from the settings (see hold_source.hpp).
#pragma once

#include "smart_pause/hold_source.hpp"

#include <chrono>
#include <string_view>

namespace limber {

struct HoldSourceOptions {
    // Which sources: "auto" (every one the settings leave on), "none", or a comma-separated
    // list of names ("fullscreen,camera"), each still subject to its setting.
    std::string spec = "auto";
    std::string video_devices = "/dev";  // where the camera source looks for video* devices
    std::string proc = "/proc";          // whose processes hold them open
    // How often the microphone source looks again for a sound server it lacks (0: never).
    std::chrono::seconds sound_retry{60};
    // Windows: the consent store under HKEY_CURRENT_USER whose webcam and microphone keys say
    // which application uses a device (tests point it at a key of their own).
    std::string consent_store = "Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore";
};

// Throws std::invalid_argument for an unknown name in the spec.
std::vector<std::unique_ptr<HoldSource>> make_hold_sources(boost::asio::io_context& io, const SmartPause& settings,
                                                           const HoldSourceOptions& options);

// The names a spec may list, in HoldKind's order: each is to_string(HoldKind).
inline constexpr const char* hold_source_names[] = {"microphone", "camera", "fullscreen", "inhibitors", "do_not_disturb", "apps"};

}  // namespace limber
