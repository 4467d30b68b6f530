// The control channel's client on Windows: the user's named pipe, opened for overlapped I/O so
// that every wait has a deadline and interrupt() (an event) can end it from another thread.
// Errors and timeouts say what the POSIX client says.
#include "client/client.hpp"

#include <windows.h>
#include <sddl.h>

#include <algorithm>
#include <system_error>
#include <utility>

namespace limber {
namespace {

// Replies can be large (an export), but a line without end is a broken daemon.
constexpr std::size_t max_reply_line = 64 * 1024 * 1024;

std::string system_text(DWORD error) { return std::system_category().message(static_cast<int>(error)); }

HANDLE handle_of(std::intptr_t h) { return reinterpret_cast<HANDLE>(h); }
std::intptr_t number_of(HANDLE h) { return reinterpret_cast<std::intptr_t>(h); }
bool is_open(std::intptr_t h) { return handle_of(h) != INVALID_HANDLE_VALUE && h != 0; }

std::string utf8(const wchar_t* wide)
{
    const int n = WideCharToMultiByte(CP_UTF8, 0, wide, -1, nullptr, 0, nullptr, nullptr);
    if (n <= 1) return {};
    std::string out(static_cast<std::size_t>(n), '\0');
    WideCharToMultiByte(CP_UTF8, 0, wide, -1, out.data(), n, nullptr, nullptr);
    out.resize(static_cast<std::size_t>(n - 1));
    return out;
}

// The SID of the user this process runs as, which names the user's pipe.
std::string own_sid()
{
    HANDLE token = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        throw ClientError("cannot tell which user this is: " + system_text(GetLastError()));
    DWORD size = 0;
    GetTokenInformation(token, TokenUser, nullptr, 0, &size);
    std::string buffer(std::max<DWORD>(size, 1), '\0');
    const bool ok = GetTokenInformation(token, TokenUser, buffer.data(), size, &size);
    CloseHandle(token);
    LPWSTR text = nullptr;
    if (!ok || !ConvertSidToStringSidW(reinterpret_cast<const TOKEN_USER*>(buffer.data())->User.Sid, &text))
        throw ClientError("cannot tell which user this is: " + system_text(GetLastError()));
    std::string sid = utf8(text);
    LocalFree(text);
    return sid;
}

protocol::ServerMessage parse(const std::string& line)
{
    try {
        return protocol::parse_server_message(line);
    } catch (const std::runtime_error& e) {
        throw ClientError(e.what());
    }
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
    const auto deadline = std::chrono::steady_clock::now() + timeout_;
    HANDLE pipe = INVALID_HANDLE_VALUE;
    for (;;) {
        // SECURITY_IDENTIFICATION: the daemon may learn who we are, not act as us.
        pipe = CreateFileW(name.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING,
                           FILE_FLAG_OVERLAPPED | SECURITY_SQOS_PRESENT | SECURITY_IDENTIFICATION, nullptr);
        if (pipe != INVALID_HANDLE_VALUE) break;
        const DWORD error = GetLastError();
        if (error == ERROR_FILE_NOT_FOUND) throw DaemonNotRunning("limberd is not running (no pipe at " + socket.string() + ")");
        if (error != ERROR_PIPE_BUSY) throw ClientError("cannot connect to limberd at " + socket.string() + ": " + system_text(error));
        // Every instance is taken for the moment: the daemon makes another as each client arrives.
        const DWORD left = millis_left(deadline);
        if (left == 0)
            throw ClientError("cannot connect to limberd at " + socket.string() + ": it was busy for " +
                              std::to_string(timeout_.count()) + " ms");
        if (!WaitNamedPipeW(name.c_str(), std::min<DWORD>(left, 100)) && GetLastError() == ERROR_FILE_NOT_FOUND)
            throw DaemonNotRunning("limberd is not running (no pipe at " + socket.string() + ")");
    }
    handle_ = number_of(pipe);
    HANDLE wake = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    if (!wake) {
        const DWORD error = GetLastError();
        CloseHandle(pipe);
        handle_ = -1;
        throw ClientError("cannot create an event: " + system_text(error));
    }
    wake_ = number_of(wake);
}

Client::~Client()
{
    if (is_open(handle_)) CloseHandle(handle_of(handle_));
    if (is_open(wake_)) CloseHandle(handle_of(wake_));
}

Client::Client(Client&& other) noexcept
    : handle_(std::exchange(other.handle_, -1)), wake_(std::exchange(other.wake_, 0)), socket_(std::move(other.socket_)),
      timeout_(other.timeout_), in_(std::move(other.in_)), events_(std::move(other.events_)), next_id_(other.next_id_)
{
}

Client& Client::operator=(Client&& other) noexcept
{
    if (this != &other) {
        if (is_open(handle_)) CloseHandle(handle_of(handle_));
        if (is_open(wake_)) CloseHandle(handle_of(wake_));
        handle_ = std::exchange(other.handle_, -1);
        wake_ = std::exchange(other.wake_, 0);
        socket_ = std::move(other.socket_);
        timeout_ = other.timeout_;
        in_ = std::move(other.in_);
        events_ = std::move(other.events_);
        next_id_ = other.next_id_;
    }
    return *this;
}

protocol::Reply Client::call(protocol::Verb verb, protocol::Args args)
{
    if (!is_open(handle_)) throw ClientError("not connected to limberd");
    const auto id = next_id_++;
    const auto deadline = std::chrono::steady_clock::now() + timeout_;
    send_all(protocol::to_line(protocol::Request{id, verb, std::move(args)}), deadline);
    for (;;) {
        const auto line = read_line(deadline);
        if (!line)
            throw ClientError(std::string("limberd did not answer \"") + protocol::to_string(verb) + "\" within " +
                              std::to_string(timeout_.count()) + " ms");
        auto message = parse(*line);
        if (auto* event = std::get_if<protocol::PushedEvent>(&message)) {
            events_.push_back(std::move(*event));
            continue;
        }
        auto& reply = std::get<protocol::Reply>(message);
        // A reply without an id answers a line the daemon could not read: ours, as we wait for one.
        if (!reply.id || *reply.id == id) return std::move(reply);
    }
}

void Client::interrupt() noexcept
{
    if (is_open(wake_)) SetEvent(handle_of(wake_));
}

std::optional<protocol::PushedEvent> Client::next_event(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (events_.empty()) {
        const auto line = read_line(deadline);
        if (!line) return std::nullopt;
        auto message = parse(*line);
        if (auto* event = std::get_if<protocol::PushedEvent>(&message)) events_.push_back(std::move(*event));
    }
    auto event = std::move(events_.front());
    events_.pop_front();
    return event;
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
        if (error) throw ClientError("lost the connection to limberd: " + system_text(error));
        sent += n;
    }
}

std::optional<std::string> Client::read_line(Deadline deadline)
{
    for (;;) {
        if (const auto nl = in_.find('\n'); nl != std::string::npos) {
            std::string line = in_.substr(0, nl);
            in_.erase(0, nl + 1);
            return line;
        }
        if (in_.size() > max_reply_line) throw ClientError("limberd sent a line over 64 MiB");
        char buf[16384];
        DWORD n = 0;
        DWORD error = 0;
        const auto outcome = transfer(handle_of(handle_), handle_of(wake_), false, buf, sizeof buf, deadline, n, error);
        if (outcome == Outcome::interrupted || lost_pipe(error)) throw ClientError("limberd closed the connection");
        if (error) throw ClientError("lost the connection to limberd: " + system_text(error));
        in_.append(buf, n);
        if (outcome == Outcome::timed_out && n == 0) return std::nullopt;
    }
}

}  // namespace limber
