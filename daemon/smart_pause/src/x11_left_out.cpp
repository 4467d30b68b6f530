// Smart pause's X11 entries in a build configured with LIMBER_WITH_X11=OFF: no full-screen
// source, and listed applications are found by process only.
#include "smart_pause/hold_parts.hpp"

namespace limber {
namespace {
constexpr HoldPartEntry x11_left_out_entries[] = {{"fullscreen", "LIMBER_WITH_X11", nullptr}};
}  // namespace

std::span<const HoldPartEntry> x11_hold_part() { return x11_left_out_entries; }

}  // namespace limber
