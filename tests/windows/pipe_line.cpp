// pipe_line NAME LINE: sends LINE (a newline added) to the named pipe NAME and prints the one
// line that comes back, as a client that speaks no JSON would: the Windows tests' way to hand
// limberd garbage. Exit 1 when the pipe cannot be opened or no line comes back.
#include <windows.h>

#include <cstdio>
#include <string>

int wmain(int argc, wchar_t** argv)
{
    if (argc != 3) {
        std::fputs("usage: pipe_line NAME LINE\n", stderr);
        return 2;
    }
    HANDLE pipe = CreateFileW(argv[1], GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING, 0, nullptr);
    if (pipe == INVALID_HANDLE_VALUE) {
        std::fprintf(stderr, "pipe_line: cannot open the pipe (error %lu)\n", GetLastError());
        return 1;
    }
    std::string line;
    for (const wchar_t* c = argv[2]; *c; ++c) line += static_cast<char>(*c);  // test lines are ASCII
    line += '\n';
    DWORD n = 0;
    WriteFile(pipe, line.data(), static_cast<DWORD>(line.size()), &n, nullptr);
    std::string reply;
    char c = 0;
    while (ReadFile(pipe, &c, 1, &n, nullptr) && n == 1 && c != '\n') reply += c;
    CloseHandle(pipe);
    if (reply.empty()) return 1;
    std::printf("%s\n", reply.c_str());
    return 0;
}
