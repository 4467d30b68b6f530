// The clients' typed readers of what limberd sends, against the writers beside them: whatever
// is written reads back field for field, and a message that is not what limberd writes is
// refused with the field named.
#include "limber/protocol.hpp"

#include "support/catch.hpp"

#include <array>

using namespace std::chrono_literals;
using namespace limber::protocol;
using limber::Event;
using limber::MessageError;
using limber::Seconds;
using nlohmann::json;

namespace {

// 2024-05-06 09:30:15 UTC, a Monday.
const limber::WallTime monday_morning = limber::WallTime{std::chrono::sys_days{std::chrono::year{2024} / 5 / 6}} + 9h + 30min + 15s;

// A status with every field away from its default.
StatusReport full_status()
{
    StatusReport r;
    limber::Status& s = r.schedule;
    s.phase = limber::Phase::Held;
    s.earned = Seconds{1520};
    s.until_due = Seconds{1180};
    s.next_routine = "quick-daily-reset";
    s.in_break_routine = "posture-support";
    s.paused_until = monday_morning + 1h;
    s.snoozes_left = 2;
    s.activity = limber::ActivityKind::Locked;
    s.hold = "microphone: Firefox";
    s.held_for = Seconds{600};
    s.offer_in = Seconds{120};
    s.hold_on = Seconds{7300};
    s.hold_long = true;
    r.next_routine_name = "Quick Daily Reset";
    r.config_error = "/home/ana/.config/limber/limber.toml:2:9: breaks.every: \"soon\" is not a duration";
    r.unsaved_records = 3;
    r.store_error = "/home/ana/.local/state/limber/limber.db: disk I/O error";
    r.sounds = true;
    r.voice = true;
    r.week = "2024-W19";
    return r;
}

limber::WeekFigures figures(const char* week, int base)
{
    limber::WeekFigures f;
    f.week = *limber::parse_iso_week(week);
    f.due = base + 1;
    f.taken = base + 2;
    f.partial = base + 3;
    f.snoozed = base + 4;
    f.skipped = base + 5;
    f.missed = base + 6;
    f.natural = base + 7;
    f.held_long = base + 8;
    f.held_by = {{"call", base + 2}, {"fullscreen", 1}};
    f.compliance = 0.8125 + base / 100.0;
    for (int i = 0; i < 7; ++i)
        f.days.push_back({f.week.monday() + i, Seconds{3600 * i + base}, Seconds{60 * i + base}, i + base, i});
    f.active = Seconds{98000 + base};
    f.longest_stretch = Seconds{4100 + base};
    f.routines = {{"quick-daily-reset", 5 + base}, {"posture-support", 1}};
    f.exercises = {{"chin-tucks", 9 + base}};
    f.pain_reports = base + 9;
    f.pain_by_exercise = {{"doorway-pec-stretch", base + 9}};
    f.streak_days = base + 10;
    return f;
}

SummaryReport full_summary()
{
    return {{figures("2024-W19", 10), figures("2024-W18", 1)}, "Week 2024-W19 (2024-05-06 to 2024-05-12)\n...\n",
            *limber::parse_local_day("2024-05-08")};
}

std::string refusal(const auto& read)
{
    try {
        read();
    } catch (const MessageError& e) {
        return e.what();
    }
    return "(read without complaint)";
}

}  // namespace

