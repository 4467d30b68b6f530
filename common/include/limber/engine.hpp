// The daemon's brain without its body: the scheduler, the record and progression tied
// together. Activity and commands go in; every event is recorded and handed to a sink (the
// socket, notifications). No clock, no sockets, no timers: the daemon's loop drives it, and
// tests drive it with a fake clock.
#pragma once

#include "limber/catalog.hpp"
#include "limber/progression.hpp"
#include "limber/scheduler.hpp"
#include "limber/settings.hpp"
#include "limber/store.hpp"

#include <functional>
#include <optional>
#include <string>

namespace limber {

// The tray's report of one exercise done during a routine.
struct StepReport {
    std::string exercise;
    std::optional<int> reps;
    std::optional<int> hold_seconds;
    std::string side;               // "left", "right" or empty
    std::optional<Rating> feedback;
};

class Engine {
public:
    using EventSink = std::function<void(const Event&)>;
    using Warn = std::function<void(const std::string&)>;

    // Restores the scheduler's state and progression from the store (a damaged saved state is
    // reported through `warn` and replaced by a fresh start).
    Engine(Catalog catalog, Settings settings, Store& store, const Instant& now, ActivityKind initial,
           EventSink sink, Warn warn);

    void activity(const Instant& now, const Activity& activity);
    // The loop's timer fired, or anything else made it worth catching up.
    void wake(const Instant& now);

    CommandResult start(const Instant& now, const std::string& routine);
    CommandResult finish(const Instant& now, bool completed, const std::string& why);
    CommandResult snooze(const Instant& now);
    CommandResult skip(const Instant& now);
    CommandResult pause(const Instant& now, Seconds length);
    CommandResult pause_until_tomorrow(const Instant& now);
    CommandResult resume(const Instant& now);
    // Smart pause: the signal on now ("microphone: Firefox"), or "" when none is.
    void hold(const Instant& now, const std::string& why);
    // Records an exercise done and its feedback. Refused for an unknown exercise.
    CommandResult step(const Instant& now, const StepReport& report);
    CommandResult reenable(const std::string& exercise);

    void reconfigure(Settings settings);
    // Saves the scheduler state, progression, and the activity span so far.
    void save(const Instant& now);

    [[nodiscard]] Status status(const Instant& now) const { return scheduler_.status(now); }
    [[nodiscard]] std::optional<std::chrono::nanoseconds> next_wake(const Instant& now) const
    {
        return scheduler_.next_wake(now);
    }
    [[nodiscard]] const Catalog& catalog() const { return catalog_; }
    [[nodiscard]] const Settings& settings() const { return scheduler_.settings(); }
    [[nodiscard]] const Progression& progression() const { return progression_; }
    // A routine by id, or "single:<exercise>" for one exercise; nullopt when unknown.
    [[nodiscard]] std::optional<Routine> routine(const std::string& id) const;

    static constexpr const char* state_key = "scheduler";

private:
    void publish(const std::vector<Event>& events);
    CommandResult publish(CommandResult result);
    // Ends the current activity span at `end` (`end_mono` on the monotonic clock).
    void close_span(const Stamp& end, MonoTime end_mono);

    Catalog catalog_;
    Store& store_;
    Scheduler scheduler_;
    Progression progression_;
    EventSink sink_;
    Warn warn_;
    ActivityKind span_kind_;
    Stamp span_start_;
    MonoTime span_start_mono_;
};

}  // namespace limber
