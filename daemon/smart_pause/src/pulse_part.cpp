// The PulseAudio part of smart pause's factory (hold_parts.hpp): the microphone.
#include "smart_pause/hold_parts.hpp"
#include "smart_pause/microphone.hpp"

namespace limber {
namespace {
constexpr HoldPartEntry pulse_entries[] = {
    {"microphone", "LIMBER_WITH_PULSE",
     [](const HoldRequest& r) -> std::unique_ptr<HoldSource> {
         if (!r.want("microphone") || !r.settings.microphone) return nullptr;
         return std::make_unique<MicrophoneWatch>(r.io, r.options.sound_retry);
     }},
};
}  // namespace

std::span<const HoldPartEntry> pulse_hold_part() { return pulse_entries; }

}  // namespace limber
