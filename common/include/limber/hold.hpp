// Smart pause's reasons: what holds a break, as the daemon names it ("microphone: Firefox",
// "fullscreen: mpv") and as a person reads it.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace limber {

// The signals, in the order a reason is chosen when several are on: a call first.
enum class HoldKind { Microphone, Camera, Fullscreen, Inhibitors, DoNotDisturb, Apps };

inline constexpr HoldKind all_hold_kinds[] = {HoldKind::Microphone, HoldKind::Camera,       HoldKind::Fullscreen,
                                              HoldKind::Inhibitors, HoldKind::DoNotDisturb, HoldKind::Apps};

// A signal's one name, the same as its key in limber.toml's [smart_pause]: "microphone",
// "camera", "fullscreen", "inhibitors", "do_not_disturb", "apps". The status, the record,
// the summary, limberd's --smart-pause and the logs all use it.
const char* to_string(HoldKind kind);
// Reads a name as to_string writes it, and the spellings records made before the names were
// one ("inhibitor", "dnd", "app"); nullopt for anything else.
std::optional<HoldKind> hold_kind_named(std::string_view name);

struct HoldReason {
    HoldKind kind = HoldKind::Apps;
    std::string detail;  // who: an application, a window class; may be empty

    // "kind" or "kind: detail", as the status and the record carry it.
    [[nodiscard]] std::string code() const;
    // Reads code(), old spellings too (hold_kind_named); an unknown kind reads as Apps named by
    // the whole text.
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
