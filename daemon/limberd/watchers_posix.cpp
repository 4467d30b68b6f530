// The watchers on Linux: inotify on the settings file's directory, and a timerfd on
// CLOCK_REALTIME that the kernel cancels when the clock is set.
#include "watchers.hpp"

#include "logging.hpp"

#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <sys/inotify.h>
#include <sys/timerfd.h>
#include <unistd.h>

namespace limber {

namespace {
int checked(int fd, const char* what)
{
    if (fd < 0) throw std::runtime_error(std::string(what) + ": " + std::strerror(errno));
    return fd;
}
}  // namespace

struct FileWatch::Impl {
    Impl(boost::asio::io_context& io, std::filesystem::path file, std::function<void()> on_change)
        : file_(std::move(file)), on_change_(std::move(on_change)),
          fd_(io, checked(inotify_init1(IN_NONBLOCK | IN_CLOEXEC), "inotify")), settle_(io)
    {
        const auto dir = file_.parent_path();
        if (inotify_add_watch(fd_.native_handle(), dir.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM) < 0)
            throw std::runtime_error("cannot watch " + dir.string() + ": " + std::strerror(errno));
        wait();
    }

    ~Impl()
    {
        boost::system::error_code ec;
        settle_.cancel();
        fd_.close(ec);
    }

    void wait()
    {
        fd_.async_read_some(boost::asio::buffer(buffer_), [this](const boost::system::error_code& ec, std::size_t n) {
            if (ec) return;
            bool ours = false;
            for (std::size_t at = 0; at + sizeof(inotify_event) <= n;) {
                const auto* e = reinterpret_cast<const inotify_event*>(buffer_ + at);
                if (e->len > 0 && file_.filename() == e->name) ours = true;
                at += sizeof(inotify_event) + e->len;
            }
            if (ours) {
                settle_.expires_after(std::chrono::milliseconds{200});
                settle_.async_wait([this](const boost::system::error_code& e) {
                    if (!e) on_change_();
                });
            }
            wait();
        });
    }

    std::filesystem::path file_;
    std::function<void()> on_change_;
    boost::asio::posix::stream_descriptor fd_;
    boost::asio::steady_timer settle_;
    alignas(8) char buffer_[4096];
};

FileWatch::FileWatch(boost::asio::io_context& io, std::filesystem::path file, std::function<void()> on_change)
    : impl_(std::make_unique<Impl>(io, std::move(file), std::move(on_change)))
{
}

FileWatch::~FileWatch() = default;

struct SystemWatch::Impl {
    Impl(boost::asio::io_context& io, std::function<void()> on_set)
        : on_set_(std::move(on_set)), fd_(io, checked(timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC), "timerfd"))
    {
        arm();
    }

    ~Impl()
    {
        boost::system::error_code ec;
        fd_.close(ec);
    }

    void arm()
    {
        // An absolute deadline far in the future that never fires; setting the clock cancels it.
        itimerspec spec{};
        spec.it_value.tv_sec = 0x7fffffff;
        if (timerfd_settime(fd_.native_handle(), TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, nullptr) != 0) {
            logger("limberd").warn("cannot watch for clock changes: {}", std::strerror(errno));
            return;
        }
        fd_.async_wait(boost::asio::posix::stream_descriptor::wait_read, [this](const boost::system::error_code& ec) {
            if (ec) return;
            // The read fails with ECANCELED when the clock was set; either way, re-arm.
            [[maybe_unused]] const ssize_t n = ::read(fd_.native_handle(), &expirations_, sizeof expirations_);
            on_set_();
            arm();
        });
    }

    std::function<void()> on_set_;
    boost::asio::posix::stream_descriptor fd_;
    std::uint64_t expirations_ = 0;
};

// The session's end is SIGTERM here (see watchers.hpp): only the clock is watched.
SystemWatch::SystemWatch(boost::asio::io_context& io, Handlers handlers)
    : impl_(std::make_unique<Impl>(io, std::move(handlers.clock_set)))
{
}

SystemWatch::~SystemWatch() = default;

}  // namespace limber
