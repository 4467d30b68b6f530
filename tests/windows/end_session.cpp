// end_session: does to limberd's windows what Windows does to every top-level window when the
// user logs off: asks (WM_QUERYENDSESSION), then tells (WM_ENDSESSION), and waits for each to
// answer. Wine cannot log off; the Windows tests use this to see limberd save and stop.
// Exit 0 when at least one window was told and none refused; it prints how many.
#include <windows.h>

#include <cstdio>
#include <string_view>
#include <vector>

namespace {

BOOL CALLBACK collect(HWND hwnd, LPARAM found)
{
    wchar_t name[64] = {};
    if (GetClassNameW(hwnd, name, 64) > 0 && std::wstring_view(name) == L"LimberSessionWindow")
        reinterpret_cast<std::vector<HWND>*>(found)->push_back(hwnd);
    return TRUE;
}

}  // namespace

int main()
{
    std::vector<HWND> windows;
    EnumWindows(&collect, reinterpret_cast<LPARAM>(&windows));
    int refused = 0;
    for (const HWND hwnd : windows) {
        DWORD_PTR agreed = 0;
        if (!SendMessageTimeoutW(hwnd, WM_QUERYENDSESSION, 0, ENDSESSION_LOGOFF, SMTO_ABORTIFHUNG, 5000, &agreed) || !agreed)
            ++refused;
    }
    for (const HWND hwnd : windows) {
        DWORD_PTR ignored = 0;
        SendMessageTimeoutW(hwnd, WM_ENDSESSION, TRUE, ENDSESSION_LOGOFF, SMTO_ABORTIFHUNG, 10000, &ignored);
    }
    std::printf("told %zu windows; %d refused\n", windows.size(), refused);
    return !windows.empty() && refused == 0 ? 0 : 1;
}