TEST_CASE("a status reads back every field its writer wrote")
{
    const StatusReport full = full_status();
    CHECK(StatusReport::from_json(full.to_json()) == full);
    // And through the wire, as a reply line and as a pushed status.
    const auto reply = std::get<Reply>(parse_server_message(to_line(Reply::success(full.to_json()))));
    CHECK(StatusReport::from_json(reply.result) == full);
    const auto pushed = std::get<PushedEvent>(parse_server_message(to_line(PushedEvent{PushedEvent::Kind::Status, full.to_json()})));
    CHECK(pushed.kind == PushedEvent::Kind::Status);
    CHECK(StatusReport::from_json(pushed.data) == full);

    // Everything that may be null or empty, null and empty.
    StatusReport bare;
    bare.week = "2024-W19";
    CHECK(bare.to_json()["until_due_seconds"].is_null());
    CHECK(bare.to_json()["next_routine_name"].is_null());
    CHECK(StatusReport::from_json(bare.to_json()) == bare);

    // Every phase and activity, by name.
    for (const auto phase : {limber::Phase::Working, limber::Phase::Due, limber::Phase::InBreak, limber::Phase::Paused,
                             limber::Phase::Away, limber::Phase::OffHours, limber::Phase::Held})
        for (const auto activity : {limber::ActivityKind::Active, limber::ActivityKind::Idle, limber::ActivityKind::Locked,
                                    limber::ActivityKind::Asleep}) {
            StatusReport r = full;
            r.schedule.phase = phase;
            r.schedule.activity = activity;
            CHECK(StatusReport::from_json(r.to_json()) == r);
        }
}

TEST_CASE("a command's reply gives its status back, when it has one")
{
    const StatusReport full = full_status();
    CHECK(StatusReport::in_reply(json{{"events", json::array()}, {"status", full.to_json()}}) == full);
    CHECK_FALSE(StatusReport::in_reply(json{{"format", "csv"}, {"content", ""}}).has_value());
}

TEST_CASE("a status that is not what limberd writes names the field")
{
    const json good = full_status().to_json();
    auto without = [&](const char* key) {
        json j = good;
        j.erase(key);
        return j;
    };
    auto with = [&](const char* key, json value) {
        json j = good;
        j[key] = std::move(value);
        return j;
    };
    CHECK(refusal([&] { (void)StatusReport::from_json(without("phase")); }) == R"(status: "phase" is missing)");
    CHECK(refusal([&] { (void)StatusReport::from_json(without("week")); }) == R"(status: "week" is missing)");
    CHECK(refusal([&] { (void)StatusReport::from_json(with("earned_seconds", "1520")); }) ==
          R"(status: "earned_seconds" must be an integer, not string)");
    CHECK(refusal([&] { (void)StatusReport::from_json(with("earned_seconds", 15.5)); }) ==
          R"(status: "earned_seconds" must be an integer, not number)");
    CHECK(refusal([&] { (void)StatusReport::from_json(with("until_due_seconds", true)); }) ==
          R"(status: "until_due_seconds" must be an integer or null, not boolean)");
    CHECK(refusal([&] { (void)StatusReport::from_json(with("hold_long", nullptr)); }) ==
          R"(status: "hold_long" must be a boolean, not null)");
    CHECK(refusal([&] { (void)StatusReport::from_json(with("hold", 3)); }) ==
          R"(status: "hold" must be a string or null, not number)");
    CHECK(refusal([&] { (void)StatusReport::from_json(with("phase", "napping")); }) ==
          R"(status: "phase" must be one of working, due, in_break, paused, away, off_hours, held, not "napping")");
    CHECK(refusal([&] { (void)StatusReport::from_json(with("activity", "busy")); }) ==
          R"(status: "activity" must be one of active, idle, locked, asleep, not "busy")");
    CHECK(refusal([&] { (void)StatusReport::from_json(with("paused_until", "tomorrow")); }) ==
          R"(status: "paused_until" must be a UTC time like "2024-05-06T09:30:00Z", not "tomorrow")");
    CHECK(refusal([&] { (void)StatusReport::from_json(json::array()); }) == "status: the message must be an object, not array");
    CHECK(refusal([&] { (void)StatusReport::in_reply(json{{"status", nullptr}}); }) == "status: the message must be an object, not null");
}

