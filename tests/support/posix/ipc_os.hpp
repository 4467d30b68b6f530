// What the control channel's tests need to know about the OS, POSIX side: a server listens on
// a Unix socket in a fresh directory, the raw client is a socket client, another user is
// another uid. The Windows twin is tests/windows/support/ipc_os.hpp; the build picks one by
// include directory, so the tests themselves are the same on both.
#pragma once

#include "ipc/os.hpp"
#include "support/raw_client.hpp"
#include "support/temp_dir.hpp"

#include <filesystem>
#include <string>

namespace limber::test {

// A place for a test server to listen that nothing else uses: `subdir`/limberd.sock in a fresh
// directory, which the server creates (0700). Nothing listens there until a server starts.
class Endpoint {
public:
    explicit Endpoint(const std::string& subdir = "run") : path_(dir_.path() / subdir / "limberd.sock") {}
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    TempDir dir_;
    std::filesystem::path path_;
};

// What the client says when no daemon listens at `path`.
inline std::string no_daemon_message(const std::filesystem::path& path)
{
    return "limberd is not running (no socket at " + path.string() + ")";
}

// A user who is not the one running the tests.
inline ipc::UserId another_user() { return ipc::current_user() + 1; }

}  // namespace limber::test
