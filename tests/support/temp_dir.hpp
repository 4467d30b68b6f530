// A fresh directory per test, removed afterwards.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>

namespace limber::test {

class TempDir {
public:
    TempDir()
    {
        // A random name made only if it did not exist, as mkdtemp does, in standard C++ alone
        // (the same header serves the Windows build).
        std::random_device random;
        for (int attempt = 0; attempt < 100; ++attempt) {
            const auto candidate = std::filesystem::temp_directory_path() / ("limber-test-" + std::to_string(random()));
            std::error_code ec;
            if (std::filesystem::create_directory(candidate, ec)) {
                std::filesystem::permissions(candidate, std::filesystem::perms::owner_all, ec);
                path_ = candidate;
                return;
            }
        }
        throw std::runtime_error("cannot make a temporary directory in " + std::filesystem::temp_directory_path().string());
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

    // Writes `text` to a file in the directory and returns its full path as a string.
    std::string write(const std::string& name, const std::string& text) const
    {
        const auto p = path_ / name;
        std::ofstream(p, std::ios::binary) << text;  // as given: no CRLF on Windows
        return p.string();
    }

private:
    std::filesystem::path path_;
};

}  // namespace limber::test
