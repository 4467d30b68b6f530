// limber_activity_probe: runs an activity source and prints each state change as a line
// ("active", "idle since=-2s"), so shell tests can check real sources against real servers.
#include "activity/activity_source.hpp"
#include "activity/combined_activity.hpp"
#include "limber/duration.hpp"
#include "limber/error.hpp"

#include <CLI/CLI.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <csignal>
#include <iostream>

namespace {

constexpr int exit_timed_out = 2;

std::chrono::seconds duration_option(const std::string& text, const char* what)
{
    const auto d = limber::parse_duration(text);
    if (!d) throw std::invalid_argument(std::string(what) + ": '" + text + "' is not a duration");
    return *d;
}

}  // namespace

int main(int argc, char** argv)
{
    CLI::App app{"limber_activity_probe: print the activity a source reports"};
    std::string spec = "auto";
    std::string idle = "2s";
    std::string timeout = "30s";
    int count = 0;
    app.add_option("spec", spec, "auto, x11, wayland, mutter, logind, screensaver, script:FILE[@SPEED] or none");
    app.add_option("--idle", idle, "Idle threshold (default 2s)");
    app.add_option("--timeout", timeout, "Give up after this long (default 30s)");
    app.add_option("--count", count, "Exit after this many lines; exit 2 if the timeout comes first");
    CLI11_PARSE(app, argc, argv);

    try {
        boost::asio::io_context io;
        limber::SystemClock clock;
        limber::CombinedActivity source(
            limber::make_activity_sources(io, spec, duration_option(idle, "--idle"), clock));
        int lines = 0;
        int status = 0;
        boost::asio::steady_timer deadline(io, duration_option(timeout, "--timeout"));
        boost::asio::signal_set signals(io, SIGINT, SIGTERM);
        auto finish = [&](int code) {
            status = code;
            source.stop();
            deadline.cancel();
            signals.cancel();
        };
        deadline.async_wait([&](const boost::system::error_code& ec) {
            if (ec) return;
            std::cerr << "probe: timed out\n";
            finish(count > 0 ? exit_timed_out : 0);
        });
        signals.async_wait([&](const boost::system::error_code& ec, int) {
            if (!ec) finish(0);
        });
        // Started last: a count reached during start() must find the waits above to cancel.
        std::cerr << "probe: watching " << source.name() << "\n";
        source.start([&](const limber::Activity& a) {
            std::cout << limber::to_string(a.kind);
            // A state that began less than half a second ago began now, as far as tests can tell.
            const auto ago = a.since ? std::chrono::round<std::chrono::seconds>(*a.since - clock.now().mono)
                                     : std::chrono::seconds{0};
            if (ago != std::chrono::seconds{0}) std::cout << " since=" << limber::format_duration(ago);
            std::cout << std::endl;  // flushed: tests read the lines as they come
            if (count > 0 && ++lines == count) finish(0);
        });
        io.run();
        return status;
    } catch (const limber::ConfigError& e) {
        std::cerr << "probe: " << e.what() << "\n";
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "probe: " << e.what() << "\n";
        return 1;
    }
}
