// limberd: loads and checks the catalog and settings, and shows the schedule they make.
// The background loop (activity sources, control socket, store) builds on this.
#include "client/runtime.hpp"
#include "limber/catalog.hpp"
#include "limber/duration.hpp"
#include "limber/error.hpp"
#include "limber/settings.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace {

constexpr int exit_config_error = 3;

void print_plan(const limber::Catalog& catalog, const limber::Settings& s, const std::string& settings_file)
{
    using limber::format_duration;
    std::cout << "settings: " << settings_file << "\n"
              << "break: " << catalog.find_routine(s.routine)->name << " after " << format_duration(s.every)
              << " of sitting (heads-up " << format_duration(s.warn_before) << " before; snooze "
              << format_duration(s.snooze) << ", at most " << s.max_snoozes << " in a row)\n"
              << "natural break: away for " << format_duration(s.natural_break) << "\n";
    if (s.daily.enabled)
        std::cout << "daily: " << catalog.find_routine(s.daily.routine)->name << " at "
                  << limber::format_time_of_day(s.daily.at) << " on working days\n";
    std::cout << "routines:\n";
    for (const auto& r : catalog.routines) {
        const auto easy = catalog.length(r, [](const limber::Exercise& e) { return e.easiest(); });
        std::cout << "  " << r.id << ": " << r.name << ", " << r.exercises.size() << " exercises, about "
                  << (easy.count() + 30) / 60 << " min\n";
    }
}

}  // namespace

int main(int argc, char** argv)
{
    CLI::App app{"limberd: Limber's break scheduler"};
    app.set_version_flag("--version", std::string("limberd ") + LIMBER_VERSION);
    std::string config;
    bool check_only = false;
    app.add_option("--config", config, "Settings file (default: $XDG_CONFIG_HOME/limber/limber.toml)");
    app.add_flag("--check-config", check_only, "Check the catalog and settings, print the plan, and exit");
    CLI11_PARSE(app, argc, argv);

    try {
        const limber::Paths paths = limber::runtime_paths();
        const auto catalog = limber::load_catalog(paths.exercises().string(), paths.routines().string());
        if (config.empty())
            config = std::filesystem::exists(paths.settings()) ? paths.settings().string() : paths.default_settings().string();
        const auto settings = limber::load_settings(config, catalog);
        print_plan(catalog, settings, config);
        if (!check_only) std::cout << "limberd: configuration is valid; the background scheduler loop is not built yet\n";
        return 0;
    } catch (const limber::ConfigError& e) {
        std::cerr << "limberd: " << e.what() << "\n";
        return exit_config_error;
    } catch (const std::exception& e) {
        std::cerr << "limberd: " << e.what() << "\n";
        return 1;
    }
}
