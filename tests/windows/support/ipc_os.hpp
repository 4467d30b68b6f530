// What the control channel's tests need to know about the OS, Windows side (the twin of
// tests/support/posix/ipc_os.hpp): a server listens on a pipe name of its own, the raw client
// is a pipe client, another user is another SID.
#pragma once

#include "ipc/os.hpp"
#include "raw_client.hpp"

#include <windows.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <string>

namespace limber::test {

// A pipe name that nothing else uses: \\.\pipe\limber-test-<pid>-<random>-<n>. Nothing
// listens on it until a server starts. (`subdir` is the POSIX directory's; pipes have none.)
class Endpoint {
public:
    explicit Endpoint(const std::string& /*subdir*/ = "run")
    {
        static std::atomic<unsigned> made{0};
        std::random_device random;
        path_ = L"\\\\.\\pipe\\limber-test-" + std::to_wstring(GetCurrentProcessId()) + L"-" + std::to_wstring(random()) + L"-" +
                std::to_wstring(made++);
    }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// What the client says when no daemon listens at `path`.
inline std::string no_daemon_message(const std::filesystem::path& path)
{
    return "limberd is not running (no pipe at " + path.string() + ")";
}

// A user who is not the one running the tests: an account SID no machine gives out.
inline ipc::UserId another_user() { return "S-1-5-21-1-2-3-1001"; }

}  // namespace limber::test
