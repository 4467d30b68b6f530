#include "client/runtime.hpp"

#include "win32/text.hpp"

#include <windows.h>
#include <shellapi.h>  // CommandLineToArgvW

#include <string>

namespace limber {
namespace {

using win32::utf8;
using win32::wide;

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

ProgramArguments::ProgramArguments(int argc, char** argv)
{
    int n = 0;
    LPWSTR* wide_words = CommandLineToArgvW(GetCommandLineW(), &n);
    if (wide_words) {
        for (int i = 0; i < n; ++i) words_.push_back(utf8(wide_words[i]));
        LocalFree(wide_words);
    } else {
        words_.assign(argv, argv + argc);  // no better source: the ANSI words
    }
    for (auto& w : words_) pointers_.push_back(w.data());
    pointers_.push_back(nullptr);
}

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
