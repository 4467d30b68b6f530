#include "smart_pause/pulse_loop.hpp"

#include <pulse/timeval.h>

#include <boost/asio/post.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <poll.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <optional>

namespace limber {

struct PulseAsioLoop::Event : std::enable_shared_from_this<Event> {
    PulseAsioLoop* loop = nullptr;
    void* userdata = nullptr;
    bool dead = false;
    unsigned generation = 0;  // bumped whenever a pending wait stops counting

    // A watched descriptor: our own duplicate, so that Asio may register and close it freely.
    int fd = -1;
    std::optional<boost::asio::posix::stream_descriptor> descriptor;
    pa_io_event_flags_t flags = PA_IO_EVENT_NULL;
    bool reading = false, writing = false;  // a wait for that direction is pending
    pa_io_event_cb_t io_cb = nullptr;
    pa_io_event_destroy_cb_t io_destroy = nullptr;

    // A timer.
    std::optional<boost::asio::steady_timer> timer;
    timeval when{};
    pa_time_event_cb_t time_cb = nullptr;
    pa_time_event_destroy_cb_t time_destroy = nullptr;

    // A deferred call: runs on every turn of the loop while enabled.
    bool enabled = false, posted = false;
    pa_defer_event_cb_t defer_cb = nullptr;
    pa_defer_event_destroy_cb_t defer_destroy = nullptr;
};

namespace {

using Event = PulseAsioLoop::Event;

// libpulse marks a time on its monotonic clock (pa_rtclock_now) by this bit in tv_usec, as its
// own main loops read it; without the bit the time is the wall clock's.
constexpr long rtclock_bit = 1L << 30;

// The two clocks in microseconds, as libpulse reads them (its pa_rtclock_now is
// CLOCK_MONOTONIC): computed here, so that this loop calls nothing in libpulse, which is
// loaded only when a sound server is there (pulse_api.hpp).
pa_usec_t usec_of(const timeval& tv) { return static_cast<pa_usec_t>(tv.tv_sec) * PA_USEC_PER_SEC + static_cast<pa_usec_t>(tv.tv_usec); }

pa_usec_t monotonic_now()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<pa_usec_t>(ts.tv_sec) * PA_USEC_PER_SEC + static_cast<pa_usec_t>(ts.tv_nsec) / PA_NSEC_PER_USEC;
}

template <typename T>
Event* ev(T* e) { return reinterpret_cast<Event*>(e); }
PulseAsioLoop* loop_of(pa_mainloop_api* api) { return static_cast<PulseAsioLoop*>(api->userdata); }

std::shared_ptr<Event> add(pa_mainloop_api* api, void* userdata)
{
    auto e = std::make_shared<Event>();
    e->loop = loop_of(api);
    e->userdata = userdata;
    e->loop->events().insert(e);
    return e;
}

// Forgets the event; it lives on while a handler holds it, and such a handler does nothing.
void retire(Event* e)
{
    e->dead = true;
    ++e->generation;
    boost::system::error_code ignored;
    if (e->descriptor && e->descriptor->is_open()) e->descriptor->close(ignored);
    if (e->timer) e->timer->cancel();
    e->loop->events().erase(e->shared_from_this());
}

// --- descriptors ---
// libpulse expects level-triggered watches (it reads one frame per wake-up); Asio's reactor is
// edge-triggered. So each wait first asks poll() whether the descriptor is ready already, and
// only poll()'s word makes a callback.

void arm(const std::shared_ptr<Event>& e);

void fire(const std::shared_ptr<Event>& e, unsigned gen, bool input, short revents)
{
    if (e->dead || gen != e->generation) return;
    (input ? e->reading : e->writing) = false;
    pa_io_event_flags_t flags = input ? PA_IO_EVENT_INPUT : PA_IO_EVENT_OUTPUT;
    if (revents & POLLHUP) flags = static_cast<pa_io_event_flags_t>(flags | PA_IO_EVENT_HANGUP);
    if (revents & (POLLERR | POLLNVAL)) flags = static_cast<pa_io_event_flags_t>(flags | PA_IO_EVENT_ERROR);
    e->io_cb(e->loop->api(), reinterpret_cast<pa_io_event*>(e.get()), e->fd, flags, e->userdata);
    arm(e);
}

void wait_for(const std::shared_ptr<Event>& e, bool input)
{
    const unsigned gen = e->generation;
    pollfd p{e->fd, static_cast<short>(input ? POLLIN : POLLOUT), 0};
    const bool ready = ::poll(&p, 1, 0) > 0;
    if (ready || !e->descriptor->is_open()) {  // not open: dup() failed; libpulse hears of an error
        boost::asio::post(e->loop->io(), [e, gen, input, revents = ready ? p.revents : short{POLLERR}] {
            fire(e, gen, input, revents);
        });
        return;
    }
    e->descriptor->async_wait(
        input ? boost::asio::posix::stream_descriptor::wait_read : boost::asio::posix::stream_descriptor::wait_write,
        [e, gen, input](const boost::system::error_code& ec) {
            if (ec == boost::asio::error::operation_aborted || e->dead || gen != e->generation) return;
            if (ec) {
                fire(e, gen, input, POLLERR);
                return;
            }
            // Asio may wake a wait spuriously (an event meant for an earlier descriptor it
            // recycled); libpulse takes a read that finds nothing for a dead connection. So
            // ask poll() again, which also reports a hang-up or an error.
            wait_for(e, input);
        });
}

void arm(const std::shared_ptr<Event>& e)
{
    if (e->dead) return;
    if ((e->flags & PA_IO_EVENT_INPUT) && !e->reading) {
        e->reading = true;
        wait_for(e, true);
    }
    if ((e->flags & PA_IO_EVENT_OUTPUT) && !e->writing) {
        e->writing = true;
        wait_for(e, false);
    }
}

pa_io_event* io_new(pa_mainloop_api* api, int fd, pa_io_event_flags_t flags, pa_io_event_cb_t cb, void* userdata)
{
    auto e = add(api, userdata);
    e->fd = fd;
    e->io_cb = cb;
    e->flags = flags;
    const int copy = ::dup(fd);
    e->descriptor.emplace(e->loop->io());
    if (copy >= 0) e->descriptor->assign(copy);
    arm(e);
    return reinterpret_cast<pa_io_event*>(e.get());
}

void io_enable(pa_io_event* p, pa_io_event_flags_t flags)
{
    Event* e = ev(p);
    if (e->dead || flags == e->flags) return;
    e->flags = flags;
    ++e->generation;
    if (e->descriptor->is_open()) e->descriptor->cancel();
    e->reading = e->writing = false;
    arm(e->shared_from_this());
}

void io_free(pa_io_event* p)
{
    Event* e = ev(p);
    auto keep = e->shared_from_this();
    retire(e);
    if (e->io_destroy) e->io_destroy(e->loop->api(), p, e->userdata);
}

void io_set_destroy(pa_io_event* p, pa_io_event_destroy_cb_t cb) { ev(p)->io_destroy = cb; }

// --- timers ---

void schedule(Event* e, const timeval* tv)
{
    ++e->generation;
    e->timer->cancel();
    if (!tv) return;  // disabled
    e->when = *tv;
    timeval at = *tv;
    pa_usec_t now = 0;
    if (at.tv_usec & rtclock_bit) {
        at.tv_usec &= ~rtclock_bit;
        now = monotonic_now();
    } else {
        timeval wall{};
        ::gettimeofday(&wall, nullptr);
        now = usec_of(wall);
    }
    const pa_usec_t target = usec_of(at);
    e->timer->expires_after(std::chrono::microseconds(target > now ? target - now : 0));
    e->timer->async_wait([self = e->shared_from_this(), gen = e->generation](const boost::system::error_code& ec) {
        if (ec || self->dead || gen != self->generation) return;
        self->time_cb(self->loop->api(), reinterpret_cast<pa_time_event*>(self.get()), &self->when, self->userdata);
    });
}

pa_time_event* time_new(pa_mainloop_api* api, const timeval* tv, pa_time_event_cb_t cb, void* userdata)
{
    auto e = add(api, userdata);
    e->time_cb = cb;
    e->timer.emplace(e->loop->io());
    schedule(e.get(), tv);
    return reinterpret_cast<pa_time_event*>(e.get());
}

void time_restart(pa_time_event* p, const timeval* tv)
{
    if (!ev(p)->dead) schedule(ev(p), tv);
}

void time_free(pa_time_event* p)
{
    Event* e = ev(p);
    auto keep = e->shared_from_this();
    retire(e);
    if (e->time_destroy) e->time_destroy(e->loop->api(), p, e->userdata);
}

void time_set_destroy(pa_time_event* p, pa_time_event_destroy_cb_t cb) { ev(p)->time_destroy = cb; }

// --- deferred calls ---

void post_defer(const std::shared_ptr<Event>& e)
{
    if (e->dead || !e->enabled || e->posted) return;
    e->posted = true;
    boost::asio::post(e->loop->io(), [e] {
        e->posted = false;
        if (e->dead || !e->enabled) return;
        e->defer_cb(e->loop->api(), reinterpret_cast<pa_defer_event*>(e.get()), e->userdata);
        post_defer(e);
    });
}

pa_defer_event* defer_new(pa_mainloop_api* api, pa_defer_event_cb_t cb, void* userdata)
{
    auto e = add(api, userdata);
    e->defer_cb = cb;
    e->enabled = true;  // as libpulse's own loops make them
    post_defer(e);
    return reinterpret_cast<pa_defer_event*>(e.get());
}

void defer_enable(pa_defer_event* p, int b)
{
    Event* e = ev(p);
    e->enabled = b != 0;
    post_defer(e->shared_from_this());
}

void defer_free(pa_defer_event* p)
{
    Event* e = ev(p);
    auto keep = e->shared_from_this();
    retire(e);
    if (e->defer_destroy) e->defer_destroy(e->loop->api(), p, e->userdata);
}

void defer_set_destroy(pa_defer_event* p, pa_defer_event_destroy_cb_t cb) { ev(p)->defer_destroy = cb; }

void quit(pa_mainloop_api*, int) {}  // the io_context is not libpulse's to end

}  // namespace

PulseAsioLoop::PulseAsioLoop(boost::asio::io_context& io) : io_(io)
{
    api_.userdata = this;
    api_.io_new = io_new;
    api_.io_enable = io_enable;
    api_.io_free = io_free;
    api_.io_set_destroy = io_set_destroy;
    api_.time_new = time_new;
    api_.time_restart = time_restart;
    api_.time_free = time_free;
    api_.time_set_destroy = time_set_destroy;
    api_.defer_new = defer_new;
    api_.defer_enable = defer_enable;
    api_.defer_free = defer_free;
    api_.defer_set_destroy = defer_set_destroy;
    api_.quit = quit;
}

PulseAsioLoop::~PulseAsioLoop()
{
    const auto left = events_;
    for (const auto& e : left) retire(e.get());
}

}  // namespace limber
