// Which Windows user a process or a pipe's other end runs as, by SID in its string form
// ("S-1-5-21-…"): the pipe's name, the server's check of each client and the client's check of
// the server are made of these. Built only on Windows.
#pragma once

#include <optional>
#include <string>

namespace limber::win32 {

// The user this process runs as; nullopt when its token cannot be read.
std::optional<std::string> current_user();

// The user process `pid` runs as; nullopt when that process or its token cannot be opened
// (another user's, or an elevated one, to a process without the right to look).
std::optional<std::string> process_user(unsigned long pid);

// A unique HANDLE, closed at scope's end (null and INVALID_HANDLE_VALUE are "none").
class Handle {
public:
    Handle() = default;
    explicit Handle(void* h) : h_(h) {}
    ~Handle();
    Handle(Handle&& other) noexcept : h_(other.release()) {}
    Handle& operator=(Handle&& other) noexcept;
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;

    [[nodiscard]] void* get() const { return h_; }
    [[nodiscard]] void** out() { return &h_; }  // for the APIs that hand a handle back
    [[nodiscard]] explicit operator bool() const;
    void* release() noexcept;

private:
    void* h_ = nullptr;
};

}  // namespace limber::win32
