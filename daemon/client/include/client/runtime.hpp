// What every Limber program needs from the OS at start: its own path, the environment and
// the command line, all in UTF-8.
#pragma once

#include "limber/paths.hpp"

#include <string>
#include <vector>

namespace limber {

// The command line in UTF-8, in the argc/argv form a parser takes. On Linux, main's own; on
// Windows main's argv is in the ANSI code page, which cannot hold every name, so the words
// are read again from the UTF-16 command line.
class ProgramArguments {
public:
    ProgramArguments(int argc, char** argv);
    ProgramArguments(const ProgramArguments&) = delete;
    ProgramArguments& operator=(const ProgramArguments&) = delete;

    [[nodiscard]] int argc() const { return static_cast<int>(words_.size()); }
    [[nodiscard]] char** argv() { return pointers_.data(); }

private:
    std::vector<std::string> words_;
    std::vector<char*> pointers_;  // into words_, then a null, as main's argv
};

// resolve_paths() for this process: the real environment and /proc/self/exe.
Paths runtime_paths();

}  // namespace limber
