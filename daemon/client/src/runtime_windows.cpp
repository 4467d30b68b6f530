#include "client/runtime.hpp"

#include <windows.h>

#include <string>

namespace limber {
namespace {

std::string utf8(const std::wstring& wide)
{
    if (wide.empty()) return {};
    const int n = WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), nullptr, 0, nullptr, nullptr);
    std::string out(static_cast<std::size_t>(n), '\0');
    WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), out.data(), n, nullptr, nullptr);
    return out;
}

std::wstring wide(const std::string& text)
{
    if (text.empty()) return {};
    const int n = MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), nullptr, 0);
    std::wstring out(static_cast<std::size_t>(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), out.data(), n);
    return out;
}

std::filesystem::path own_executable()
{
    std::wstring exe(MAX_PATH, L'\0');
    for (;;) {
        const DWORD n = GetModuleFileNameW(nullptr, exe.data(), static_cast<DWORD>(exe.size()));
        if (n == 0) return std::filesystem::current_path() / "limber";
        if (n < exe.size()) {
            exe.resize(n);
            return exe;
        }
        exe.resize(exe.size() * 2);
    }
}

}  // namespace

Paths runtime_paths()
{
    return resolve_windows_paths(
        [](const std::string& name) -> std::optional<std::string> {
            const std::wstring key = wide(name);
            const DWORD n = GetEnvironmentVariableW(key.c_str(), nullptr, 0);
            if (n == 0) return std::nullopt;
            std::wstring value(n, L'\0');
            value.resize(GetEnvironmentVariableW(key.c_str(), value.data(), n));
            return utf8(value);
        },
        own_executable());
}

}  // namespace limber
