#include "limber/hold.hpp"

#include <algorithm>

namespace limber {

const char* to_string(HoldKind kind)
{
    switch (kind) {
    case HoldKind::Microphone: return "microphone";
    case HoldKind::Camera: return "camera";
    case HoldKind::Fullscreen: return "fullscreen";
    case HoldKind::Inhibitors: return "inhibitors";
    case HoldKind::DoNotDisturb: return "do_not_disturb";
    case HoldKind::Apps: return "apps";
    }
    return "apps";
}

std::optional<HoldKind> hold_kind_named(std::string_view name)
{
    for (HoldKind k : all_hold_kinds)
        if (name == to_string(k)) return k;
    if (name == "inhibitor") return HoldKind::Inhibitors;
    if (name == "dnd") return HoldKind::DoNotDisturb;
    if (name == "app") return HoldKind::Apps;
    return std::nullopt;
}

std::string HoldReason::code() const
{
    return detail.empty() ? std::string(to_string(kind)) : std::string(to_string(kind)) + ": " + detail;
}

HoldReason HoldReason::parse(std::string_view code)
{
    const auto colon = code.find(": ");
    const std::string_view head = code.substr(0, colon);
    if (const auto kind = hold_kind_named(head))
        return {*kind, colon == std::string_view::npos ? "" : std::string(code.substr(colon + 2))};
    return {HoldKind::Apps, std::string(code)};
}

std::string HoldReason::text() const
{
    switch (kind) {
    case HoldKind::Microphone:
        return detail.empty() ? "you are on a call (a microphone is in use)"
                              : "you are on a call (" + detail + " is using the microphone)";
    case HoldKind::Camera:
        return detail.empty() ? "you are on a call (a camera is in use)"
                              : "you are on a call (" + detail + " is using the camera)";
    case HoldKind::Fullscreen: return detail.empty() ? "a window is full screen" : detail + " is full screen";
    case HoldKind::Inhibitors:
        return detail.empty() ? "an application keeps the screen awake" : detail + " keeps the screen awake";
    case HoldKind::DoNotDisturb: return "do not disturb is on";
    case HoldKind::Apps: return detail.empty() ? "an application you listed is running" : detail + " is running";
    }
    return detail;
}

std::string HoldReason::held_text(std::chrono::seconds on) const
{
    const long long minutes = std::max<long long>(0, on.count()) / 60;
    std::string length;
    if (minutes < 60) length = std::to_string(minutes) + " min";
    else length = std::to_string(minutes / 60) + " h" + (minutes % 60 ? " " + std::to_string(minutes % 60) + " min" : "");
    return "Breaks held for " + length + " while " + text();
}

}  // namespace limber
