// A bare named-pipe client for tests, the Windows twin of tests/support/raw_client.hpp: writes
// any bytes, reads lines with a deadline, and notices when the server hangs up. For sending
// what a real client never would.
#pragma once

#include <windows.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>

namespace limber::test {

class RawClient {
public:
    explicit RawClient(const std::filesystem::path& pipe)
    {
        // The server makes a new instance as each client arrives; under a crowd, wait for one.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{10};
        for (;;) {
            handle_ = CreateFileW(pipe.wstring().c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING,
                                  FILE_FLAG_OVERLAPPED, nullptr);
            if (handle_ != INVALID_HANDLE_VALUE) break;
            const DWORD error = GetLastError();
            if (error != ERROR_PIPE_BUSY || std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("cannot connect to " + pipe.string() + ": " +
                                         std::system_category().message(static_cast<int>(error)));
            WaitNamedPipeW(pipe.wstring().c_str(), 100);
        }
        event_ = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    }
    ~RawClient()
    {
        CloseHandle(handle_);
        CloseHandle(event_);
    }
    RawClient(const RawClient&) = delete;
    RawClient& operator=(const RawClient&) = delete;

    // Writes everything, or returns false if the server has hung up (or does not read for 10 s).
    bool write(const std::string& data)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{10};
        for (std::size_t sent = 0; sent < data.size();) {
            DWORD n = 0;
            if (!transfer(true, const_cast<char*>(data.data() + sent), static_cast<DWORD>(data.size() - sent), deadline, n)) return false;
            sent += n;
        }
        return true;
    }

    // The next line without its newline; nullopt on timeout or when the server hung up.
    std::optional<std::string> read_line(std::chrono::milliseconds timeout = std::chrono::seconds{10})
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            if (const auto nl = in_.find('\n'); nl != std::string::npos) {
                auto line = in_.substr(0, nl);
                in_.erase(0, nl + 1);
                return line;
            }
            if (!fill(deadline)) return std::nullopt;
        }
    }

    // True once the server has closed the connection (reading and discarding what it sent
    // before); false if it is still open at the deadline.
    bool closed_within(std::chrono::milliseconds timeout)
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (fill(deadline)) in_.clear();
        return hung_up_;
    }

private:
    // Reads what is there; false on timeout or hang-up.
    bool fill(std::chrono::steady_clock::time_point deadline)
    {
        if (hung_up_) return false;
        char buf[65536];
        DWORD n = 0;
        if (!transfer(false, buf, sizeof buf, deadline, n)) return false;
        in_.append(buf, n);
        return true;
    }

    // One overlapped read or write, waited for until the deadline. False on timeout or failure
    // (a failure is a hang-up).
    bool transfer(bool write, char* data, DWORD size, std::chrono::steady_clock::time_point deadline, DWORD& n)
    {
        OVERLAPPED ov{};
        ResetEvent(event_);
        ov.hEvent = event_;
        const BOOL started = write ? WriteFile(handle_, data, size, nullptr, &ov) : ReadFile(handle_, data, size, nullptr, &ov);
        if (!started && GetLastError() != ERROR_IO_PENDING) {
            hung_up_ = true;
            return false;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (WaitForSingleObject(event_, static_cast<DWORD>(std::max<std::int64_t>(0, left.count()))) != WAIT_OBJECT_0)
            CancelIoEx(handle_, &ov);
        if (GetOverlappedResult(handle_, &ov, &n, TRUE)) return true;
        if (GetLastError() != ERROR_OPERATION_ABORTED) hung_up_ = true;
        return false;
    }

    HANDLE handle_ = INVALID_HANDLE_VALUE;
    HANDLE event_ = nullptr;
    std::string in_;
    bool hung_up_ = false;
};

}  // namespace limber::test
