// One include for Catch2 across distributions: Debian 12 ships v2, Ubuntu 24.04 ships v3.
#pragma once

#if __has_include(<catch2/catch_all.hpp>)
#include <catch2/catch_all.hpp>
namespace Catch {
inline auto Contains(const std::string& s) { return Matchers::ContainsSubstring(s); }
inline auto EndsWith(const std::string& s) { return Matchers::EndsWith(s); }
}  // namespace Catch
#else
#include <catch2/catch.hpp>
#endif