TEST_CASE("a summary reads back every field its writer wrote")
{
    const SummaryReport full = full_summary();
    CHECK(SummaryReport::from_json(full.to_json()) == full);
    // The reply is the summary's JSON as format_json() writes it, with text and today beside.
    json reply = json::parse(limber::format_json(full.summary));
    reply["text"] = full.text;
    reply["today"] = "2024-05-08";
    CHECK(reply == full.to_json());
    CHECK(SummaryReport::from_json(reply) == full);
    json printed = json::parse(limber::format_json(full.summary));
    printed["today"] = "2024-05-08";
    CHECK(SummaryReport::without_text(reply) == printed);

    // A week with nothing due: no compliance, no counts.
    SummaryReport quiet{{figures("2024-W01", 0), figures("2023-W52", 0)}, "", *limber::parse_local_day("2024-01-01")};
    quiet.summary.week.compliance.reset();
    quiet.summary.week.routines.clear();
    quiet.summary.previous.days.clear();
    CHECK(quiet.to_json()["compliance"].is_null());
    CHECK(SummaryReport::from_json(quiet.to_json()) == quiet);
}

TEST_CASE("a summary that is not what limberd writes names the field, nested ones by their path")
{
    const json good = full_summary().to_json();
    auto changed = [&](auto&& edit) {
        json j = good;
        edit(j);
        return refusal([&] { (void)SummaryReport::from_json(j); });
    };
    CHECK(changed([](json& j) { j.erase("today"); }) == R"(summary: "today" is missing)");
    CHECK(changed([](json& j) { j["today"] = "Wednesday"; }) == R"(summary: "today" must be a date like "2024-05-06", not "Wednesday")");
    CHECK(changed([](json& j) { j["week"] = "2024-19"; }) == R"(summary: "week" must be an ISO week like "2024-W19", not "2024-19")");
    CHECK(changed([](json& j) { j["breaks"].erase("taken"); }) == R"(summary: "breaks.taken" is missing)");
    CHECK(changed([](json& j) { j["previous"]["breaks"]["due"] = "40"; }) ==
          R"(summary: "previous.breaks.due" must be an integer, not string)");
    CHECK(changed([](json& j) { j["compliance"] = "80%"; }) == R"(summary: "compliance" must be a number or null, not string)");
    CHECK(changed([](json& j) { j["days"][3].erase("breaks_due"); }) == R"(summary: "days[3].breaks_due" is missing)");
    CHECK(changed([](json& j) { j["days"][0]["date"] = 20240506; }) == R"(summary: "days[0].date" must be a string, not number)");
    CHECK(changed([](json& j) { j["routines"][0] = "quick-daily-reset"; }) == R"(summary: "routines[0]" must be an object, not string)");
    CHECK(changed([](json& j) { j["held_by"] = json::object(); }) == R"(summary: "held_by" must be an array, not object)");
    CHECK(changed([](json& j) { j.erase("previous"); }) == R"(summary: "previous" is missing)");
    CHECK(changed([](json& j) { j["text"] = nullptr; }) == R"(summary: "text" must be a string, not null)");
}

TEST_CASE("a pushed event's kind is read once from its name, and written from it")
{
    constexpr std::array scheduler{Event::Kind::Warning, Event::Kind::BreakDue, Event::Kind::AwayStarted,
                                   Event::Kind::NaturalBreak, Event::Kind::BreakStarted, Event::Kind::BreakCompleted,
                                   Event::Kind::BreakStopped, Event::Kind::Snoozed, Event::Kind::Skipped,
                                   Event::Kind::Paused, Event::Kind::Resumed, Event::Kind::ClockJumped,
                                   Event::Kind::DueCleared, Event::Kind::Held};
    for (const auto k : scheduler) {
        Event e{};
        e.kind = k;
        e.at.wall = monday_morning;
        e.routine = "quick-daily-reset";
        e.detail = "held";
        const PushedEvent p = to_pushed_event(e);
        CHECK(p.name == limber::to_string(k));
        CHECK(p.kind == pushed_kind(k));
        const auto back = std::get<PushedEvent>(parse_server_message(to_line(p)));
        CHECK(back.kind == p.kind);
        CHECK(back.name == p.name);
        CHECK(back.routine() == "quick-daily-reset");
        CHECK(back.detail() == "held");
    }
    // Every kind has its own name, and reads back from it.
    for (int k = 0; k < static_cast<int>(PushedEvent::Kind::Unknown); ++k) {
        const auto kind = static_cast<PushedEvent::Kind>(k);
        CHECK(PushedEvent{std::string(to_string(kind))}.kind == kind);
    }
    CHECK(PushedEvent{"status"}.kind == PushedEvent::Kind::Status);
    CHECK(PushedEvent{"config_reloaded"}.kind == PushedEvent::Kind::ConfigReloaded);
    CHECK(PushedEvent{"config_error"}.kind == PushedEvent::Kind::ConfigError);
    CHECK(PushedEvent{"store_error"}.kind == PushedEvent::Kind::StoreError);
    // A kind a newer limberd pushes is unknown here, and keeps its name for `limberctl watch`.
    const auto newer = std::get<PushedEvent>(parse_server_message(R"({"v":1,"event":"stretch_goal","data":{}})"));
    CHECK(newer.kind == PushedEvent::Kind::Unknown);
    CHECK(to_json(newer) == json{{"event", "stretch_goal"}, {"data", json::object()}});
    // Data without a routine or detail reads as empty; of the wrong type, it is refused.
    CHECK(PushedEvent{"due_cleared", {{"at", "2024-05-06T09:30:15Z"}}}.routine().empty());
    CHECK(refusal([] { (void)PushedEvent("break_due", {{"routine", 7}}).routine(); }) ==
          R"(break_due: "routine" must be a string, not number)");
}

