// Smart pause's reasons: what holds a break, as the daemon names it ("microphone: Firefox",
// "fullscreen: mpv") and as a person reads it.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace limber {

// The signals, in the order a reason is chosen when several are on: a call first.
enum class HoldKind { Microphone, Camera, Fullscreen, Inhibitor, DoNotDisturb, App };

inline constexpr HoldKind all_hold_kinds[] = {HoldKind::Microphone, HoldKind::Camera,      HoldKind::Fullscreen,
                                              HoldKind::Inhibitor,  HoldKind::DoNotDisturb, HoldKind::App};

const char* to_string(HoldKind kind);  // "microphone", "camera", "fullscreen", "inhibitor", "dnd", "app"

struct HoldReason {
    HoldKind kind = HoldKind::App;
    std::string detail;  // who: an application, a window class; may be empty

    // "kind" or "kind: detail", as the status and the record carry it.
    [[nodiscard]] std::string code() const;
    // Reads code(); an unknown kind reads as an App named by the whole text.
    static HoldReason parse(std::string_view code);
    // For people, in English: "you are on a call (Firefox is using the microphone)".
    [[nodiscard]] std::string text() const;
    // A hold of `on` so far, for people, in English, to the minute below: "Breaks held for
    // 2 h 14 min while mpv is full screen" (limberctl's line once a hold is long).
    [[nodiscard]] std::string held_text(std::chrono::seconds on) const;
    [[nodiscard]] bool is_call() const { return kind == HoldKind::Microphone || kind == HoldKind::Camera; }
    friend bool operator==(const HoldReason&, const HoldReason&) = default;
};

}  // namespace limber
