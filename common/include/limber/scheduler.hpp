// The break schedule as a pure state machine: activity and commands in, events out.
// It never reads a clock and never sleeps; the caller passes the time of every call and asks
// next_wake() when to call again.
#pragma once

#include "limber/activity.hpp"
#include "limber/clock.hpp"
#include "limber/settings.hpp"

#include <optional>
#include <string>
#include <vector>

namespace limber {

enum class DueReason { Earned, Daily };

struct Event {
    enum class Kind {
        Warning,         // a break is coming: `length` is the time left
        BreakDue,        // `routine`, `reason`
        AwayStarted,     // the user has been away long enough for a natural break
        NaturalBreak,    // the user is back; `length` is how long they were away
        BreakStarted,    // `routine`
        BreakCompleted,  // `routine`
        BreakStopped,    // a started routine ended early; `routine`, `detail` says why
        Snoozed,         // `length` until due again, `count` snoozes used
        Skipped,         // `routine`
        Paused,          // `until` (calendar), `detail` the reason
        Resumed,         // `detail`: "user" or "expired"
        ClockJumped,     // `length` is how far the calendar moved against the monotonic clock
        DueCleared,      // a pending break lapsed (working hours ended)
        Held,            // a break came due during a smart-pause signal and waits; `detail` says why
    };
    Kind kind;
    Instant at;
    std::string routine;
    DueReason reason = DueReason::Earned;
    Seconds length{0};
    int count = 0;
    std::optional<WallTime> until;
    std::string detail;
    // On break_started/completed/stopped, skipped and away_started: a break was pending, so
    // this settles it. On break_due: true for a break coming back after a snooze or a hold.
    bool was_due = false;
};

const char* to_string(Event::Kind kind);

enum class Phase { Working, Due, InBreak, Paused, Away, OffHours, Held };
const char* to_string(Phase phase);

// A smart-pause signal on this long without a gap (whatever its reason, even as that changes)
// is a long hold: the status says so, so that a signal stuck on does not keep breaks away
// unseen.
inline constexpr Seconds long_hold = std::chrono::hours{2};

struct Status {
    Phase phase = Phase::Working;
    Seconds earned{0};                    // sitting time since the last break
    std::optional<Seconds> until_due;     // sitting time left before the next break
    std::string next_routine;             // what the next (or pending) break will offer
    std::string in_break_routine;
    std::optional<WallTime> paused_until;
    int snoozes_left = 0;
    ActivityKind activity = ActivityKind::Active;
    std::string hold;                     // the smart-pause signal on now, empty when none
    std::optional<Seconds> held_for;      // a break has been waiting this long
    std::optional<Seconds> offer_in;      // the waiting break is offered in this long
    std::optional<Seconds> hold_on;       // a signal has been on this long, without a gap
    bool hold_long = false;               // hold_on has reached long_hold
    friend bool operator==(const Status&, const Status&) = default;
};

// What survives a restart. Monotonic times do not, so deadlines are kept on the calendar.
struct SchedulerState {
    Seconds earned{0};
    int snoozes_used = 0;
    std::optional<WallTime> paused_until;
    std::string pause_reason;
    std::optional<std::int64_t> daily_done_on;  // local day number (days since 1970-01-01)
    WallTime saved_at{};
    // A break that is due (announced, not yet settled), or snoozed and coming back: a restart
    // keeps it rather than announcing it again.
    std::optional<std::string> due_routine;
    DueReason due_reason = DueReason::Earned;
    bool due_snoozed = false;
    bool due_held = false;  // it waits for a smart-pause signal, or for the grace after one

    [[nodiscard]] std::string to_json() const;
    // Throws std::runtime_error naming what is wrong with the text.
    static SchedulerState from_json(const std::string& text);
    friend bool operator==(const SchedulerState&, const SchedulerState&) = default;
};

// Why a user command was refused. Each kind is exactly one of the control protocol's error
// codes (protocol::error_code): NotNow is "refused", Unknown is "not_found".
struct CommandError {
    enum class Kind {
        NotNow,   // the schedule's state says no (nothing due to snooze, not paused, ...)
        Unknown,  // the command names a routine or exercise the catalog does not have
    };
    Kind kind = Kind::NotNow;
    std::string message;  // for the user: what was refused and why
    friend bool operator==(const CommandError&, const CommandError&) = default;
};

// The result of a user command: a refused one says why and changes nothing, though the events
// that came due up to its time (`events`) are still reported.
struct CommandResult {
    std::optional<CommandError> error;  // set when refused
    std::vector<Event> events;

