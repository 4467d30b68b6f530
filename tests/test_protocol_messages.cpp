// What the daemon sends: replies, pushed events, and the wire form of Status and Event.
#include "limber/protocol.hpp"

#include "support/catch.hpp"

using namespace std::chrono_literals;
using namespace limber::protocol;
using limber::Event;
using nlohmann::json;

namespace {

// 2024-05-06 09:30:15 UTC.
const limber::WallTime monday_morning = limber::WallTime{std::chrono::sys_days{std::chrono::year{2024} / 5 / 6}} + 9h + 30min + 15s;

json body(const std::string& line)
{
    REQUIRE(line.back() == '\n');
    REQUIRE(line.find('\n') == line.size() - 1);
    return json::parse(line);
}

}  // namespace

TEST_CASE("replies have the documented shape and read back")
{
    auto ok = Reply::success({{"phase", "working"}});
    ok.id = 7;
    CHECK(body(to_line(ok)) == json::parse(R"({"v":1,"id":7,"ok":true,"result":{"phase":"working"}})"));
    const auto back = std::get<Reply>(parse_server_message(to_line(ok)));
    CHECK(back.ok);
    CHECK(back.id == 7);
    CHECK(back.result["phase"] == "working");

    auto refused = Reply::failure(ErrorCode::Refused, "no snoozes left");
    refused.id = 8;
    CHECK(body(to_line(refused)) ==
          json::parse(R"({"v":1,"id":8,"ok":false,"error":{"code":"refused","message":"no snoozes left"}})"));
    const auto back2 = std::get<Reply>(parse_server_message(to_line(refused)));
    CHECK_FALSE(back2.ok);
    CHECK(back2.code == ErrorCode::Refused);
    CHECK(back2.message == "no snoozes left");
}

TEST_CASE("an error about a line without an id replies with a null id")
{
    const auto r = Reply::failure(std::get<ProtocolError>(parse_request("{")));
    const auto j = body(to_line(r));
    CHECK(j["id"].is_null());
    CHECK(j["error"]["code"] == "bad_json");
    CHECK_FALSE(std::get<Reply>(parse_server_message(to_line(r))).id);
}

TEST_CASE("a message with bad UTF-8 from the daemon is still one valid line")
{
    const auto line = to_line(Reply::failure(ErrorCode::NotFound, "no routine \xff"));
    CHECK(body(line)["error"]["message"] == "no routine \xEF\xBF\xBD");
}

TEST_CASE("pushed events have the documented shape and read back")
{
    const PushedEvent e{"break_due", {{"routine", "quick-daily-reset"}}};
    CHECK(body(to_line(e)) == json::parse(R"({"v":1,"event":"break_due","data":{"routine":"quick-daily-reset"}})"));
    const auto back = std::get<PushedEvent>(parse_server_message(to_line(e)));
    CHECK(back.name == "break_due");
    CHECK(back.data == e.data);
    CHECK(to_json(e) == json::parse(R"({"event":"break_due","data":{"routine":"quick-daily-reset"}})"));
}

TEST_CASE("a client refuses what is not a message of this protocol")
{
    CHECK_THROWS_WITH(parse_server_message("nonsense"), Catch::Contains("not a JSON object"));
    CHECK_THROWS_WITH(parse_server_message(R"({"v":2,"id":1,"ok":true})"), Catch::Contains("another protocol version (2)"));
    CHECK_THROWS_WITH(parse_server_message(R"({"v":1,"id":1})"), Catch::Contains("malformed"));
    CHECK_THROWS_WITH(parse_server_message(R"({"v":1,"id":1,"ok":false,"error":{}})"), Catch::Contains("malformed"));
}

TEST_CASE("times are ISO 8601 UTC to the second")
{
    CHECK(iso8601_utc(monday_morning) == "2024-05-06T09:30:15Z");
    CHECK(iso8601_utc(monday_morning + 999ms) == "2024-05-06T09:30:15Z");
    CHECK(iso8601_utc(limber::WallTime{}) == "1970-01-01T00:00:00Z");
}

