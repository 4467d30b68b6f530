// Windows' activity sources (built only on Windows): idle from GetLastInputInfo through
// InputAgeWatch, and lock, sleep, clock changes and the session's end from the messages a hidden window of ours
// receives on its own thread. Win32 stays in windows_session.cpp; what the messages mean is in
// session_events.hpp, which tests drive on any system.
#pragma once

#include "activity/input_age.hpp"
#include "activity/session_events.hpp"

#include <functional>
#include <memory>

namespace limber {

// One reading of GetLastInputInfo and GetTickCount; nullopt if the former fails.
std::optional<InputTicks> read_windows_input_ticks();

// Idle from GetLastInputInfo ("windows_idle").
std::unique_ptr<InputAgeWatch> open_windows_idle(boost::asio::io_context& io, Millis threshold, const Clock& clock);

// A window that only listens, run with its message loop on a thread of its own, posting each
// session event to the io_context. It is a hidden top-level window, because Windows broadcasts
// WM_TIMECHANGE and WM_POWERBROADCAST to top-level windows only (a message-only window never
// sees them); where no top-level window can be made (Wine without a display), it falls back to
// a message-only one, which still gets the session's lock and unlock and, through
// RegisterSuspendResumeNotification, suspend and resume, but not clock changes.
// limberd's Windows SystemWatch holds one of these for TimeChanged and SessionEnding. The
// window answers WM_ENDSESSION only once the io_context has handled SessionEnding (or the
// window is closed, or four seconds passed): Windows may end the process once it answers.
class SessionWindow {
public:
    using OnEvent = std::function<void(SessionEvent)>;
    // Null, after a warning, when no window could be made.
    static std::unique_ptr<SessionWindow> open(boost::asio::io_context& io, OnEvent on_event);
    ~SessionWindow();  // no callback runs after this returns (call it on the io_context's thread)
    SessionWindow(const SessionWindow&) = delete;
    SessionWindow& operator=(const SessionWindow&) = delete;

    // Whether it is the top-level kind, which receives every event (else no TimeChanged).
    [[nodiscard]] bool top_level() const;
    // Hands the window a message as Windows would (through its window procedure, on its
    // thread): for tests of what Wine cannot do, such as locking the session.
    void inject(unsigned message, std::uintptr_t wparam);

    struct Thread;  // the window's thread and handles, kept out of this header

private:
    explicit SessionWindow(std::unique_ptr<Thread> thread);
    std::unique_ptr<Thread> t_;
};

// Lock and sleep from a SessionWindow ("windows_session").
class WindowsSession final : public ActivitySource {
public:
    explicit WindowsSession(boost::asio::io_context& io) : io_(io), states_("windows_session") {}
    ~WindowsSession() override { stop(); }
    // Reports active at once (Windows cannot be asked whether the session is locked now: a
    // locked session at start is known from its unlock), then each change.
    void start(ActivityCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override { return "windows_session"; }

    // The window, while started (null if it could not be made): for tests' inject().
    [[nodiscard]] SessionWindow* window() const { return window_.get(); }

private:
    boost::asio::io_context& io_;
    SessionActivity states_;
    std::unique_ptr<SessionWindow> window_;
};

}  // namespace limber
