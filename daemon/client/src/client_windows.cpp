// The control channel's transport on Windows: the user's named pipe, opened for overlapped I/O
// so that every wait has a deadline and interrupt() (an event) can end it from another thread.
// Before a word is sent, the pipe's server must be running as the user the pipe is named for:
// another user who took the name first (pipes are one namespace for the whole computer) would
// otherwise hear everything limberctl and the tray say. Errors and timeouts say what the POSIX
// client says.
#include "client/client.hpp"

#include "win32/text.hpp"
#include "win32/user.hpp"

#include <windows.h>

#include <algorithm>
#include <string_view>

namespace limber {
namespace {

using win32::error_text;

HANDLE handle_of(std::intptr_t h) { return reinterpret_cast<HANDLE>(h); }
std::intptr_t number_of(HANDLE h) { return reinterpret_cast<std::intptr_t>(h); }
bool is_open(std::intptr_t h) { return handle_of(h) != INVALID_HANDLE_VALUE && h != 0; }

// The SID of the user this process runs as, which names the user's pipe.
std::string own_sid()
{
    auto sid = win32::current_user();
    if (!sid) throw ClientError("cannot tell which user this is: " + win32::last_error_text());
    return *sid;
}

// Whose pipe `name` is: \\.\pipe\limber-<SID> is that SID's (control_socket() names them so);
// any other name (a test's) must be served by this process's own user.
std::string owner_of(const std::wstring& name)
{
    const std::wstring_view prefix = L"\\\\.\\pipe\\limber-S-";
    if (name.size() > prefix.size() && std::wstring_view(name).substr(0, prefix.size()) == prefix)
        return win32::utf8(std::wstring_view(name).substr(prefix.size() - 2));
    return own_sid();
}

// Throws unless the process serving `pipe` runs as `owner`.
void check_server(HANDLE pipe, const std::string& owner, const std::string& shown)
{
    ULONG pid = 0;
    if (!GetNamedPipeServerProcessId(pipe, &pid))
        throw ClientError("cannot tell who serves " + shown + ": " + win32::last_error_text());
    const auto user = win32::process_user(pid);
    if (!user)
        throw ClientError("cannot tell who serves " + shown + " (process " + std::to_string(pid) +
                          "): not talking to it; is limberd running as another user, or elevated?");
    if (*user != owner)
        throw ClientError(shown + " is served by another user (" + *user + ", process " + std::to_string(pid) +
                          "), not by " + owner + "'s limberd: not talking to it");
}

DWORD millis_left(std::chrono::steady_clock::time_point deadline)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    return static_cast<DWORD>(std::clamp<std::int64_t>(left.count(), 0, 0x7fffffff));
}

enum class Outcome { done, timed_out, interrupted };

// One overlapped read or write on `pipe`, waited for until the deadline or the wake event.
// `n` is what was transferred; `error` the failure, if any. A transfer that completes while
// being cancelled still counts: no byte read is lost.
Outcome transfer(HANDLE pipe, HANDLE wake, bool write, void* data, DWORD size, std::chrono::steady_clock::time_point deadline,
                 DWORD& n, DWORD& error)
{
    n = 0;
    error = 0;
    OVERLAPPED ov{};
    ov.hEvent = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    if (!ov.hEvent) {
        error = GetLastError();
        return Outcome::done;
    }
    const BOOL started = write ? WriteFile(pipe, data, size, nullptr, &ov) : ReadFile(pipe, data, size, nullptr, &ov);
    Outcome outcome = Outcome::done;
    if (!started && GetLastError() != ERROR_IO_PENDING) {
        error = GetLastError();
    } else {
        HANDLE both[2] = {ov.hEvent, wake};
        const DWORD woke = WaitForMultipleObjects(2, both, FALSE, millis_left(deadline));
        if (woke != WAIT_OBJECT_0) {
            outcome = woke == WAIT_OBJECT_0 + 1 ? Outcome::interrupted : Outcome::timed_out;
            CancelIoEx(pipe, &ov);
        }
        if (!GetOverlappedResult(pipe, &ov, &n, TRUE)) {
            error = GetLastError();
            if (error == ERROR_OPERATION_ABORTED) error = 0;
        } else {
            outcome = Outcome::done;  // it finished before the cancel took
        }
    }
    CloseHandle(ov.hEvent);
    return outcome;
}

bool lost_pipe(DWORD error)
{
    return error == ERROR_BROKEN_PIPE || error == ERROR_PIPE_NOT_CONNECTED || error == ERROR_NO_DATA;
}

}  // namespace

