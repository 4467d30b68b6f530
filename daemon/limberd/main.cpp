// limberd: Limber's background daemon. See `limberd --help` and docs/ARCHITECTURE.md.
#include "client/client.hpp"
#include "client/runtime.hpp"
#include "daemon.hpp"
#include "ipc/server.hpp"
#include "limber/catalog.hpp"
#include "limber/duration.hpp"
#include "limber/error.hpp"
#include "limber/settings.hpp"
#include "logging.hpp"
#include "process.hpp"
#include "settings_file.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

// Exit codes, documented in limberd --help and the README.
constexpr int exit_failure = 1;
constexpr int exit_config = 3;
constexpr int exit_running = 4;
constexpr int exit_socket = 5;
constexpr int exit_store = 6;

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
    CLI::App app{"limberd: Limber's break scheduler, running in the background.\n"
                 "Exit codes: 0 stopped cleanly, 1 unexpected failure, 2 bad arguments, 3 bad catalog or settings\n"
                 "(--check-config), 4 already running for this user, 5 control socket unusable, 6 database from a newer Limber."};
    app.set_version_flag("--version", std::string("limberd ") + LIMBER_VERSION);
    std::string config;
    std::string activity = "auto";
    std::string socket;
    std::string log_level = "info";
    bool verbose = false;
    bool check_only = false;
    bool no_notify = false;
    double time_scale = 1.0;
    std::string clock_start;
    std::string smart_pause = "auto";
    std::string video_devices = "/dev";
    app.add_option("--config", config, "Settings file (default: $XDG_CONFIG_HOME/limber/limber.toml, created on first run)");
    app.add_flag("--check-config", check_only, "Check the catalog and settings, print the plan, and exit");
    app.add_option("--activity-source", activity,
                   "Where activity comes from: auto, x11, wayland, mutter, logind, screensaver, windows_idle, windows_session, none, or script:FILE[@SPEED] (see docs/ARCHITECTURE.md, docs/ACTIVITY-SCRIPT.md)");
    app.add_option("--socket", socket, "Control socket (default: $XDG_RUNTIME_DIR/limber/limberd.sock)");
    app.add_option("--log-level", log_level, "trace, debug, info, warn, error, critical or off");
    app.add_flag("-v,--verbose", verbose, "Same as --log-level debug");
    app.add_flag("--no-notifications", no_notify, "Never show desktop notifications from the daemon itself");
    app.add_option("--time-scale", time_scale, "Run the schedule this many times faster (demos and tests)")
        ->check(CLI::Range(0.001, 100000.0));
    app.add_option("--clock-start", clock_start, "With --time-scale: start the calendar at this UTC time, YYYY-MM-DDTHH:MM:SSZ");
    app.add_option("--smart-pause", smart_pause,
                   "Smart pause's signals: auto (those limber.toml leaves on), none, or a list of microphone, camera, fullscreen, inhibitors, do_not_disturb, apps");
    app.add_option("--video-devices", video_devices, "Where the camera signal looks for video* devices (default /dev; for tests)");
    limber::ProgramArguments args(argc, argv);
    CLI11_PARSE(app, args.argc(), args.argv());
    limber::prepare_process();

    try {
        const limber::Paths paths = limber::runtime_paths();
        if (check_only) {
            const auto catalog = limber::load_catalog(paths.exercises().string(), paths.routines().string());
            if (config.empty())
                config = std::filesystem::exists(paths.settings()) ? paths.settings().string() : paths.default_settings().string();
            print_plan(catalog, limber::load_settings(config, catalog), config);
            return 0;
        }
        limber::setup_logging(paths.state_dir, verbose ? "debug" : log_level);
        limber::DaemonOptions o;
        o.paths = paths;
        o.settings_file = config.empty() ? limber::ensure_user_settings(paths) : limber::path_from_utf8(config);
        o.socket = socket.empty() ? limber::control_socket(paths) : limber::path_from_utf8(socket);
        o.activity_spec = activity;
        // A script played into a faster schedule is played as fast, unless it says otherwise.
        if (time_scale != 1.0 && activity.starts_with("script:") && activity.find('@') == std::string::npos)
            o.activity_spec += "@" + std::to_string(time_scale);
        o.time_scale = time_scale;
        if (!clock_start.empty()) {
            const auto start = limber::parse_utc_stamp(clock_start);
            if (!start) {
                std::cerr << "limberd: --clock-start \"" << clock_start << "\" is not YYYY-MM-DDTHH:MM:SSZ\n";
                return 2;
            }
            o.clock_start = limber::WallTime{*start};
        }
        o.notifications = !no_notify;
        o.hold.spec = smart_pause;
        o.hold.video_devices = video_devices;
        limber::Daemon daemon(std::move(o));
        return daemon.run();
    } catch (const limber::ConfigError& e) {
        std::cerr << "limberd: " << e.what() << "\n";
        return exit_config;
    } catch (const limber::AlreadyRunning& e) {
        std::cerr << "limberd: " << e.what() << "\n";
        return exit_running;
    } catch (const limber::ipc::ServerError& e) {
        std::cerr << "limberd: " << e.what() << "\n";
        return exit_socket;
    } catch (const limber::StoreError& e) {
        std::cerr << "limberd: " << e.what() << "\n";
        return exit_store;
    } catch (const std::exception& e) {
        std::cerr << "limberd: " << e.what() << "\n";
        return exit_failure;
    }
}
