// Two things limberd waits on without polling: the settings file changing, and the calendar
// clock being set. Each OS has its own watchers_<os>.cpp: on Linux inotify and a timerfd that
// is cancelled when CLOCK_REALTIME jumps; on Windows ReadDirectoryChangesW and WM_TIMECHANGE.
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

// Calls back whenever the calendar clock is set (by the user, NTP stepping, a resume that
// corrects it): deadlines on the calendar must then be planned again.
class ClockSetWatch {
public:
    ClockSetWatch(boost::asio::io_context& io, std::function<void()> on_set);
    ~ClockSetWatch();
    ClockSetWatch(const ClockSetWatch&) = delete;
    ClockSetWatch& operator=(const ClockSetWatch&) = delete;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace limber