std::filesystem::path control_socket(const Paths&) { return std::filesystem::path(L"\\\\.\\pipe\\limber-") += own_sid(); }

Client::Client(const std::filesystem::path& socket, std::chrono::milliseconds timeout) : socket_(socket), timeout_(timeout)
{
    const std::wstring name = socket.wstring();
    const std::string shown = win32::utf8(name);
    const auto deadline = std::chrono::steady_clock::now() + timeout_;
    HANDLE pipe = INVALID_HANDLE_VALUE;
    for (;;) {
        // SECURITY_IDENTIFICATION: the daemon may learn who we are, not act as us.
        pipe = CreateFileW(name.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING,
                           FILE_FLAG_OVERLAPPED | SECURITY_SQOS_PRESENT | SECURITY_IDENTIFICATION, nullptr);
        if (pipe != INVALID_HANDLE_VALUE) break;
        const DWORD error = GetLastError();
        if (error == ERROR_FILE_NOT_FOUND) throw DaemonNotRunning("limberd is not running (no pipe at " + shown + ")");
        if (error != ERROR_PIPE_BUSY) throw ClientError("cannot connect to limberd at " + shown + ": " + error_text(error));
        // Every instance is taken for the moment: the daemon makes another as each client arrives.
        const DWORD left = millis_left(deadline);
        if (left == 0)
            throw ClientError("cannot connect to limberd at " + shown + ": it was busy for " + std::to_string(timeout_.count()) +
                              " ms");
        if (!WaitNamedPipeW(name.c_str(), std::min<DWORD>(left, 100)) && GetLastError() == ERROR_FILE_NOT_FOUND)
            throw DaemonNotRunning("limberd is not running (no pipe at " + shown + ")");
    }
    handle_ = number_of(pipe);
    try {
        check_server(pipe, owner_of(name), shown);
        HANDLE wake = CreateEventW(nullptr, TRUE, FALSE, nullptr);
        if (!wake) throw ClientError("cannot create an event: " + win32::last_error_text());
        wake_ = number_of(wake);
    } catch (...) {
        close();
        throw;
    }
}

void Client::close() noexcept
{
    if (is_open(handle_)) CloseHandle(handle_of(handle_));
    if (is_open(wake_)) CloseHandle(handle_of(wake_));
    handle_ = -1;
    wake_ = 0;
}

void Client::interrupt() noexcept
{
    if (is_open(wake_)) SetEvent(handle_of(wake_));
}

void Client::send_all(const std::string& data, Deadline deadline)
{
    std::size_t sent = 0;
    while (sent < data.size()) {
        DWORD n = 0;
        DWORD error = 0;
        const auto chunk = static_cast<DWORD>(std::min<std::size_t>(data.size() - sent, 1 << 20));
        // WriteFile does not change the bytes; the cast only meets its signature.
        const auto outcome = transfer(handle_of(handle_), handle_of(wake_), true, const_cast<char*>(data.data() + sent), chunk,
                                      deadline, n, error);
        // After interrupt() the connection counts as closed, as a shut-down socket does on POSIX.
        if (outcome == Outcome::interrupted) throw ClientError("lost the connection to limberd: interrupted");
        if (outcome == Outcome::timed_out) throw ClientError("limberd is not reading its socket");
        if (error) throw ClientError("lost the connection to limberd: " + error_text(error));
        sent += n;
    }
}

std::optional<std::size_t> Client::receive(char* buffer, std::size_t size, Deadline deadline)
{
    DWORD n = 0;
    DWORD error = 0;
    const auto outcome = transfer(handle_of(handle_), handle_of(wake_), false, buffer,
                                  static_cast<DWORD>(std::min<std::size_t>(size, 1 << 20)), deadline, n, error);
    if (outcome == Outcome::interrupted || lost_pipe(error)) throw ClientError("limberd closed the connection");
    if (error) throw ClientError("lost the connection to limberd: " + error_text(error));
    // A read that finished as its wait ran out still counts.
    if (outcome == Outcome::timed_out && n == 0) return std::nullopt;
    return static_cast<std::size_t>(n);
}

}  // namespace limber
