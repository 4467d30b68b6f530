// The Windows half of the server: a named pipe per user. Its instances are created with a
// security descriptor that admits only this user, refuse remote clients, and are served with
// overlapped I/O through Asio; one instance always waits for the next client. The first
// instance is created with FILE_FLAG_FIRST_PIPE_INSTANCE, so a second server on the same name
// is refused, as the lock file refuses it on POSIX. Each client's user is checked against the
// allowed SID through its process's token before it becomes a session.
#include "ipc/hub.hpp"

#include "win32/text.hpp"
#include "win32/user.hpp"

#include <boost/asio/windows/overlapped_ptr.hpp>

#include <windows.h>
#include <sddl.h>  // the security descriptor from its SDDL text

#include <optional>

namespace limber::ipc {

namespace asio = boost::asio;

namespace {

// Pipe buffers: one request line at its limit fits the way in; a reader that does not read
// fills the way out soon, so the session's queue limit is what decides.
constexpr DWORD pipe_buffer = 64 * 1024;

using win32::error_text;

// Who is at the other end of a connected pipe instance: its process and that process's user.
struct Peer {
    ProcessId pid = 0;
    std::optional<std::string> sid;  // nullopt: the process or its token could not be opened
};

Peer peer_of(HANDLE pipe)
{
    Peer peer;
    ULONG pid = 0;
    if (!GetNamedPipeClientProcessId(pipe, &pid)) return peer;
    peer.pid = pid;
    peer.sid = win32::process_user(pid);
    return peer;
}

}  // namespace

UserId current_user()
{
    return win32::current_user().value_or(std::string());
}

void close_stream(Stream& stream, bool keep_unread) noexcept
{
    if (!stream.is_open()) return;
    boost::system::error_code ignored;
    stream.cancel(ignored);
    if (!keep_unread) DisconnectNamedPipe(stream.native_handle());
    stream.close(ignored);
}

struct Listener {
    Listener(asio::io_context& c, std::wstring n, std::string shown) : io(c), name(std::move(n)), name_text(std::move(shown)) {}
    ~Listener()
    {
        if (pending) close_stream(*pending, false);
        if (security) LocalFree(security);
    }
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;

