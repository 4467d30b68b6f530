// with_env: runs a program with some environment variables set, and returns its exit status:
//   with_env.exe NAME=VALUE... -- PROGRAM [ARGUMENTS...]
// Wine sets APPDATA and LOCALAPPDATA from its own profile whatever the Unix environment says;
// the Windows tests use this to give limberd a user folder whose name is not ASCII, as
// Windows gives one to a user called Zoë.
#include <windows.h>

#include <cwchar>
#include <string>

namespace {

// One word of a command line, quoted when it holds a space (the tests' words hold no quotes).
std::wstring quoted(const wchar_t* word)
{
    const std::wstring w = word;
    return w.find_first_of(L" \t") == std::wstring::npos ? w : L"\"" + w + L"\"";
}

}  // namespace

int wmain(int argc, wchar_t** argv)
{
    int i = 1;
    for (; i < argc && std::wcscmp(argv[i], L"--") != 0; ++i) {
        std::wstring assignment = argv[i];
        const auto eq = assignment.find(L'=');
        if (eq == std::wstring::npos) return 2;
        SetEnvironmentVariableW(assignment.substr(0, eq).c_str(), assignment.substr(eq + 1).c_str());
    }
    if (++i >= argc) return 2;
    std::wstring command = quoted(argv[i]);
    for (int j = i + 1; j < argc; ++j) command += L" " + quoted(argv[j]);
    STARTUPINFOW startup{};
    startup.cb = sizeof startup;
    PROCESS_INFORMATION process{};
    if (!CreateProcessW(nullptr, command.data(), nullptr, nullptr, FALSE, 0, nullptr, nullptr, &startup, &process)) return 3;
    WaitForSingleObject(process.hProcess, INFINITE);
    DWORD status = 1;
    GetExitCodeProcess(process.hProcess, &status);
    CloseHandle(process.hThread);
    CloseHandle(process.hProcess);
    return static_cast<int>(status);
}
