// The control channel end to end, part one: requests, replies, and every kind of bad line,
// through the real server and the real client, on the OS's transport (a Unix socket, a named
// pipe: support/ipc_os.hpp).
#include "client/client.hpp"
#include "ipc_os.hpp"
#include "support/catch.hpp"
#include "support/test_server.hpp"

#include <random>

using namespace std::chrono_literals;
using namespace limber::protocol;
using limber::test::RawClient;
using limber::test::TestServer;
using nlohmann::json;

namespace {

json read_json(RawClient& c)
{
    const auto line = c.read_line();
    REQUIRE(line);
    return json::parse(*line);
}

const std::string status_line = R"({"v":1,"id":99,"verb":"status"})"
                                "\n";

}  // namespace

TEST_CASE("a request gets its reply, matched by id")
{
    TestServer t;
    limber::Client client(t.socket());
    const auto hello = client.call(Verb::Hello, HelloArgs{"limberctl"});
    CHECK(hello.ok);
    CHECK(hello.result["client"] == "limberctl");
    const auto status = client.call(Verb::Status);
    CHECK(status.ok);
    CHECK(status.id == 2);
    CHECK(status.result["phase"] == "working");
    const auto pause = client.call(Verb::Pause, PauseArgs{30min, false});
    CHECK(pause.result["verb"] == "pause");
}

TEST_CASE("the handler's refusals and failures reach the client, and the connection lives on")
{
    TestServer t;
    limber::Client client(t.socket());
    const auto skip = client.call(Verb::Skip);
    CHECK_FALSE(skip.ok);
    CHECK(skip.code == ErrorCode::Refused);
    CHECK(skip.message == "no break to skip");
    const auto snooze = client.call(Verb::Snooze);
    CHECK_FALSE(snooze.ok);
    CHECK(snooze.code == ErrorCode::Internal);
    CHECK_THAT(snooze.message, Catch::Contains("snooze exploded"));
    CHECK(client.call(Verb::Status).ok);
}

TEST_CASE("malformed JSON gets an error reply and the connection still works")
{
    TestServer t;
    RawClient c(t.socket());
    REQUIRE(c.write("{\"v\":1,\"id\":5,\"verb\":\n"));
    const auto error = read_json(c);
    CHECK(error["ok"] == false);
    CHECK(error["id"].is_null());
    CHECK(error["error"]["code"] == "bad_json");
    REQUIRE(c.write(status_line));
    const auto reply = read_json(c);
    CHECK(reply["ok"] == true);
    CHECK(reply["id"] == 99);
}

TEST_CASE("unknown verbs, wrong types and other versions are answered precisely, by id")
{
    TestServer t;
    RawClient c(t.socket());
    REQUIRE(c.write(R"({"v":1,"id":1,"verb":"make_coffee"})"
                    "\n"
                    R"({"v":1,"id":2,"verb":"finish","args":{"completed":"yes"}})"
                    "\n"
                    R"({"v":3,"id":3,"verb":"status"})"
                    "\r\n"
                    "\n"
                    R"({"v":1,"id":4,"verb":"pause","args":{"duration":"soon"}})"
                    "\n"));
    auto r = read_json(c);
    CHECK(r["id"] == 1);
    CHECK(r["error"]["code"] == "unknown_verb");
    r = read_json(c);
    CHECK(r["id"] == 2);
    CHECK(r["error"]["code"] == "bad_request");
    CHECK_THAT(r["error"]["message"].get<std::string>(), Catch::Contains("\"args.completed\" must be a boolean"));
    r = read_json(c);
    CHECK(r["id"] == 3);
    CHECK(r["error"]["code"] == "unsupported_version");
    r = read_json(c);  // the blank line got no reply
    CHECK(r["id"] == 4);
    CHECK_THAT(r["error"]["message"].get<std::string>(), Catch::Contains("\"args.duration\""));
    REQUIRE(c.write(status_line));
    CHECK(read_json(c)["ok"] == true);
}

TEST_CASE("a 70 KiB line gets too_long and the connection is closed; others are unaffected")
{
    TestServer t;
    limber::Client other(t.socket());
    SECTION("with its newline")
    {
        RawClient c(t.socket());
        c.write(R"({"v":1,"id":1,"verb":"status","args":{"x":")" + std::string(70 * 1024, 'x') + "\"}}\n");
        const auto r = read_json(c);
        CHECK(r["error"]["code"] == "too_long");
        CHECK(c.closed_within(10s));
    }
    SECTION("still waiting for its newline")
    {
        RawClient c(t.socket());
        c.write(std::string(70 * 1024, '{'));
        CHECK(read_json(c)["error"]["code"] == "too_long");
        CHECK(c.closed_within(10s));
    }
    CHECK(other.call(Verb::Status).ok);
}

TEST_CASE("garbage never takes the server down")
{
    TestServer t;
    RawClient c(t.socket());
    std::mt19937 rng(20240506);
    std::uniform_int_distribution<int> byte(0, 255), length(0, 300);
    int lines = 0;
    std::string junk;
    for (int i = 0; i < 500; ++i) {
        std::string line;
        for (int n = length(rng); n > 0; --n) {
            const char b = static_cast<char>(byte(rng));
            if (b != '\n') line += b;
        }
        // Only lines with something besides blanks get a reply (one trailing CR is dropped).
        const std::string_view seen = line.ends_with('\r') ? std::string_view(line).substr(0, line.size() - 1) : line;
        if (seen.find_first_not_of(" \t") != std::string_view::npos) ++lines;
        junk += line + "\n";
    }
    for (const char* half_valid : {R"({"v":1,"id":{},"verb":"status"})", R"({"v":1e400,"id":1,"verb":"status"})",
                                   R"({"v":1,"id":1,"verb":"step","args":{"exercise":"x","reps":1e20}})",
                                   "\"\\ud800\"", "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]"}) {
        junk += std::string(half_valid) + "\n";
        ++lines;
    }
    REQUIRE(c.write(junk + status_line));
    for (int i = 0; i < lines; ++i) {
        const auto line = c.read_line();
        REQUIRE(line);
        CHECK(json::parse(*line)["ok"] == false);
    }
    const auto last = read_json(c);
    CHECK(last["id"] == 99);
    CHECK(last["ok"] == true);
    limber::Client other(t.socket());
    CHECK(other.call(Verb::Status).ok);
}

TEST_CASE("the client says plainly when the daemon is not running")
{
    const limber::test::Endpoint nobody;
    CHECK_THROWS_AS(limber::Client(nobody.path()), limber::DaemonNotRunning);
    CHECK_THROWS_WITH(limber::Client(nobody.path()), limber::test::no_daemon_message(nobody.path()));
}
