#include "support/fixtures.hpp"

namespace limber::test {

const Catalog& shipped_catalog()
{
    static const Catalog catalog = load_catalog(LIMBER_CONFIG_DIR "/exercises.toml", LIMBER_CONFIG_DIR "/routines.toml");
    return catalog;
}

Settings plain_settings()
{
    Settings s;
    s.working_hours.enabled = false;
    s.daily.enabled = false;
    return s;
}

}  // namespace limber::test