    [[nodiscard]] bool ok() const { return !error; }
    static CommandResult not_now(std::string why, std::vector<Event> events = {})
    {
        return {CommandError{CommandError::Kind::NotNow, std::move(why)}, std::move(events)};
    }
    static CommandResult unknown(std::string what, std::vector<Event> events = {})
    {
        return {CommandError{CommandError::Kind::Unknown, std::move(what)}, std::move(events)};
    }
};

class Scheduler {
public:
    explicit Scheduler(Settings settings);

    // Tell the scheduler the time and what the user is doing now. Returns what happened since
    // the last call.
    std::vector<Event> feed(const Instant& now, Activity activity);
    std::vector<Event> feed(const Instant& now, ActivityKind kind) { return feed(now, Activity{kind, {}}); }

    CommandResult start(const Instant& now, const std::string& routine);
    CommandResult finish(const Instant& now, bool completed, const std::string& why = {});
    CommandResult snooze(const Instant& now);
    // Skips the break that is due or next; during a routine, ends it and that break is skipped.
    CommandResult skip(const Instant& now);
    CommandResult pause(const Instant& now, Seconds length, const std::string& reason = "user");
    CommandResult pause_until_tomorrow(const Instant& now, const std::string& reason = "user");
    CommandResult resume(const Instant& now);
    // A smart-pause signal began (`why` names it, such as "microphone") or, with an empty
    // `why`, the last one ended. While one is on, a break that comes due waits, without a
    // warning; once none is, it is offered after the grace period. Earned time runs on.
    // One signal giving way to another (`why` changes, never empty between) is one hold, whose
    // length the status gives; it turns long at long_hold, a wake-up of its own.
    std::vector<Event> hold(const Instant& now, const std::string& why);

    // How long from `now` until something can change without new input; empty when nothing
    // will happen until the activity changes.
    [[nodiscard]] std::optional<std::chrono::nanoseconds> next_wake(const Instant& now) const;
    [[nodiscard]] Status status(const Instant& now) const;

    [[nodiscard]] SchedulerState save(const Instant& now) const;
    // Restores a saved state; a gap of natural_break or more since it was saved is a break.
    void restore(const SchedulerState& state, const Instant& now);

    // New settings take effect at once; the earned time is kept.
    void reconfigure(Settings settings);
    [[nodiscard]] const Settings& settings() const { return settings_; }

private:
    struct Pending {
        std::string routine;
        DueReason reason = DueReason::Earned;
    };
    struct Pause {
        std::optional<MonoTime> until_mono;
        std::optional<WallTime> until_wall;
        std::string reason;
    };

    void advance(const Instant& now, MonoTime to, std::vector<Event>& out);
    void check_thresholds(const Instant& now, std::vector<Event>& out);
    void switch_activity(ActivityKind kind, MonoTime at, const Instant& now, std::vector<Event>& out);
    void check_pause(const Instant& now, std::vector<Event>& out);
    void check_hours(const Instant& now, std::vector<Event>& out);
    void check_daily(const Instant& now, std::vector<Event>& out);
    // The working day a daily routine done now counts for: yesterday's while its time (the
    // morning after a night shift) is still to come or within its window, else today's.
    [[nodiscard]] std::int64_t daily_day(const Instant& now) const;
    void check_grace(const Instant& now, std::vector<Event>& out);
    // Makes `p` the pending break: due now, or waiting while a signal is on or the grace runs.
    void come_due(const Instant& now, Pending p, bool again, std::vector<Event>& out);
    void reset_cycle();
    void end_break(const Instant& now);
    [[nodiscard]] bool counting() const;
    [[nodiscard]] Event event(Event::Kind kind, const Instant& now) const;
    [[nodiscard]] bool in_hours(const Instant& now) const;
    [[nodiscard]] std::optional<WallTime> pause_end(const Instant& now) const;

    Settings settings_;
    bool started_ = false;
    Instant last_{};
    ActivityKind activity_ = ActivityKind::Active;
    MonoTime away_since_{};
    MonoTime active_since_{};
    bool away_counted_ = false;     // the current away stretch already reached natural_break
    MonoTime cursor_{};             // accrual is done up to here
    std::chrono::nanoseconds earned_{0};
    bool warned_ = false;
    bool snoozed_ = false;
    int snoozes_used_ = 0;
    std::optional<Pending> due_;
    std::optional<Pending> snoozed_due_;  // what comes due again when a snooze runs out
    bool away_reported_ = false;          // AwayStarted was sent for the current stretch
    std::optional<std::string> in_break_;
    bool in_break_was_due_ = false;
    std::optional<Pause> pause_;
    std::optional<std::int64_t> daily_done_on_;
    bool was_in_hours_ = false;
    std::string hold_;                    // the signal holding breaks now
    std::optional<MonoTime> hold_since_;  // when a signal came on after none was
    std::optional<Pending> held_;         // the break that waits for it
    MonoTime held_since_{};
    std::optional<MonoTime> offer_at_;    // the end of the grace period after the last signal
};

}  // namespace limber
