#include "win32/user.hpp"

#include "win32/text.hpp"

#include <windows.h>
#include <sddl.h>

#include <cwchar>
#include <utility>

namespace limber::win32 {
namespace {

std::optional<std::string> token_user(HANDLE token)
{
    DWORD size = 0;
    GetTokenInformation(token, TokenUser, nullptr, 0, &size);
    if (size == 0) return std::nullopt;
    std::string buffer(size, '\0');
    if (!GetTokenInformation(token, TokenUser, buffer.data(), size, &size)) return std::nullopt;
    const auto* user = reinterpret_cast<const TOKEN_USER*>(buffer.data());
    LPWSTR text = nullptr;
    if (!ConvertSidToStringSidW(user->User.Sid, &text)) return std::nullopt;
    std::string sid = utf8(std::wstring_view(text, std::wcslen(text)));
    LocalFree(text);
    return sid;
}

}  // namespace

Handle::~Handle()
{
    if (*this) CloseHandle(h_);
}

Handle& Handle::operator=(Handle&& other) noexcept
{
    if (this != &other) {
        if (*this) CloseHandle(h_);
        h_ = other.release();
    }
    return *this;
}

Handle::operator bool() const { return h_ != nullptr && h_ != INVALID_HANDLE_VALUE; }

void* Handle::release() noexcept { return std::exchange(h_, nullptr); }

std::optional<std::string> current_user()
{
    Handle token;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, token.out())) return std::nullopt;
    return token_user(token.get());
}

std::optional<std::string> process_user(unsigned long pid)
{
    Handle process(OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid));
    if (!process) return std::nullopt;
    Handle token;
    if (!OpenProcessToken(process.get(), TOKEN_QUERY, token.out())) return std::nullopt;
    return token_user(token.get());
}

}  // namespace limber::win32
