// The session's events as Windows sends them to a window (lock and unlock, suspend and resume,
// the calendar clock being set, the session ending), read apart from any window: which message means which event,
// and what the user's state is after each. Pure, so that tests on any system can feed it the
// messages Wine cannot produce (it never locks or suspends).
#pragma once

#include "activity/activity_source.hpp"

#include <cstdint>
#include <functional>
#include <optional>

namespace limber {

// SessionEnding: the user logs off or the computer shuts down; once the window's procedure
// returns from that message, Windows may end the process at any moment.
enum class SessionEvent { Lock, Unlock, Suspend, Resume, TimeChanged, SessionEnding };
const char* to_string(SessionEvent event);

// The Win32 values these messages carry, spelt here so that this file needs no <windows.h>;
// windows_session.cpp checks them against the SDK's.
namespace win_msg {
inline constexpr unsigned queryendsession = 0x0011;     // WM_QUERYENDSESSION
inline constexpr unsigned endsession = 0x0016;          // WM_ENDSESSION
inline constexpr unsigned timechange = 0x001E;          // WM_TIMECHANGE
inline constexpr unsigned powerbroadcast = 0x0218;      // WM_POWERBROADCAST
inline constexpr unsigned wtssession_change = 0x02B1;   // WM_WTSSESSION_CHANGE
inline constexpr std::uintptr_t pbt_apmsuspend = 0x4;           // PBT_APMSUSPEND
inline constexpr std::uintptr_t pbt_apmresumesuspend = 0x7;     // PBT_APMRESUMESUSPEND
inline constexpr std::uintptr_t pbt_apmresumeautomatic = 0x12;  // PBT_APMRESUMEAUTOMATIC
inline constexpr std::uintptr_t wts_session_lock = 0x7;         // WTS_SESSION_LOCK
inline constexpr std::uintptr_t wts_session_unlock = 0x8;       // WTS_SESSION_UNLOCK
}  // namespace win_msg

// The event a window message means, or nullopt for any other message (or another kind of
// power or session change: a battery's level, a remote connection).
std::optional<SessionEvent> session_event(unsigned message, std::uintptr_t wparam);

// The user's state from lock and sleep: asleep from suspend to resume, locked from lock to
// unlock (a lock held across a sleep is locked again on resume), else active. The idle source
// says the rest. TimeChanged and SessionEnding change no state.
class SessionStates {
public:
    // The new state when `event` changed it.
    std::optional<Activity> apply(SessionEvent event);
    [[nodiscard]] Activity current() const;

private:
    bool locked_ = false;
    bool asleep_ = false;
};

// An activity source fed session events by whoever receives them (the Windows message window,
// or a test): reports active at start, then each change.
class SessionActivity final : public ActivitySource {
public:
    explicit SessionActivity(std::string name) : name_(std::move(name)) {}
    void start(ActivityCallback on_change) override;
    void stop() override { on_change_ = nullptr; }
    [[nodiscard]] std::string name() const override { return name_; }

    // Called on the io_context's thread; does nothing when stopped.
    void deliver(SessionEvent event);

private:
    std::string name_;
    SessionStates states_;
    ActivityCallback on_change_;
};

}  // namespace limber
