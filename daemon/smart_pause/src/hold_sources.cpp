// The sources of the optional parts come from their tables (hold_parts.hpp), and so do the
// system's own (the camera and the listed applications' processes from /dev and /proc on
// Linux; the consent store, the shell and the process list on Windows).
#include "smart_pause/hold_sources.hpp"

#include "activity/log.hpp"
#include "smart_pause/hold_parts.hpp"

#include <algorithm>
#include <stdexcept>

namespace limber {
namespace {

std::vector<std::string> split_spec(std::string_view spec)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= spec.size()) {
        const auto comma = spec.find(',', pos);
        const auto part = spec.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
        if (!part.empty()) out.emplace_back(part);
        if (comma == std::string_view::npos) break;
        pos = comma + 1;
    }
    return out;
}

// The entry for `name`: one this build can open if a part has it (on Windows, the Windows
// part's microphone rather than the PulseAudio part's left-out one), else one that says which
// option would bring it; null for a name no part has.
const HoldPartEntry* find_entry(std::string_view name)
{
    const HoldPartEntry* left_out = nullptr;
    for (const auto part : {windows_hold_part(), pulse_hold_part(), posix_hold_part(), x11_hold_part(), dbus_hold_part()})
        for (const auto& e : part)
            if (e.name == name) {
                if (e.open) return &e;
                if (!left_out) left_out = &e;
            }
    return left_out;
}

}  // namespace

std::vector<std::unique_ptr<HoldSource>> make_hold_sources(boost::asio::io_context& io, const SmartPause& settings,
                                                           const HoldSourceOptions& options)
{
    std::vector<std::string> wanted;
    if (options.spec == "auto") wanted.assign(std::begin(hold_source_names), std::end(hold_source_names));
    else if (options.spec != "none") wanted = split_spec(options.spec);
    for (auto& w : wanted) {
        const auto kind = hold_kind_named(w);  // an old spelling ("dnd") still reads
        if (!kind)
            throw std::invalid_argument("unknown smart-pause source '" + w +
                                        "' (expected auto, none, or a list of microphone, camera, fullscreen, "
                                        "inhibitors, do_not_disturb, apps)");
        w = to_string(*kind);
    }
    // Asked for by name, a source this build left out is an error; "auto" goes without it.
    for (const auto& w : wanted)
        if (const HoldPartEntry* e = find_entry(w); e && !e->open) {
            if (options.spec != "auto")
                throw std::invalid_argument("smart-pause source '" + w + "' was left out of this build (" +
                                            std::string(e->option) + "=OFF)");
            activity_log()->info("no {} source for smart pause: this build left it out ({}=OFF)", w, e->option);
        }

    // In HoldKind's order; the X11 window ("fullscreen") serves listed applications too.
    const HoldRequest request{io, settings, options, wanted};
    std::vector<std::unique_ptr<HoldSource>> out;
    for (const char* name : hold_source_names) {
        const HoldPartEntry* e = find_entry(name);
        if (!e || !e->open) continue;
        if (auto source = e->open(request)) out.push_back(std::move(source));
    }
    return out;
}

}  // namespace limber
