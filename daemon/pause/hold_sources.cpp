#include "pause/hold_sources.hpp"

#include "pause/apps.hpp"
#include "pause/camera.hpp"
#include "pause/dnd.hpp"
#include "pause/inhibitors.hpp"
#include "pause/microphone.hpp"
#include "pause/x11_window.hpp"

#include <cstdlib>

#include <algorithm>
#include <stdexcept>

namespace limber {
namespace {

std::vector<std::string> split_spec(std::string_view spec)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= spec.size()) {
        const auto comma = spec.find(',', pos);
        const auto part = spec.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
        if (!part.empty()) out.emplace_back(part);
        if (comma == std::string_view::npos) break;
        pos = comma + 1;
    }
    return out;
}

}  // namespace

std::vector<std::unique_ptr<HoldSource>> make_hold_sources(boost::asio::io_context& io, const SmartPause& settings,
                                                           const HoldSourceOptions& options)
{
    std::vector<std::string> wanted;
    if (options.spec == "auto") wanted.assign(std::begin(hold_source_names), std::end(hold_source_names));
    else if (options.spec != "none") wanted = split_spec(options.spec);
    for (const auto& w : wanted)
        if (std::find_if(std::begin(hold_source_names), std::end(hold_source_names), [&](const char* n) { return w == n; }) ==
            std::end(hold_source_names))
            throw std::invalid_argument("unknown smart-pause source '" + w +
                                        "' (expected auto, none, or a list of microphone, camera, fullscreen, "
                                        "inhibitors, dnd, apps)");
    auto want = [&](const char* name) { return std::find(wanted.begin(), wanted.end(), name) != wanted.end(); };

    std::vector<std::unique_ptr<HoldSource>> out;
    if (want("microphone") && settings.microphone) out.push_back(std::make_unique<MicrophoneWatch>(io, options.sound_retry));
    if (want("camera") && settings.camera) out.push_back(std::make_unique<CameraWatch>(io, options.video_devices, options.proc));
    // One X11 source serves both: a full-screen active window, and a listed application's.
    const bool x11 = (want("fullscreen") && settings.fullscreen) || (want("apps") && !settings.apps.empty());
    const char* display = std::getenv("DISPLAY");
    if (x11 && display && *display) {
        if (auto w = X11Window::open(io, want("fullscreen") && settings.fullscreen, want("apps") ? settings.apps : std::vector<std::string>{}))
            out.push_back(std::move(w));
    }
    if (want("inhibitors") && settings.inhibitors) out.push_back(std::make_unique<InhibitorsWatch>(io));
    if (want("dnd") && settings.dnd) out.push_back(std::make_unique<DndWatch>(io));
    if (want("apps") && !settings.apps.empty()) out.push_back(std::make_unique<AppsWatch>(io, settings.apps, options.proc));
    return out;
}

}  // namespace limber
