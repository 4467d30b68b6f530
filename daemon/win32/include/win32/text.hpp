// Text at the Win32 boundary: Windows speaks UTF-16, Limber UTF-8. Built only on Windows.
#pragma once

#include <string>
#include <string_view>

namespace limber::win32 {

std::string utf8(std::wstring_view wide);
std::wstring wide(std::string_view text);

// What a Win32 error code means, in the system's words.
std::string error_text(unsigned long error);
// The same for GetLastError(), read first.
std::string last_error_text();

}  // namespace limber::win32
