// What limberd waits on without polling: the settings file changing, the calendar clock being
// set, and (Windows) the session ending. Each OS has its own watchers_<os>.cpp: on Linux inotify
// and a timerfd that is cancelled when CLOCK_REALTIME jumps; on Windows ReadDirectoryChangesW,
// and WM_TIMECHANGE and WM_ENDSESSION to a hidden window.
#pragma once

#include <boost/asio/io_context.hpp>

#include <filesystem>
#include <functional>
#include <memory>

namespace limber {

// Calls back once per burst of changes to `file` (editors write, rename and touch a file in
// quick succession). Watches the directory, so a file replaced by rename is still seen.
class FileWatch {
public:
    FileWatch(boost::asio::io_context& io, std::filesystem::path file, std::function<void()> on_change);
    ~FileWatch();
    FileWatch(const FileWatch&) = delete;
    FileWatch& operator=(const FileWatch&) = delete;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

// What the system tells limberd about the session as a whole: the calendar clock was set (by
// the user, NTP stepping, a resume that corrects it), so deadlines on the calendar must be
// planned again; and, on Windows, the user is logging off or the computer shutting down, so
// limberd must save and stop before it answers (Windows may end it any moment after). On Linux
// the session's end comes as SIGTERM, which the daemon handles itself: `session_ending` is
// never called there.
class SystemWatch {
public:
    struct Handlers {
        std::function<void()> clock_set;
        std::function<void()> session_ending;
    };
    SystemWatch(boost::asio::io_context& io, Handlers handlers);
    ~SystemWatch();
    SystemWatch(const SystemWatch&) = delete;
    SystemWatch& operator=(const SystemWatch&) = delete;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace limber
