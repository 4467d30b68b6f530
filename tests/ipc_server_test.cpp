// The control channel end to end, part two: one server per path, many clients, stalled and
// slow clients, other users, and events pushed to subscribers, on the OS's transport. What only
// one OS has (socket files, a pipe's name) is in ipc_posix_test.cpp and
// windows/ipc_windows_test.cpp.
#include "client/client.hpp"
#include "ipc_os.hpp"
#include "support/catch.hpp"
#include "support/test_server.hpp"

#include <atomic>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
using namespace limber::protocol;
using limber::test::RawClient;
using limber::test::TestServer;
namespace asio = boost::asio;

TEST_CASE("a second server on the same path fails with a clear message, and the first carries on")
{
    TestServer t;
    asio::io_context io;
    limber::ipc::Server second(io, t.socket(), limber::test::trivial_handler);
    CHECK_THROWS_AS(second.start(), limber::ipc::ServerError);
    CHECK_THROWS_WITH(second.start(), Catch::Contains("another limberd is already running on " + t.socket().string()));
    // The failed start took nothing from the first server: not its socket file, not its pipe.
    CHECK(limber::Client(t.socket()).call(Verb::Status).ok);
}

// Under Wine every process runs as the same user, so no client of another user can be made;
// the check is proven the other way round, by allowing only another user (as on Linux, where
// the tests cannot switch uid either).
TEST_CASE("a client of another user is dropped without an answer")
{
    limber::ipc::ServerOptions options;
    options.allowed_user = limber::test::another_user();
    TestServer t(options);
    RawClient c(t.socket());
    c.write(R"({"v":1,"id":1,"verb":"status"})"
            "\n");
    CHECK(c.closed_within(10s));
}

TEST_CASE("a client that stalls mid-line is dropped after the line timeout; others are not")
{
    limber::ipc::ServerOptions options;
    options.line_timeout = 200ms;
    TestServer t(options);
    limber::Client idle(t.socket());  // connected first, sends nothing until the end
    limber::Client busy(t.socket());
    RawClient staller(t.socket());
    REQUIRE(staller.write(R"({"v":1,"id":1,"verb":)"));
    CHECK(busy.call(Verb::Status).ok);  // answered while the staller holds its half line
    CHECK(staller.closed_within(10s));  // an upper bound only; the timeout is 200 ms
    CHECK(busy.call(Verb::Status).ok);
    // The idle client has now been silent for longer than the line timeout, and is still served.
    CHECK(idle.call(Verb::Status).ok);
}

TEST_CASE("a hundred clients at once are all answered")
{
    TestServer t;
    constexpr int clients = 100;
    constexpr int calls = 5;
    std::atomic<int> answered{0};
    std::vector<std::thread> threads;
    std::vector<limber::Client> connections;
    for (int i = 0; i < clients; ++i) connections.emplace_back(t.socket(), 20s);  // all connected at the same time
    for (auto& c : connections)
        threads.emplace_back([&c, &answered] {
            for (int k = 0; k < calls; ++k)
                if (c.call(Verb::Status).ok) ++answered;
        });
    for (auto& th : threads) th.join();
    CHECK(answered == clients * calls);
}

TEST_CASE("a broadcast reaches subscribers only")
{
    TestServer t;
    limber::Client subscriber(t.socket());
    limber::Client bystander(t.socket());
    REQUIRE(subscriber.subscribe().ok);
    REQUIRE(bystander.call(Verb::Hello, HelloArgs{"bystander"}).ok);

    t.server().broadcast(to_line(PushedEvent{"break_due", {{"routine", "quick-daily-reset"}}}));
    t.server().broadcast(R"({"v":1,"event":"snoozed","data":{}})");  // the newline is added
    const auto first = subscriber.next_event(10s);
    REQUIRE(first);
    CHECK(first->name == "break_due");
    CHECK(first->data["routine"] == "quick-daily-reset");
    const auto second = subscriber.next_event(10s);
    REQUIRE(second);
    CHECK(second->name == "snoozed");

    // Both broadcasts are done, so anything meant for the bystander would come before this reply.
    CHECK(bystander.call(Verb::Status).ok);
    CHECK_FALSE(bystander.next_event(0ms));
    // A subscriber still makes ordinary requests on the same connection.
    CHECK(subscriber.call(Verb::Status).ok);
}

TEST_CASE("a subscriber that does not read is dropped once its queue is full")
{
    limber::ipc::ServerOptions options;
    options.max_queued_bytes = 64 * 1024;
    TestServer t(options);
    RawClient sleeper(t.socket());
    sleeper.write(R"({"v":1,"id":1,"verb":"subscribe"})"
                  "\n");
    REQUIRE(sleeper.read_line());
    limber::Client reader(t.socket());
    REQUIRE(reader.subscribe().ok);

    // Far more than the kernel's socket buffers and the queue together.
    const auto event = to_line(PushedEvent{"break_due", {{"padding", std::string(8000, 'p')}}});
    for (int i = 0; i < 1000; ++i) {
        t.server().broadcast(event);
        REQUIRE(reader.next_event(10s));  // the reader keeps up, so only the sleeper falls behind
    }
    CHECK(sleeper.closed_within(10s));
    CHECK(reader.call(Verb::Status).ok);
}

TEST_CASE("a full server makes room for a new client by dropping the quietest, subscribers last")
{
    limber::ipc::ServerOptions options;
    options.max_sessions = 3;
    TestServer t(options);
    limber::Client subscriber(t.socket());
    REQUIRE(subscriber.call(Verb::Subscribe).ok);  // heard from first, but subscribed
    RawClient quiet(t.socket());                  // connected, never says a word
    limber::Client chatty(t.socket());
    REQUIRE(chatty.call(Verb::Status).ok);
    // Full: a fourth client is answered, and the quiet one is the one that gave way.
    limber::Client newcomer(t.socket());
    CHECK(newcomer.call(Verb::Status).ok);
    CHECK(quiet.closed_within(10s));
    CHECK(chatty.call(Verb::Status).ok);
    CHECK(subscriber.call(Verb::Status).ok);
}
