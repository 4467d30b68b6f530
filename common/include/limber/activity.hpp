// What the user is doing, as the activity sources report it and the scheduler reads it.
#pragma once

#include "limber/clock.hpp"

#include <optional>

namespace limber {

enum class ActivityKind { Active, Idle, Locked, Asleep };
const char* to_string(ActivityKind kind);  // "active", "idle", "locked", "asleep"

struct Activity {
    ActivityKind kind = ActivityKind::Active;
    // When this state began, if the source learnt of it late (idle is known only after a
    // threshold has passed). Empty means "now".
    std::optional<MonoTime> since;
};

}  // namespace limber
