// The exceptions the core throws, each carrying enough context to name what went wrong.
#pragma once

#include <stdexcept>
#include <string>

namespace limber {

// A problem in a file the user or the package supplied. what() reads
// "FILE:LINE:COLUMN: KEY: MESSAGE", the form editors jump to.
class ConfigError : public std::runtime_error {
public:
    ConfigError(std::string file, int line, int column, std::string key, const std::string& message);

    [[nodiscard]] const std::string& file() const noexcept { return file_; }
    [[nodiscard]] int line() const noexcept { return line_; }
    [[nodiscard]] int column() const noexcept { return column_; }
    [[nodiscard]] const std::string& key() const noexcept { return key_; }
    [[nodiscard]] const std::string& message() const noexcept { return message_; }

private:
    std::string file_;
    int line_;
    int column_;
    std::string key_;
    std::string message_;
};

// A reply or event from limberd that is not what this protocol version writes: a field missing
// or of the wrong type. what() names the message and the field, and says what was expected:
// `status: "earned_seconds" must be an integer, not string`.
class MessageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace limber
