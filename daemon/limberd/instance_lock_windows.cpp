// One limberd per user on Windows: the lock file opened for writing with no one else allowed
// to write it. A second limberd's open fails with a sharing violation; reading stays shared, so
// it can still read who holds the lock. Windows closes the handle when the process ends,
// however it ends, as Linux drops a flock.
#include "instance_lock.hpp"

#include <windows.h>

#include <string>

namespace limber {

InstanceLock::InstanceLock(const std::filesystem::path& file)
{
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    HANDLE h = CreateFileW(file.c_str(), GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ, nullptr, OPEN_ALWAYS,
                           FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) {
        const DWORD err = GetLastError();
        if (err != ERROR_SHARING_VIOLATION)
            throw std::runtime_error("cannot open " + file.string() + ": " + std::system_category().message(static_cast<int>(err)));
        std::string who;
        HANDLE reader = CreateFileW(file.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr, OPEN_EXISTING,
                                    FILE_ATTRIBUTE_NORMAL, nullptr);
        if (reader != INVALID_HANDLE_VALUE) {
            char pid[32] = {};
            DWORD n = 0;
            if (ReadFile(reader, pid, sizeof pid - 1, &n, nullptr)) who.assign(pid, n);
            CloseHandle(reader);
        }
        while (!who.empty() && (who.back() == '\n' || who.back() == '\r' || who.back() == ' ')) who.pop_back();
        throw AlreadyRunning("limberd is already running for this user" + (who.empty() ? "" : " (pid " + who + ")"));
    }
    const std::string me = std::to_string(GetCurrentProcessId()) + "\n";
    DWORD written = 0;
    SetEndOfFile(h);
    WriteFile(h, me.data(), static_cast<DWORD>(me.size()), &written, nullptr);
    handle_ = reinterpret_cast<std::intptr_t>(h);
}

InstanceLock::~InstanceLock()
{
    if (handle_ != -1) CloseHandle(reinterpret_cast<HANDLE>(handle_));
}

}  // namespace limber
