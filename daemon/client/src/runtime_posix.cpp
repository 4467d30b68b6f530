#include "client/runtime.hpp"

#include <cstdlib>
#include <system_error>

namespace limber {

ProgramArguments::ProgramArguments(int argc, char** argv) : words_(argv, argv + argc)
{
    for (auto& w : words_) pointers_.push_back(w.data());
    pointers_.push_back(nullptr);
}

Paths runtime_paths()
{
    std::error_code ec;
    auto exe = std::filesystem::canonical("/proc/self/exe", ec);
    if (ec) exe = std::filesystem::current_path() / "limber";
    return resolve_paths(
        [](const std::string& name) -> std::optional<std::string> {
            const char* v = std::getenv(name.c_str());
            return v ? std::optional<std::string>(v) : std::nullopt;
        },
        exe);
}

}  // namespace limber
