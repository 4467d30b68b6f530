// The control socket end to end, part two: the socket file, one server per path, many
// clients, stalled and slow clients, and events pushed to subscribers.
#include "client/client.hpp"
#include "support/catch.hpp"
#include "support/raw_client.hpp"
#include "support/test_server.hpp"

#include <boost/asio/local/stream_protocol.hpp>

#include <sys/stat.h>

#include <atomic>
#include <fstream>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
using namespace limber::protocol;
using limber::test::RawClient;
using limber::test::TestServer;
namespace asio = boost::asio;

namespace {

unsigned mode_of(const std::filesystem::path& p)
{
    struct stat st {};
    REQUIRE(::lstat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

// Leaves a socket file with nothing behind it, as a crashed daemon would.
void leave_stale_socket(const std::filesystem::path& path)
{
    asio::io_context io;
    asio::local::stream_protocol::acceptor a(io, asio::local::stream_protocol::endpoint(path.string()));
    a.close();
}

}  // namespace

TEST_CASE("the socket is 0600 in a directory that is 0700")
{
    TestServer t;
    CHECK(mode_of(t.socket().parent_path()) == 0700);
    CHECK(mode_of(t.socket()) == 0600);
}

TEST_CASE("a second server on the same path fails with a clear message, and the first carries on")
{
    TestServer t;
    asio::io_context io;
    limber::ipc::Server second(io, t.socket(), limber::test::trivial_handler);
    CHECK_THROWS_AS(second.start(), limber::ipc::ServerError);
    CHECK_THROWS_WITH(second.start(), Catch::Contains("another limberd is already running on " + t.socket().string()));
    CHECK(limber::Client(t.socket()).call(Verb::Status).ok);
}

TEST_CASE("a server will not take over a socket another program listens on")
{
    limber::test::TempDir dir;
    const auto path = dir.path() / "limberd.sock";
    asio::io_context io;
    asio::local::stream_protocol::acceptor foreign(io, asio::local::stream_protocol::endpoint(path.string()));
    limber::ipc::Server server(io, path, limber::test::trivial_handler);
    CHECK_THROWS_WITH(server.start(), "another server is already listening on " + path.string());
    CHECK(std::filesystem::exists(path));
}

TEST_CASE("a stale socket file is replaced; any other file is left alone")
{
    limber::test::TempDir dir;
    std::filesystem::create_directory(dir.path() / "run");
    const auto path = dir.path() / "run" / "limberd.sock";
    leave_stale_socket(path);
    REQUIRE(std::filesystem::is_socket(path));
    {
        asio::io_context io;
        limber::ipc::Server server(io, path, limber::test::trivial_handler);
        server.start();
        std::thread runner([&] { io.run(); });
        CHECK(limber::Client(path).call(Verb::Status).ok);
        server.stop();
        runner.join();
    }
    CHECK_FALSE(std::filesystem::exists(path));  // removed on the way out

    std::ofstream(path) << "precious";
    asio::io_context io;
    limber::ipc::Server server(io, path, limber::test::trivial_handler);
    CHECK_THROWS_WITH(server.start(), path.string() + " exists and is not a socket; not replacing it");
    CHECK(std::filesystem::file_size(path) == 8);
}

TEST_CASE("a client of another uid is dropped without an answer")
{
    limber::ipc::ServerOptions options;
    options.allowed_uid = ::geteuid() + 1;
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
