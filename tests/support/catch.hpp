// The one place that knows which Catch2 the tests build against: Debian 12 ships v2 (2.13),
// Ubuntu 24.04 and Debian 13 ship v3 (3.4, 3.7). The tests include this and use the v2
// spellings, which mean the same under both.
#pragma once

#ifndef LIMBER_CATCH_MAJOR
#error "LIMBER_CATCH_MAJOR is set by tests/CMakeLists.txt from the Catch2 package found"
#endif

#if LIMBER_CATCH_MAJOR >= 3
#include <catch2/catch_all.hpp>

#include <string>
namespace Catch {
inline auto Contains(const std::string& s) { return Matchers::ContainsSubstring(s); }
inline auto EndsWith(const std::string& s) { return Matchers::EndsWith(s); }
}  // namespace Catch
using Catch::Approx;  // v2 has it at the top level
#else
#include <catch2/catch.hpp>
#endif
