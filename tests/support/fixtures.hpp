// What many tests start from: the catalog Limber ships and settings without the calendar's rules.
#pragma once

#include "limber/catalog.hpp"
#include "limber/settings.hpp"

namespace limber::test {

// config/exercises.toml and config/routines.toml, loaded once.
const Catalog& shipped_catalog();

// Settings with no working-hours limits and no daily routine, for rules that don't involve them.
Settings plain_settings();

}  // namespace limber::test
