// The control channel on POSIX: the socket file, its directory and its permissions, stale
// sockets left by a crash, foreign listeners, and the client telling a dead socket from a
// silent daemon. The tests every transport passes are ipc_test.cpp and ipc_server_test.cpp.
#include "client/client.hpp"
#include "ipc_os.hpp"
#include "support/catch.hpp"
#include "support/test_server.hpp"

#include <boost/asio/local/stream_protocol.hpp>

#include <sys/stat.h>

#include <fstream>
#include <thread>

using namespace std::chrono_literals;
using namespace limber::protocol;
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

TEST_CASE("the client tells a stale socket from a silent daemon")
{
    limber::test::TempDir dir;
    const auto socket = dir.path() / "limberd.sock";
    boost::asio::io_context io;
    {
        boost::asio::local::stream_protocol::acceptor gone(io, boost::asio::local::stream_protocol::endpoint(socket.string()));
    }
    CHECK_THROWS_WITH(limber::Client(socket), "limberd is not running (nothing listens on " + socket.string() + ")");

    // Listening but never answering: the connection is made, the reply never comes.
    std::filesystem::remove(socket);
    boost::asio::local::stream_protocol::acceptor silent(io, boost::asio::local::stream_protocol::endpoint(socket.string()));
    limber::Client client(socket, 200ms);
    const auto started = std::chrono::steady_clock::now();
    CHECK_THROWS_WITH(client.call(Verb::Status), "limberd did not answer \"status\" within 200 ms");
    CHECK(std::chrono::steady_clock::now() - started < 10s);
    CHECK_FALSE(client.next_event(50ms));
}
