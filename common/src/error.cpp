#include "limber/error.hpp"

namespace limber {
namespace {

std::string describe(const std::string& file, int line, int column, const std::string& key,
                     const std::string& message)
{
    std::string s = file;
    if (line > 0) {
        s += ":" + std::to_string(line);
        if (column > 0) s += ":" + std::to_string(column);
    }
    s += ": ";
    if (!key.empty()) s += key + ": ";
    return s + message;
}

}  // namespace

ConfigError::ConfigError(std::string file, int line, int column, std::string key, const std::string& message)
    : std::runtime_error(describe(file, line, column, key, message)),
      file_(std::move(file)), line_(line), column_(column), key_(std::move(key)), message_(message)
{
}

}  // namespace limber
