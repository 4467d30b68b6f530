#include "smart_pause/camera.hpp"

#include "activity/log.hpp"

#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace limber {
namespace fs = std::filesystem;

namespace {

bool is_video_name(const std::string& name) { return name.rfind("video", 0) == 0; }

std::string comm_of(const fs::path& pid_dir)
{
    std::ifstream in(pid_dir / "comm");
    std::string name;
    std::getline(in, name);
    return name.empty() ? pid_dir.filename().string() : name;
}

}  // namespace

std::optional<std::string> camera_user(const fs::path& proc, const std::vector<fs::path>& devices, unsigned uid)
{
    if (devices.empty()) return std::nullopt;
    const std::string self = std::to_string(::getpid());
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(proc, ec)) {
        const std::string pid = entry.path().filename().string();
        if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos || pid == self) continue;
        struct stat st {};
        if (::stat(entry.path().c_str(), &st) != 0 || st.st_uid != uid) continue;
        std::error_code fd_ec;
        for (const auto& fd : fs::directory_iterator(entry.path() / "fd", fd_ec)) {
            std::error_code link_ec;
            const fs::path target = fs::read_symlink(fd.path(), link_ec);
            if (link_ec) continue;
            for (const auto& d : devices)
                if (target == d) return comm_of(entry.path());
        }
    }
    return std::nullopt;
}

CameraWatch::CameraWatch(boost::asio::io_context& io, fs::path dir, fs::path proc)
    : io_(io), proc_(std::move(proc)), inotify_(io)
{
    // /proc names a held device by its real path.
    std::error_code ec;
    dir_ = fs::weakly_canonical(dir, ec);
    if (ec) dir_ = std::move(dir);
}

CameraWatch::~CameraWatch() { stop(); }

void CameraWatch::start(HoldCallback on_change)
{
    stop();
    on_change_ = std::move(on_change);
    alive_ = std::make_shared<bool>(true);
    const int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) {
        activity_log()->warn("camera: inotify: {}; the camera is not watched", std::strerror(errno));
        return;
    }
    inotify_.assign(fd);
    dir_watch_ = ::inotify_add_watch(fd, dir_.c_str(), IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_ONLYDIR);
    if (dir_watch_ < 0)
        activity_log()->warn("camera: cannot watch {}: {}; new cameras are not seen", dir_.string(), std::strerror(errno));
    watch_devices();
    check();
    read_events();
}

void CameraWatch::stop()
{
    if (alive_) *alive_ = false;
    alive_.reset();
    boost::system::error_code ignored;
    if (inotify_.is_open()) inotify_.close(ignored);  // closing the descriptor drops its watches
    devices_.clear();
    dir_watch_ = -1;
}

void CameraWatch::watch_devices()
{
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir_, ec)) {
        const std::string name = entry.path().filename().string();
        if (!is_video_name(name)) continue;
        bool known = false;
        for (const auto& [wd, path] : devices_) known = known || path == entry.path();
        if (known) continue;
        const int wd = ::inotify_add_watch(inotify_.native_handle(), entry.path().c_str(),
                                           IN_OPEN | IN_CLOSE_WRITE | IN_CLOSE_NOWRITE);
        if (wd >= 0) devices_[wd] = entry.path();
        else activity_log()->warn("camera: cannot watch {}: {}", entry.path().string(), std::strerror(errno));
    }
}

void CameraWatch::read_events()
{
    inotify_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                        [this, alive = alive_](const boost::system::error_code& ec) {
                            if (ec || !alive || !*alive) return;
                            alignas(inotify_event) std::array<char, 4096> buf{};
                            bool devices_changed = false;
                            for (;;) {
                                const ssize_t n = ::read(inotify_.native_handle(), buf.data(), buf.size());
                                if (n <= 0) break;
                                for (ssize_t off = 0; off < n;) {
                                    const auto* e = reinterpret_cast<const inotify_event*>(buf.data() + off);
                                    if (e->wd == dir_watch_ && e->len > 0 && is_video_name(e->name)) devices_changed = true;
                                    if (e->mask & IN_IGNORED) devices_.erase(e->wd);  // the device went away
                                    off += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
                                }
                            }
                            if (devices_changed) watch_devices();
                            check();
                            read_events();
                        });
}

void CameraWatch::check()
{
    std::vector<fs::path> devices;
    for (const auto& [wd, path] : devices_) devices.push_back(path);
    auto user = camera_user(proc_, devices, ::getuid());
    if (reported_ && user == user_) return;
    reported_ = true;
    user_ = user;
    if (user_) on_change_(HoldReason{HoldKind::Camera, *user_});
    else on_change_(std::nullopt);
}

}  // namespace limber
