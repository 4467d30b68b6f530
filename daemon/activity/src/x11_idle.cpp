// X11 idle via XSync alarms on the IDLETIME counter (see x11_idle.hpp).
#include "activity/x11_idle.hpp"

#include "activity/log.hpp"

#include <X11/Xlib.h>
#include <X11/extensions/sync.h>

#include <cstring>

namespace limber {

struct X11Idle::Display {
    ::Display* dpy = nullptr;
    XSyncCounter idle_counter = None;
    XSyncAlarm alarm = None;
    int event_base = 0;
    bool lost = false;  // the connection broke: Xlib calls on it do nothing useful any more

    ~Display()
    {
        if (alarm != None && !lost) XSyncDestroyAlarm(dpy, alarm);
        if (dpy) XCloseDisplay(dpy);
    }
};

namespace {

std::int64_t to_int64(const XSyncValue& v)
{
    return (static_cast<std::int64_t>(XSyncValueHigh32(v)) << 32) | XSyncValueLow32(v);
}

XSyncValue from_int64(std::int64_t n)
{
    XSyncValue v;
    XSyncIntsToValue(&v, static_cast<unsigned>(n & 0xffffffff), static_cast<int>(n >> 32));
    return v;
}

// Xlib's default handlers print a line and exit(): losing the display would end the daemon.
// The process-wide handler only says what happened; the per-display exit handler, which
// Xlib calls instead of exit() (libX11 1.7 and later), marks that display as lost.
int on_io_error(::Display* dpy)
{
    activity_log()->warn("x11: lost the display '{}'; idle is no longer tracked", DisplayString(dpy));
    return 0;
}

void on_io_error_exit(::Display*, void* display)
{
    static_cast<X11Idle::Display*>(display)->lost = true;
}

}  // namespace

std::unique_ptr<X11Idle> X11Idle::open(boost::asio::io_context& io, Millis threshold, const Clock& clock)
{
    auto log = activity_log();
    auto x = std::make_unique<Display>();
    x->dpy = XOpenDisplay(nullptr);
    if (!x->dpy) {
        log->warn("x11: cannot open display '{}'; no X11 idle tracking", XDisplayName(nullptr));
        return nullptr;
    }
    XSetIOErrorHandler(on_io_error);
    XSetIOErrorExitHandler(x->dpy, on_io_error_exit, x.get());
    int error_base = 0, major = 0, minor = 0;
    if (!XSyncQueryExtension(x->dpy, &x->event_base, &error_base) || !XSyncInitialize(x->dpy, &major, &minor)) {
        log->warn("x11: display '{}' has no SYNC extension; no X11 idle tracking", DisplayString(x->dpy));
        return nullptr;
    }
    int n = 0;
    XSyncSystemCounter* counters = XSyncListSystemCounters(x->dpy, &n);
    for (int i = 0; i < n; ++i)
        if (std::strcmp(counters[i].name, "IDLETIME") == 0) x->idle_counter = counters[i].counter;
    if (counters) XSyncFreeSystemCounterList(counters);
    if (x->idle_counter == None) {
        log->warn("x11: display '{}' has no IDLETIME counter; no X11 idle tracking", DisplayString(x->dpy));
        return nullptr;
    }
    return std::unique_ptr<X11Idle>(new X11Idle(io, std::move(x), threshold, clock));
}

X11Idle::X11Idle(boost::asio::io_context& io, std::unique_ptr<Display> display, Millis threshold, const Clock& clock)
    : x_(std::move(display)), fd_(io, ConnectionNumber(x_->dpy)), threshold_(threshold), clock_(clock)
{
}

X11Idle::~X11Idle()
{
    stop();
    // Xlib owns the socket; XCloseDisplay (in ~Display) closes it, not Asio.
    fd_.release();
}

void X11Idle::start(ActivityCallback on_change)
{
    stop();
    on_change_ = std::move(on_change);
    alive_ = std::make_shared<bool>(true);
    running_ = true;
    XSyncValue value;
    XSyncQueryCounter(x_->dpy, x_->idle_counter, &value);
    const Millis idle_for{to_int64(value)};
    report(idle_for >= threshold_, idle_for);
    wait();
}

void X11Idle::stop()
{
    if (!running_) return;
    running_ = false;
    *alive_ = false;
    fd_.cancel();
    if (x_->alarm != None && !x_->lost) {
        XSyncDestroyAlarm(x_->dpy, x_->alarm);
        x_->alarm = None;
        XFlush(x_->dpy);
    }
}

// One alarm, re-armed each time it fires: while active it waits for the idle time to reach the
// threshold; while idle, for it to drop below (any input resets the counter to zero). An alarm
// whose condition already holds fires at once, so no transition is lost between query and arm.
void X11Idle::arm(bool wait_for_idle)
{
    XSyncAlarmAttributes attr{};
    attr.trigger.counter = x_->idle_counter;
    attr.trigger.value_type = XSyncAbsolute;
    attr.trigger.test_type = wait_for_idle ? XSyncPositiveComparison : XSyncNegativeComparison;
    attr.trigger.wait_value = from_int64(wait_for_idle ? threshold_.count() : threshold_.count() - 1);
    attr.delta = from_int64(0);
    attr.events = True;
    const unsigned long mask = XSyncCACounter | XSyncCAValueType | XSyncCATestType | XSyncCAValue | XSyncCADelta | XSyncCAEvents;
    if (x_->alarm == None)
        x_->alarm = XSyncCreateAlarm(x_->dpy, mask, &attr);
    else
        XSyncChangeAlarm(x_->dpy, x_->alarm, mask, &attr);
    XFlush(x_->dpy);
}

void X11Idle::report(bool idle, Millis idle_for)
{
    idle_ = idle;
    arm(!idle);
    Activity a{idle ? ActivityKind::Idle : ActivityKind::Active, {}};
    if (idle) a.since = clock_.now().mono - idle_for;
    on_change_(a);
}

// Handles every event Xlib has already read: the socket shows nothing for those.
void X11Idle::drain()
{
    while (running_ && XPending(x_->dpy) > 0) {
        XEvent ev;
        XNextEvent(x_->dpy, &ev);
        if (ev.type != x_->event_base + XSyncAlarmNotify) continue;
        XSyncAlarmNotifyEvent alarm;
        std::memcpy(&alarm, &ev, sizeof alarm);  // XEvent's union has no member for extension events
        if (alarm.alarm != x_->alarm || alarm.state == XSyncAlarmDestroyed) continue;
        const bool now_idle = to_int64(alarm.counter_value) >= threshold_.count();
        // A stale notification from before the last re-arm says nothing new.
        if (now_idle != idle_) report(now_idle, threshold_);
    }
}

void X11Idle::wait()
{
    drain();
    // A lost display's socket stays readable for ever: stop here rather than spin on it.
    if (x_->lost) running_ = false;
    if (!running_) return;
    fd_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                   [this, alive = alive_](const boost::system::error_code& ec) {
                       if (ec || !*alive) return;
                       wait();
                   });
}

}  // namespace limber
