#include "ipc/socket_file.hpp"

#include "ipc/hub.hpp"
#include "ipc/server.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace limber::ipc {
namespace {

std::string errno_text() { return std::strerror(errno); }

void prepare_directory(const std::filesystem::path& dir)
{
    std::error_code ec;
    if (dir.has_parent_path()) std::filesystem::create_directories(dir.parent_path(), ec);
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        throw ServerError("cannot create " + dir.string() + ": " + errno_text());
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0) throw ServerError("cannot use " + dir.string() + ": " + errno_text());
    if (!S_ISDIR(st.st_mode)) throw ServerError(dir.string() + " is not a directory");
    if (st.st_uid != ::geteuid())
        throw ServerError(dir.string() + " belongs to uid " + std::to_string(st.st_uid) + ", not to this user; refusing to use it");
    // Others must not reach the socket, whatever the umask made of the directory.
    if ((st.st_mode & 07777) != 0700 && ::chmod(dir.c_str(), 0700) != 0)
        throw ServerError("cannot make " + dir.string() + " private: " + errno_text());
}

// True when something accepts connections on the socket file.
bool answers(const std::filesystem::path& socket)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, socket.c_str(), sizeof addr.sun_path - 1);
    const bool live = ::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return live;
}

}  // namespace

PathLock& PathLock::operator=(PathLock&& other) noexcept
{
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

PathLock::~PathLock()
{
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

PathLock claim_socket_path(const std::filesystem::path& socket)
{
    if (socket.native().size() >= sizeof(sockaddr_un::sun_path))
        throw ServerError("socket path " + socket.string() + " is too long for a Unix socket (at most " +
                          std::to_string(sizeof(sockaddr_un::sun_path) - 1) + " bytes)");
    prepare_directory(socket.parent_path());

    const std::string lock_path = socket.string() + ".lock";
    const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) throw ServerError("cannot open " + lock_path + ": " + errno_text());
    PathLock lock(fd);
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK) throw ServerError("another limberd is already running on " + socket.string() + " (it holds " + lock_path + ")");
        throw ServerError("cannot lock " + lock_path + ": " + errno_text());
    }

    struct stat st {};
    if (::lstat(socket.c_str(), &st) == 0) {
        if (!S_ISSOCK(st.st_mode)) throw ServerError(socket.string() + " exists and is not a socket; not replacing it");
        if (answers(socket)) throw ServerError("another server is already listening on " + socket.string());
        logger().info("removing the stale socket {}", socket.string());
        if (::unlink(socket.c_str()) != 0 && errno != ENOENT)
            throw ServerError("cannot remove the stale socket " + socket.string() + ": " + errno_text());
    }
    return lock;
}

void restrict_socket_file(const std::filesystem::path& socket)
{
    if (::chmod(socket.c_str(), 0600) != 0) throw ServerError("cannot make " + socket.string() + " private: " + errno_text());
}

void remove_socket_file(const std::filesystem::path& socket) noexcept { ::unlink(socket.c_str()); }

}  // namespace limber::ipc
