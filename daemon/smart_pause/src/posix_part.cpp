// Smart pause's sources that need only /dev and /proc (hold_parts.hpp): the camera and the
// listed applications' processes, in every build for Linux.
#include "smart_pause/apps.hpp"
#include "smart_pause/camera.hpp"
#include "smart_pause/hold_parts.hpp"

namespace limber {
namespace {
constexpr HoldPartEntry posix_entries[] = {
    {"camera", "",
     [](const HoldRequest& r) -> std::unique_ptr<HoldSource> {
         if (!r.want("camera") || !r.settings.camera) return nullptr;
         return std::make_unique<CameraWatch>(r.io, r.options.video_devices, r.options.proc);
     }},
    {"apps", "",
     [](const HoldRequest& r) -> std::unique_ptr<HoldSource> {
         if (!r.want("apps") || r.settings.apps.empty()) return nullptr;
         return std::make_unique<AppsWatch>(r.io, r.settings.apps, r.options.proc);
     }},
};
}  // namespace

std::span<const HoldPartEntry> posix_hold_part() { return posix_entries; }

}  // namespace limber