TEST_CASE("feedback and ratings map by name, not by the enums' order")
{
    CHECK(rating_of(Feedback::Easy) == limber::Rating::Easy);
    CHECK(rating_of(Feedback::Ok) == limber::Rating::Ok);
    CHECK(rating_of(Feedback::Hard) == limber::Rating::Hard);
    CHECK(rating_of(Feedback::Pain) == limber::Rating::Pain);
    for (const auto f : {Feedback::Easy, Feedback::Ok, Feedback::Hard, Feedback::Pain}) {
        CHECK(feedback_of(rating_of(f)) == f);
        CHECK(std::string(limber::to_string(rating_of(f))) == to_string(f));
    }
}

TEST_CASE("UTC times read back as they were written")
{
    CHECK(parse_iso8601_utc(iso8601_utc(monday_morning)) == monday_morning);
    CHECK(parse_iso8601_utc("2024-02-29T23:59:59Z").has_value());
    CHECK_FALSE(parse_iso8601_utc("2023-02-29T10:00:00Z").has_value());
    CHECK_FALSE(parse_iso8601_utc("2024-05-06T24:00:00Z").has_value());
    CHECK_FALSE(parse_iso8601_utc("2024-05-06 09:30:15").has_value());
    CHECK_FALSE(parse_iso8601_utc("2024-05-06T09:30:15Zx").has_value());
}

TEST_CASE("the start and export replies read back what limberd writes, and a bad one names its field")
{
    using namespace limber::protocol;
    const StartReport started{"quick-daily-reset", {{"chin-tucks", {8, 5}}, {"cat-cow", {6, 0}}}};
    CHECK(StartReport::from_json(started.to_json()) == started);
    CHECK(StartReport::from_json(StartReport{"single:cat-cow", {}}.to_json()).plan.empty());
    auto bad = started.to_json();
    bad["plan"][1]["reps"] = "six";
    CHECK_THROWS_WITH(StartReport::from_json(bad), "start: \"plan[1].reps\" must be an integer, not string");
    CHECK_THROWS_WITH(StartReport::from_json(nlohmann::json{{"plan", nlohmann::json::array()}}), "start: \"routine\" is missing");

    const ExportReport exported{ExportFormat::Json, "[]\n"};
    CHECK(ExportReport::from_json(exported.to_json()) == exported);
    CHECK(ExportReport::from_json(ExportReport{ExportFormat::Csv, "a,b\n"}.to_json()).format == ExportFormat::Csv);
    CHECK_THROWS_WITH(ExportReport::from_json(nlohmann::json{{"format", "xml"}, {"content", ""}}),
                      "export: \"format\" must be csv or json, not \"xml\"");
}
