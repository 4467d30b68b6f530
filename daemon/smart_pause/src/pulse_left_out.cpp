// Smart pause's PulseAudio entries in a build configured with LIMBER_WITH_PULSE=OFF.
#include "smart_pause/hold_parts.hpp"

namespace limber {
namespace {
constexpr HoldPartEntry pulse_left_out_entries[] = {{"microphone", "LIMBER_WITH_PULSE", nullptr}};
}  // namespace

std::span<const HoldPartEntry> pulse_hold_part() { return pulse_left_out_entries; }

}  // namespace limber
