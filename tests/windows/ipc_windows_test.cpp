// The control channel on Windows: what only a named pipe has. The user's pipe name, its
// security descriptor, a name another program holds, a pipe served by another user than its
// name says, a server that never answers, a thousand clients held at once, and interrupt(). The tests every transport passes are
// tests/ipc_test.cpp and tests/ipc_server_test.cpp.
#include "client/client.hpp"
#include "ipc_os.hpp"
#include "support/catch.hpp"
#include "support/test_server.hpp"

#include <windows.h>
#include <aclapi.h>
#include <sddl.h>

#include <algorithm>
#include <memory>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
using namespace limber::protocol;
using limber::test::Endpoint;
using limber::test::RawClient;
using limber::test::TestServer;
namespace asio = boost::asio;

namespace {

// A pipe instance made the plain way, as another program would make one: nobody serves it.
struct ForeignPipe {
    explicit ForeignPipe(const std::filesystem::path& name)
        : handle(CreateNamedPipeW(name.wstring().c_str(), PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE | PIPE_WAIT,
                                  PIPE_UNLIMITED_INSTANCES, 4096, 4096, 0, nullptr))
    {
        REQUIRE(handle != INVALID_HANDLE_VALUE);
    }
    ~ForeignPipe() { CloseHandle(handle); }
    ForeignPipe(const ForeignPipe&) = delete;
    ForeignPipe& operator=(const ForeignPipe&) = delete;
    HANDLE handle;
};

}  // namespace

TEST_CASE("the control channel is a pipe named for the user's SID")
{
    const auto name = limber::control_socket(limber::Paths{}).string();
    CHECK(name.starts_with(R"(\\.\pipe\limber-S-1-)"));
    CHECK(name.find('\\', 9) == std::string::npos);  // one name, no deeper path
    CHECK(name.substr(std::string(R"(\\.\pipe\limber-)").size()) == limber::ipc::current_user());
}

TEST_CASE("the pipe admits only the user who runs the server")
{
    TestServer t;
    const HANDLE client = CreateFileW(t.socket().wstring().c_str(), GENERIC_READ | GENERIC_WRITE | READ_CONTROL, 0, nullptr,
                                      OPEN_EXISTING, 0, nullptr);
    REQUIRE(client != INVALID_HANDLE_VALUE);
    PSECURITY_DESCRIPTOR descriptor = nullptr;
    const DWORD got =
        GetSecurityInfo(client, SE_KERNEL_OBJECT, DACL_SECURITY_INFORMATION, nullptr, nullptr, nullptr, nullptr, &descriptor);
    CloseHandle(client);
    REQUIRE(got == ERROR_SUCCESS);
    LPWSTR text = nullptr;
    REQUIRE(ConvertSecurityDescriptorToStringSecurityDescriptorW(descriptor, SDDL_REVISION_1, DACL_SECURITY_INFORMATION, &text, nullptr));
    const std::wstring sddl = text;
    LocalFree(text);
    LocalFree(descriptor);
    const std::string sid = limber::ipc::current_user();
    const std::wstring me(sid.begin(), sid.end());  // a SID is ASCII
    // Protected, and one entry: this user's.
    CHECK(sddl.starts_with(L"D:P"));
    CHECK(sddl.find(me) != std::wstring::npos);
    CHECK(std::count(sddl.begin(), sddl.end(), L'(') == 1);
}

TEST_CASE("a server will not take a pipe name another program holds")
{
    const Endpoint endpoint;
    const ForeignPipe foreign(endpoint.path());
    asio::io_context io;
    limber::ipc::Server server(io, endpoint.path(), limber::test::trivial_handler);
    CHECK_THROWS_AS(server.start(), limber::ipc::ServerError);
    CHECK_THROWS_WITH(server.start(), Catch::Contains("another limberd is already running on " + endpoint.path().string()));
}

TEST_CASE("the client will not talk to a pipe served by another user than its name says")
{
    // Pipes are one namespace for the whole computer: another user could make the pipe named
    // for us before our limberd does. Wine runs every process as one user, so the pipe here is
    // named for a SID that is not ours, which is what such a pipe looks like to the client.
    const std::filesystem::path name(L"\\\\.\\pipe\\limber-S-1-5-21-1111-2222-3333-" + std::to_wstring(GetCurrentProcessId()));
    const ForeignPipe squatter(name);
    try {
        limber::Client client(name, 2s);
        FAIL("the client talked to it");
    } catch (const limber::ClientError& e) {
        const std::string said = e.what();
        CHECK_THAT(said, Catch::Contains("is served by another user (" + limber::ipc::current_user()));
        CHECK_THAT(said, Catch::Contains("not by S-1-5-21-1111-2222-3333-"));
        CHECK_THAT(said, Catch::Contains("not talking to it"));
    }
}

TEST_CASE("the client tells a silent daemon by its timeout")
{
    const Endpoint endpoint;
    const ForeignPipe silent(endpoint.path());  // accepts a connection, never reads or answers
    limber::Client client(endpoint.path(), 200ms);
    const auto started = std::chrono::steady_clock::now();
    CHECK_THROWS_WITH(client.call(Verb::Status), "limberd did not answer \"status\" within 200 ms");
    CHECK(std::chrono::steady_clock::now() - started < 10s);
    CHECK_FALSE(client.next_event(50ms));
}

TEST_CASE("interrupt() wakes a client waiting for events in another thread")
{
    TestServer t;
    limber::Client follower(t.socket());
    REQUIRE(follower.subscribe().ok);
    const auto started = std::chrono::steady_clock::now();
    std::thread waker([&] {
        std::this_thread::sleep_for(100ms);
        follower.interrupt();
    });
    CHECK_THROWS_AS(follower.next_event(20s), limber::ClientError);
    waker.join();
    CHECK(std::chrono::steady_clock::now() - started < 10s);
}

TEST_CASE("a thousand clients are held at once, and every one is answered")
{
    limber::ipc::ServerOptions options;
    options.max_sessions = 1000;
    TestServer t(options);
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < 1000; ++i) clients.push_back(std::make_unique<RawClient>(t.socket()));
    for (auto& c : clients)
        REQUIRE(c->write(R"({"v":1,"id":7,"verb":"status"})"
                         "\n"));
    int answered = 0;
    for (auto& c : clients) {
        const auto line = c->read_line();
        if (line && line->find(R"("ok":true)") != std::string::npos) ++answered;
    }
    CHECK(answered == 1000);
    // Past max_sessions the quietest gives way, as on POSIX: a newcomer is still answered.
    CHECK(limber::Client(t.socket()).call(Verb::Status).ok);
}
