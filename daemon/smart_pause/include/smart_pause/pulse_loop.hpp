// libpulse's main loop interface (pa_mainloop_api) served by the daemon's Asio loop, so a
// pa_context runs on the io_context's thread with no thread and no poll loop of its own.
// Watches become waits on a stream_descriptor, timers steady_timers, deferred calls posts.
#pragma once

#include <pulse/mainloop-api.h>

#include <boost/asio/io_context.hpp>

#include <memory>
#include <set>

namespace limber {

class PulseAsioLoop {
public:
    explicit PulseAsioLoop(boost::asio::io_context& io);
    // Frees whatever events libpulse left (it should have freed them with its context).
    ~PulseAsioLoop();
    PulseAsioLoop(const PulseAsioLoop&) = delete;
    PulseAsioLoop& operator=(const PulseAsioLoop&) = delete;

    // For pa_context_new(); valid as long as this loop.
    [[nodiscard]] pa_mainloop_api* api() { return &api_; }

    // The events, public only for the C callbacks in the .cpp.
    struct Event;
    boost::asio::io_context& io() { return io_; }
    std::set<std::shared_ptr<Event>>& events() { return events_; }

private:
    boost::asio::io_context& io_;
    pa_mainloop_api api_{};
    // Owned here until libpulse frees them; a pending wait holds its own reference, so an
    // event freed from inside a callback lives until its handlers have returned.
    std::set<std::shared_ptr<Event>> events_;
};

}  // namespace limber
