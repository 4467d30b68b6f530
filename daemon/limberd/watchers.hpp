// Two things limberd waits on without polling: the settings file changing (inotify), and the
// calendar clock being set (a timerfd that is cancelled when CLOCK_REALTIME jumps).
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <filesystem>
#include <functional>

namespace limber {

// Calls back once per burst of changes to `file` (editors write, rename and touch a file in
// quick succession). Watches the directory, so a file replaced by rename is still seen.
class FileWatch {
public:
    FileWatch(boost::asio::io_context& io, std::filesystem::path file, std::function<void()> on_change);
    ~FileWatch();

private:
    void wait();
    std::filesystem::path file_;
    std::function<void()> on_change_;
    boost::asio::posix::stream_descriptor fd_;
    boost::asio::steady_timer settle_;
    alignas(8) char buffer_[4096];
};

// Calls back whenever the calendar clock is set (by the user, NTP stepping, a resume that
// corrects it): deadlines on the calendar must then be planned again.
class ClockSetWatch {
public:
    ClockSetWatch(boost::asio::io_context& io, std::function<void()> on_set);
    ~ClockSetWatch();

private:
    void arm();
    std::function<void()> on_set_;
    boost::asio::posix::stream_descriptor fd_;
    std::uint64_t expirations_ = 0;
};

}  // namespace limber
