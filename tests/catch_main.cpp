// Catch2 v2's main, alone in its translation unit so it is compiled once (v3 ships its own).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
