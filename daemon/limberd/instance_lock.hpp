// One limberd per user: an exclusive lock on a file in the runtime directory (flock on Linux,
// a handle that shares no writing on Windows), released when the process ends, however it ends.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>

namespace limber {

class AlreadyRunning : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class InstanceLock {
public:
    // Throws AlreadyRunning naming the other process, or std::runtime_error when the lock file
    // cannot be made. The lock is released when the process ends, however it ends.
    explicit InstanceLock(const std::filesystem::path& file);
    ~InstanceLock();
    InstanceLock(const InstanceLock&) = delete;
    InstanceLock& operator=(const InstanceLock&) = delete;

private:
    std::intptr_t handle_ = -1;  // a descriptor on Linux, a HANDLE on Windows
};

}  // namespace limber
