// limber_hold_probe: runs smart pause's sources and prints each change of the combined
// reason as a line ("on camera: sleep", "off"), so shell tests can check the real sources
// against real servers, devices and windows.
#include "limber/duration.hpp"
#include "smart_pause/hold_sources.hpp"

#include <CLI/CLI.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <csignal>
#include <iostream>

int main(int argc, char** argv)
{
    CLI::App app{"limber_hold_probe: print what holds breaks, as smart pause sees it"};
    limber::HoldSourceOptions options;
    std::string timeout = "30s";
    std::string sound_retry = "1m";
    std::vector<std::string> apps;
    int count = 0;
    app.add_option("spec", options.spec, "auto, none, or a list such as camera,fullscreen");
    app.add_option("--video-devices", options.video_devices, "Where video* devices are (default /dev)");
    app.add_option("--proc", options.proc, "The process tree (default /proc)");
    app.add_option("--app", apps, "An application during which breaks wait (repeatable)");
    app.add_option("--timeout", timeout, "Give up after this long (default 30s)");
    app.add_option("--sound-retry", sound_retry, "Look for a missing sound server this often (default 1m; 0s: never)");
    app.add_option("--count", count, "Exit after this many lines; exit 2 if the timeout comes first");
    CLI11_PARSE(app, argc, argv);

    const auto limit = limber::parse_duration(timeout);
    if (!limit) {
        std::cerr << "probe: --timeout: '" << timeout << "' is not a duration\n";
        return 1;
    }
    const auto retry = limber::parse_duration(sound_retry);
    if (!retry) {
        std::cerr << "probe: --sound-retry: '" << sound_retry << "' is not a duration\n";
        return 1;
    }
    options.sound_retry = *retry;
    try {
        boost::asio::io_context io;
        limber::SmartPause settings;
        settings.apps = apps;
        int lines = 0;
        int status = 0;
        boost::asio::steady_timer deadline(io, *limit);
        boost::asio::signal_set signals(io, SIGINT, SIGTERM);
        limber::SmartPauseWatch watch([&](const std::string& reason) {
            std::cout << (reason.empty() ? "off" : "on " + reason) << std::endl;  // flushed for tests
            if (count > 0 && ++lines == count) {
                deadline.cancel();
                signals.cancel();
                io.stop();
            }
        });
        std::cout << "off" << std::endl;  // where every watch starts
        ++lines;
        deadline.async_wait([&](const boost::system::error_code& ec) {
            if (ec) return;
            std::cerr << "probe: timed out\n";
            status = count > 0 ? 2 : 0;
            signals.cancel();
            io.stop();
        });
        signals.async_wait([&](const boost::system::error_code& ec, int) {
            if (ec) return;
            deadline.cancel();
            io.stop();
        });
        std::cerr << "probe: watching\n";
        watch.start(limber::make_hold_sources(io, settings, options));
        io.run();
        return status;
    } catch (const std::exception& e) {
        std::cerr << "probe: " << e.what() << "\n";
        return 1;
    }
}
