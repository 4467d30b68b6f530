// Names of the scheduler's events, phases and activity kinds (the wire and log form), and the
// saved state's JSON.
#include "limber/scheduler.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace limber {

using namespace std::chrono_literals;
using std::chrono::nanoseconds;

const char* to_string(Event::Kind kind)
{
    switch (kind) {
    case Event::Kind::Warning: return "warning";
    case Event::Kind::BreakDue: return "break_due";
    case Event::Kind::AwayStarted: return "away_started";
    case Event::Kind::NaturalBreak: return "natural_break";
    case Event::Kind::BreakStarted: return "break_started";
    case Event::Kind::BreakCompleted: return "break_completed";
    case Event::Kind::BreakStopped: return "break_stopped";
    case Event::Kind::Snoozed: return "snoozed";
    case Event::Kind::Skipped: return "skipped";
    case Event::Kind::Paused: return "paused";
    case Event::Kind::Resumed: return "resumed";
    case Event::Kind::ClockJumped: return "clock_jumped";
    case Event::Kind::DueCleared: return "due_cleared";
    case Event::Kind::Held: return "held";
    }
    return "unknown";
}

const char* to_string(ActivityKind kind)
{
    switch (kind) {
    case ActivityKind::Active: return "active";
    case ActivityKind::Idle: return "idle";
    case ActivityKind::Locked: return "locked";
    case ActivityKind::Asleep: return "asleep";
    }
    return "unknown";
}

const char* to_string(Phase phase)
{
    switch (phase) {
    case Phase::Working: return "working";
    case Phase::Due: return "due";
    case Phase::InBreak: return "in_break";
    case Phase::Paused: return "paused";
    case Phase::Away: return "away";
    case Phase::OffHours: return "off_hours";
    case Phase::Held: return "held";
    }
    return "unknown";
}

std::string SchedulerState::to_json() const
{
    nlohmann::json j;
    j["version"] = 1;
    j["earned_seconds"] = earned.count();
    j["snoozes_used"] = snoozes_used;
    j["paused_until_ns"] = paused_until ? nlohmann::json(paused_until->time_since_epoch().count()) : nlohmann::json();
    j["pause_reason"] = pause_reason;
    j["daily_done_on"] = daily_done_on ? nlohmann::json(*daily_done_on) : nlohmann::json();
    j["saved_at_ns"] = saved_at.time_since_epoch().count();
    if (due_routine) {
        j["due"] = {{"routine", *due_routine},
                    {"reason", due_reason == DueReason::Daily ? "daily" : "earned"},
                    {"snoozed", due_snoozed},
                    {"held", due_held}};
    }
    return j.dump();
}

SchedulerState SchedulerState::from_json(const std::string& text)
{
    try {
        const auto j = nlohmann::json::parse(text);
        if (j.at("version").get<int>() != 1) throw std::runtime_error("unsupported version");
        SchedulerState st;
        st.earned = Seconds{j.at("earned_seconds").get<std::int64_t>()};
        if (st.earned < 0s) throw std::runtime_error("negative earned_seconds");
        st.snoozes_used = j.at("snoozes_used").get<int>();
        if (!j.at("paused_until_ns").is_null())
            st.paused_until = WallTime{nanoseconds{j.at("paused_until_ns").get<std::int64_t>()}};
        st.pause_reason = j.at("pause_reason").get<std::string>();
        if (!j.at("daily_done_on").is_null()) st.daily_done_on = j.at("daily_done_on").get<std::int64_t>();
        st.saved_at = WallTime{nanoseconds{j.at("saved_at_ns").get<std::int64_t>()}};
        if (j.contains("due")) {  // absent in states saved before it was kept
            const auto& d = j.at("due");
            st.due_routine = d.at("routine").get<std::string>();
            const auto reason = d.at("reason").get<std::string>();
            if (reason != "earned" && reason != "daily") throw std::runtime_error("unknown due reason \"" + reason + "\"");
            st.due_reason = reason == "daily" ? DueReason::Daily : DueReason::Earned;
            st.due_snoozed = d.at("snoozed").get<bool>();
            st.due_held = d.value("held", false);  // absent before smart pause
        }
        return st;
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("scheduler state: ") + e.what());
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(std::string("scheduler state: ") + e.what());
    }
}

}  // namespace limber
