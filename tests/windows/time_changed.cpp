// time_changed: tells every top-level window that the system time was set, as Windows does
// after the user or the time service sets the clock (WM_TIMECHANGE, broadcast). The Windows
// tests use it to see limberd plan its calendar again; Wine cannot set the clock itself.
#include <windows.h>

int main()
{
    DWORD_PTR ignored = 0;
    return SendMessageTimeoutW(HWND_BROADCAST, WM_TIMECHANGE, 0, 0, SMTO_ABORTIFHUNG, 5000, &ignored) ? 0 : 1;
}