TEST_CASE("a status has stable field names, with null for what does not apply")
{
    limber::Status s;
    s.phase = limber::Phase::Paused;
    s.earned = 1200s;
    s.next_routine = "quick-daily-reset";
    s.paused_until = monday_morning;
    s.snoozes_left = 2;
    s.activity = limber::ActivityKind::Idle;
    CHECK(to_json(s) == json::parse(R"({"phase":"paused","earned_seconds":1200,"until_due_seconds":null,
        "next_routine":"quick-daily-reset","in_break_routine":null,"paused_until":"2024-05-06T09:30:15Z",
        "snoozes_left":2,"activity":"idle","hold":null,"held_seconds":null,"offer_in_seconds":null,
        "hold_on_seconds":null,"hold_long":false})"));
    s.phase = limber::Phase::Held;
    s.hold = "microphone: Firefox";
    s.held_for = 90s;
    CHECK(to_json(s)["phase"] == "held");
    CHECK(to_json(s)["hold"] == "microphone: Firefox");
    CHECK(to_json(s)["held_seconds"] == 90);
    s.hold_on = 7199s;
    CHECK(to_json(s)["hold_on_seconds"] == 7199);
    CHECK(to_json(s)["hold_long"] == false);
    s.hold_on = 8040s;
    s.hold_long = true;
    CHECK(to_json(s)["hold_on_seconds"] == 8040);
    CHECK(to_json(s)["hold_long"] == true);
    s.hold_on.reset();
    s.hold_long = false;
    s.hold.clear();
    s.offer_in = 120s;
    CHECK(to_json(s)["hold"].is_null());
    CHECK(to_json(s)["offer_in_seconds"] == 120);
    s.phase = limber::Phase::InBreak;
    s.until_due = 300s;
    s.in_break_routine = "end-of-day-relief";
    s.paused_until.reset();
    const auto j = to_json(s);
    CHECK(j["phase"] == "in_break");
    CHECK(j["until_due_seconds"] == 300);
    CHECK(j["in_break_routine"] == "end-of-day-relief");
    CHECK(j["paused_until"].is_null());
}

TEST_CASE("scheduler events become pushed events with per-kind fields")
{
    Event e{};
    e.at.wall = monday_morning;

    e.kind = Event::Kind::BreakDue;
    e.routine = "end-of-day-relief";
    e.reason = limber::DueReason::Daily;
    auto p = to_pushed_event(e);
    CHECK(p.name == "break_due");
    CHECK(p.data == json::parse(R"({"at":"2024-05-06T09:30:15Z","routine":"end-of-day-relief","reason":"daily"})"));

    e = Event{};
    e.at.wall = monday_morning;
    e.kind = Event::Kind::Snoozed;
    e.length = 300s;
    e.count = 1;
    p = to_pushed_event(e);
    CHECK(p.name == "snoozed");
    CHECK(p.data == json::parse(R"({"at":"2024-05-06T09:30:15Z","due_in_seconds":300,"snoozes_used":1})"));

    e = Event{};
    e.at.wall = monday_morning;
    e.kind = Event::Kind::Paused;
    e.until = monday_morning + 30min;
    e.detail = "user";
    p = to_pushed_event(e);
    CHECK(p.data == json::parse(R"({"at":"2024-05-06T09:30:15Z","until":"2024-05-06T10:00:15Z","detail":"user"})"));

    e.kind = Event::Kind::NaturalBreak;
    e.length = 420s;
    e.until.reset();
    e.detail.clear();
    CHECK(to_pushed_event(e).data["away_seconds"] == 420);
    e.kind = Event::Kind::Warning;
    e.length = 60s;
    CHECK(to_pushed_event(e).data["due_in_seconds"] == 60);
    e.kind = Event::Kind::ClockJumped;
    e.length = -3600s;
    CHECK(to_pushed_event(e).data["jump_seconds"] == -3600);
}

TEST_CASE("a reply whose id is not an integer is refused, not converted")
{
    // Found by the fuzzer: a float id was converted to an integer, which is undefined.
    for (const char* line : {R"({"v":1,"id":1.5e308,"ok":true,"result":{}})", R"({"v":1,"id":2.5,"ok":true,"result":{}})",
                             R"({"v":1,"id":18446744073709551615,"ok":true,"result":{}})"})
        CHECK_THROWS_WITH(limber::protocol::parse_server_message(line), Catch::Contains("id is not an integer"));
    const auto ok = limber::protocol::parse_server_message(R"({"v":1,"id":9223372036854775807,"ok":true,"result":{}})");
    CHECK(std::get<limber::protocol::Reply>(ok).id == INT64_MAX);
}

TEST_CASE("each kind of refusal from the core is answered with its own error code")
{
    using Kind = limber::CommandError::Kind;
    CHECK(error_code(Kind::NotNow) == ErrorCode::Refused);
    CHECK(error_code(Kind::Unknown) == ErrorCode::NotFound);
    const auto refused = limber::CommandResult::not_now("not paused");
    CHECK_FALSE(refused.ok());
    CHECK(refused.error->message == "not paused");
    CHECK(limber::CommandResult::unknown("unknown routine \"yoga\"").error->kind == Kind::Unknown);
    CHECK(limber::CommandResult{}.ok());
}
