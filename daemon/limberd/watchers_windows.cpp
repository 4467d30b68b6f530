// The watchers on Windows: ReadDirectoryChangesW on the settings file's directory, completed
// through an event that Asio waits on; and WM_TIMECHANGE and WM_ENDSESSION, which Windows sends
// to every top-level window when the clock is set and when the session ends, received by a
// hidden SessionWindow of the activity part's (one of its own: the windows_session source, when
// limberd runs one, has another).
#include "watchers.hpp"

#include "activity/windows_session.hpp"
#include "logging.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/windows/object_handle.hpp>

#include <windows.h>

#include <cwctype>
#include <stdexcept>
#include <system_error>

namespace limber {
namespace {

std::string last_error_text()
{
    return std::system_category().message(static_cast<int>(GetLastError()));
}

bool same_name(std::wstring_view a, std::wstring_view b)
{
    // NTFS names compare without case.
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::towlower(a[i]) != std::towlower(b[i])) return false;
    return true;
}

}  // namespace

struct FileWatch::Impl {
    Impl(boost::asio::io_context& io, std::filesystem::path file, std::function<void()> on_change)
        : file_(std::move(file)), on_change_(std::move(on_change)), event_(io), settle_(io)
    {
        const auto dir = file_.parent_path();
        dir_ = CreateFileW(dir.c_str(), FILE_LIST_DIRECTORY, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                           OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OVERLAPPED, nullptr);
        if (dir_ == INVALID_HANDLE_VALUE) {
            const std::string why = last_error_text();
            throw std::runtime_error("cannot watch " + dir.string() + ": " + why);
        }
        HANDLE e = CreateEventW(nullptr, TRUE, FALSE, nullptr);
        if (!e) {
            const std::string why = last_error_text();
            CloseHandle(dir_);
            throw std::runtime_error("cannot watch " + dir.string() + ": " + why);
        }
        event_.assign(e);
        wait();
    }

    ~Impl()
    {
        // A completion may already be queued, with success: CancelIoEx below signals the event
        // too, and a settle timer may have expired. Those handlers run after this is gone, and
        // must find it gone.
        *alive_ = false;
        boost::system::error_code ec;
        settle_.cancel();
        CancelIoEx(dir_, &overlapped_);
        DWORD ignored = 0;
        GetOverlappedResult(dir_, &overlapped_, &ignored, TRUE);  // the buffer is ours until the cancel lands
        event_.close(ec);
        CloseHandle(dir_);
    }

    void wait()
    {
        overlapped_ = OVERLAPPED{};
        overlapped_.hEvent = event_.native_handle();
        ResetEvent(overlapped_.hEvent);
        constexpr DWORD what = FILE_NOTIFY_CHANGE_FILE_NAME | FILE_NOTIFY_CHANGE_LAST_WRITE | FILE_NOTIFY_CHANGE_SIZE;
        if (!ReadDirectoryChangesW(dir_, buffer_, sizeof buffer_, FALSE, what, nullptr, &overlapped_, nullptr)) {
            const std::string why = last_error_text();
            logger("limberd").warn("cannot watch {} for changes: {}", file_.parent_path().string(), why);
            return;
        }
        event_.async_wait([this, alive = alive_](const boost::system::error_code& ec) {
            if (ec || !*alive) return;
            DWORD n = 0;
            bool ours = false;
            if (!GetOverlappedResult(dir_, &overlapped_, &n, FALSE)) {
                // ERROR_NOTIFY_ENUM_DIR and the like (a redirected folder): the change is not
                // known, so the file is read again, and the watch goes on.
                const std::string why = last_error_text();
                logger("limberd").info("watching {}: {}; reading the settings again", file_.parent_path().string(), why);
                n = 0;
            }
            // n == 0: more changes than the buffer held, or the error above; the file may be among them.
            ours = n == 0;
            for (DWORD at = 0; n > 0;) {
                const auto* info = reinterpret_cast<const FILE_NOTIFY_INFORMATION*>(buffer_ + at);
                const std::wstring_view name(info->FileName, info->FileNameLength / sizeof(WCHAR));
                if (same_name(name, file_.filename().wstring())) ours = true;
                if (info->NextEntryOffset == 0) break;
                at += info->NextEntryOffset;
            }
            if (ours) {
                settle_.expires_after(std::chrono::milliseconds{200});
                settle_.async_wait([this, alive = alive_](const boost::system::error_code& e) {
                    if (!e && *alive) on_change_();
                });
            }
            wait();
        });
    }

    std::filesystem::path file_;
    std::function<void()> on_change_;
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // on the io thread only
    HANDLE dir_ = INVALID_HANDLE_VALUE;
    boost::asio::windows::object_handle event_;
    boost::asio::steady_timer settle_;
    OVERLAPPED overlapped_{};
    alignas(DWORD) char buffer_[8192];
};

FileWatch::FileWatch(boost::asio::io_context& io, std::filesystem::path file, std::function<void()> on_change)
    : impl_(std::make_unique<Impl>(io, std::move(file), std::move(on_change)))
{
}

FileWatch::~FileWatch() = default;

struct SystemWatch::Impl {
    // A SessionWindow (the activity part's, tested there) hears WM_TIMECHANGE and WM_ENDSESSION,
    // a top-level window being the only kind Windows sends them to, and posts them to the loop;
    // it answers WM_ENDSESSION only once session_ending has returned (limberd has saved).
    Impl(boost::asio::io_context& io, Handlers handlers)
        : handlers_(std::move(handlers)), window_(SessionWindow::open(io, [this](SessionEvent e) {
              // A copy is called: limberd's stop() ends this watch, and with it handlers_.
              std::function<void()> handler;
              if (e == SessionEvent::TimeChanged) handler = handlers_.clock_set;
              if (e == SessionEvent::SessionEnding) handler = handlers_.session_ending;
              if (handler) handler();
          }))
    {
        if (window_ && !window_->top_level())
            logger("limberd").warn("cannot watch for clock changes or the session's end: no top-level window could be made");
    }

    Handlers handlers_;
    std::unique_ptr<SessionWindow> window_;
};

SystemWatch::SystemWatch(boost::asio::io_context& io, Handlers handlers) : impl_(std::make_unique<Impl>(io, std::move(handlers)))
{
}

SystemWatch::~SystemWatch() = default;

}  // namespace limber
