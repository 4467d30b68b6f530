// Session messages to events, and events to the user's state (see session_events.hpp).
#include "activity/session_events.hpp"

namespace limber {

const char* to_string(SessionEvent event)
{
    switch (event) {
    case SessionEvent::Lock: return "lock";
    case SessionEvent::Unlock: return "unlock";
    case SessionEvent::Suspend: return "suspend";
    case SessionEvent::Resume: return "resume";
    case SessionEvent::TimeChanged: return "time changed";
    case SessionEvent::SessionEnding: return "session ending";
    }
    return "?";
}

std::optional<SessionEvent> session_event(unsigned message, std::uintptr_t wparam)
{
    switch (message) {
    case win_msg::timechange: return SessionEvent::TimeChanged;
    // wparam is FALSE when the log-off was called off (another program refused it).
    case win_msg::endsession: return wparam ? std::optional(SessionEvent::SessionEnding) : std::nullopt;
    case win_msg::powerbroadcast:
        if (wparam == win_msg::pbt_apmsuspend) return SessionEvent::Suspend;
        // A resume the user started comes after the automatic one; both mean awake.
        if (wparam == win_msg::pbt_apmresumeautomatic || wparam == win_msg::pbt_apmresumesuspend)
            return SessionEvent::Resume;
        return std::nullopt;
    case win_msg::wtssession_change:
        if (wparam == win_msg::wts_session_lock) return SessionEvent::Lock;
        if (wparam == win_msg::wts_session_unlock) return SessionEvent::Unlock;
        return std::nullopt;
    default: return std::nullopt;
    }
}

Activity SessionStates::current() const
{
    if (asleep_) return {ActivityKind::Asleep, {}};
    if (locked_) return {ActivityKind::Locked, {}};
    return {ActivityKind::Active, {}};
}

std::optional<Activity> SessionStates::apply(SessionEvent event)
{
    const ActivityKind before = current().kind;
    switch (event) {
    case SessionEvent::Lock: locked_ = true; break;
    case SessionEvent::Unlock: locked_ = false; break;
    case SessionEvent::Suspend: asleep_ = true; break;
    case SessionEvent::Resume: asleep_ = false; break;
    case SessionEvent::TimeChanged:
    case SessionEvent::SessionEnding: break;
    }
    const Activity now = current();
    if (now.kind == before) return std::nullopt;
    return now;
}

void SessionActivity::start(ActivityCallback on_change)
{
    on_change_ = std::move(on_change);
    on_change_(states_.current());
}

void SessionActivity::deliver(SessionEvent event)
{
    if (!on_change_) return;
    if (const auto changed = states_.apply(event)) on_change_(*changed);
}

}  // namespace limber
