// libFuzzer target: limber.toml as the user may leave it. Whatever the bytes, loading either
// gives settings or throws ConfigError with a place, never anything else, never a crash. The
// activity script parser (the other text Limber reads) is driven with the same bytes.
#include "limber/activity_script.hpp"
#include "limber/catalog.hpp"
#include "limber/error.hpp"
#include "limber/settings.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {
const limber::Catalog& catalog()
{
    static const limber::Catalog c =
        limber::load_catalog(LIMBER_CONFIG_DIR "/exercises.toml", LIMBER_CONFIG_DIR "/routines.toml");
    return c;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)limber::parse_settings(text, "limber.toml", catalog());
    } catch (const limber::ConfigError& e) {
        // The message starts with the file name: the user is told where to look.
        if (!std::string_view(e.what()).starts_with("limber.toml")) std::abort();
    }
    try {
        (void)limber::parse_activity_script(text, "day.script");
    } catch (const limber::ConfigError& e) {
        if (!std::string_view(e.what()).starts_with("day.script")) std::abort();
    }
    return 0;
}