    asio::io_context& io;
    std::wstring name;
    std::string name_text;
    PSECURITY_DESCRIPTOR security = nullptr;  // only this user: full access; no one else: none
    std::shared_ptr<Stream> pending;          // the instance waiting for the next client
};

namespace {

// A new instance of the pipe, not yet connected. `first` claims the name: it fails with
// ERROR_ACCESS_DENIED when any instance of it exists already.
HANDLE create_instance(Listener& l, bool first)
{
    SECURITY_ATTRIBUTES attributes{sizeof attributes, l.security, FALSE};
    const DWORD open_mode = PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED | (first ? FILE_FLAG_FIRST_PIPE_INSTANCE : 0);
    return CreateNamedPipeW(l.name.c_str(), open_mode, PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS,
                            PIPE_UNLIMITED_INSTANCES, pipe_buffer, pipe_buffer, 0, &attributes);
}

void wait_for_client(const std::shared_ptr<Server::Hub>& hub);

// After an error: a little later, a fresh instance and another try, rather than a spin.
void retry_later(const std::shared_ptr<Server::Hub>& hub)
{
    hub->retry.expires_after(std::chrono::milliseconds(200));
    hub->retry.async_wait([hub](const boost::system::error_code& e) {
        if (e || hub->stopped || !hub->listener) return;
        auto& l = *hub->listener;
        const HANDLE next = create_instance(l, false);
        if (next == INVALID_HANDLE_VALUE) {
            logger().error("creating an instance of {} failed: {}", l.name_text, error_text(GetLastError()));
            return retry_later(hub);
        }
        l.pending = std::make_shared<Stream>(l.io, next);
        wait_for_client(hub);
    });
}

void on_connected(const std::shared_ptr<Server::Hub>& hub, const std::shared_ptr<Stream>& pipe, const boost::system::error_code& ec)
{
    if (hub->stopped || !hub->listener) {
        close_stream(*pipe, false);
        return;
    }
    auto& l = *hub->listener;
    if (l.pending == pipe) l.pending.reset();
    if (ec && ec.value() != ERROR_NO_DATA) {
        // Something is wrong with the pipe: wait a little rather than spin, and keep serving.
        logger().error("waiting for a client on {} failed: {}", l.name_text, ec.message());
        close_stream(*pipe, false);
        return retry_later(hub);
    }
    // The next client finds an instance waiting before this one is even looked at.
    const HANDLE next = create_instance(l, false);
    if (next == INVALID_HANDLE_VALUE) {
        logger().error("creating an instance of {} failed: {}", l.name_text, error_text(GetLastError()));
        retry_later(hub);
    } else {
        l.pending = std::make_shared<Stream>(l.io, next);
        wait_for_client(hub);
    }
    if (ec) {  // ERROR_NO_DATA: the client came and went before we looked
        close_stream(*pipe, false);
        return;
    }

    const auto peer = peer_of(pipe->native_handle());
    if (!peer.sid || *peer.sid != hub->options.allowed_user) {
        if (peer.sid)
            logger().warn("refused a connection from {} (pid {}): only {} may control this daemon", *peer.sid, peer.pid,
                          hub->options.allowed_user);
        else
            logger().warn("refused a connection (pid {}) whose user could not be checked", peer.pid);
        close_stream(*pipe, false);
        return;
    }
    admit(hub, std::move(*pipe), peer.pid);
}

// Waits, without blocking the loop, for a client to open the pending instance.
void wait_for_client(const std::shared_ptr<Server::Hub>& hub)
{
    auto pipe = hub->listener->pending;
    asio::windows::overlapped_ptr op(hub->listener->io, [hub, pipe](const boost::system::error_code& ec, std::size_t) {
        on_connected(hub, pipe, ec);
    });
    const BOOL done = ConnectNamedPipe(pipe->native_handle(), op.get());
    const DWORD error = GetLastError();
    if (done || error == ERROR_IO_PENDING) {
        // Asio completes it when the client comes; a connect that succeeds at once still queues
        // its completion on the handle's port, so it is not completed here a second time.
        op.release();
    } else if (error == ERROR_PIPE_CONNECTED) {
        op.complete(boost::system::error_code(), 0);  // a client came between creating and waiting: no packet
    } else {
        op.complete(boost::system::error_code(static_cast<int>(error), asio::error::get_system_category()), 0);
    }
}

}  // namespace

std::shared_ptr<Listener> listen(asio::io_context& io, const std::filesystem::path& path, const std::shared_ptr<Server::Hub>& hub)
{
    const std::string shown = path.string();
    auto listener = std::make_shared<Listener>(io, path.wstring(), shown);

    const UserId me = current_user();
    if (me.empty()) throw ServerError("cannot listen on " + shown + ": cannot tell which user this process runs as");
    // Protected (no inherited entries), one entry: this user, all access. Everyone else, the
    // administrators included, cannot open the pipe.
    const std::wstring sddl = L"D:P(A;;GA;;;" + win32::wide(me) + L")";
    if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl.c_str(), SDDL_REVISION_1, &listener->security, nullptr))
        throw ServerError("cannot listen on " + shown + ": cannot make its security descriptor: " + error_text(GetLastError()));

    const std::string taken = "another limberd is already running on " + shown + " (the pipe exists already)";
    // Any instance of the name, free or busy (ERROR_SEM_TIMEOUT), means someone serves it.
    // FILE_FLAG_FIRST_PIPE_INSTANCE below settles a race on Windows; Wine ignores that flag, so
    // this look comes first.
    if (WaitNamedPipeW(listener->name.c_str(), 1) || GetLastError() == ERROR_SEM_TIMEOUT) throw ServerError(taken);
    const HANDLE first = create_instance(*listener, true);
    if (first == INVALID_HANDLE_VALUE) {
        const DWORD error = GetLastError();
        if (error == ERROR_ACCESS_DENIED) throw ServerError(taken);
        throw ServerError("cannot listen on " + shown + ": " + error_text(error));
    }
    listener->pending = std::make_shared<Stream>(io, first);
    hub->listener = listener;
    hub->stopped = false;
    wait_for_client(hub);
    return listener;
}

void stop_listening(Listener& listener) noexcept
{
    if (listener.pending) close_stream(*listener.pending, false);
    listener.pending.reset();
}

}  // namespace limber::ipc
