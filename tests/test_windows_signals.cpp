// What Windows' activity and smart-pause signals mean, without Windows: the input counter's
// age against the threshold (across its 32-bit wrap) and the one-timer-per-threshold watch,
// session messages to lock and sleep, the shell's notification state, the consent store's
// values, process names against the user's list, and the polled source. These files hold no
// Win32 call, so they run here on Linux and again in the Windows test program under Wine.
#include "activity/combined_activity.hpp"
#include "activity/input_age.hpp"
#include "activity/session_events.hpp"
#include "smart_pause/windows_signals.hpp"

#include "support/catch.hpp"

#include <boost/asio/steady_timer.hpp>

#include <chrono>

using namespace std::chrono_literals;
using limber::Activity;
using limber::ActivityKind;
using limber::HoldKind;
using limber::HoldReason;
using limber::SessionEvent;

namespace {

const limber::SystemClock clock_;

// Runs `io` until `done` or `limit` passes; whether `done` came true.
template <typename Done>
bool run_until(boost::asio::io_context& io, Done done, std::chrono::milliseconds limit)
{
    const auto end = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < end) {
        io.restart();
        io.run_for(10ms);
    }
    return done();
}

}  // namespace

TEST_CASE("input age: active below the threshold, the next look when it would be crossed, across the wrap")
{
    auto step = limber::idle_step(10'000, 9'000, 5000ms, 2000ms);
    CHECK_FALSE(step.idle);
    CHECK(step.age == 1000ms);
    CHECK(step.next == 4000ms);

    step = limber::idle_step(10'000, 5'000, 5000ms, 2000ms);
    CHECK(step.idle);
    CHECK(step.age == 5000ms);
    CHECK(step.next == 2000ms);

    // GetTickCount wraps after 49.7 days: 0xFFFFFFF0 is 16 + 5 ms before 5.
    step = limber::idle_step(5, 0xFFFF'FFF0u, 5000ms, 2000ms);
    CHECK_FALSE(step.idle);
    CHECK(step.age == 21ms);
    CHECK(step.next == 4979ms);

    step = limber::idle_step(1'000, 0xFFFF'0000u, 5000ms, 2000ms);  // 65536 + 1000 ms ago
    CHECK(step.idle);
    CHECK(step.age == 66536ms);
}

TEST_CASE("input age: while idle, any input newer than the one idle was reported for is a return")
{
    // Idle was reported for the input at 1000; still that one: idle.
    auto step = limber::idle_step(20'000, 1'000, 5000ms, 2000ms, 1'000u);
    CHECK(step.idle);
    // A touch at 14000, already older than the threshold by the next poll: back, and idle again at once.
    step = limber::idle_step(20'000, 14'000, 5000ms, 2000ms, 1'000u);
    CHECK_FALSE(step.idle);
    CHECK(step.next == 0ms);
    // A recent touch: back, and the next look a threshold after it.
    step = limber::idle_step(20'000, 19'000, 5000ms, 2000ms, 1'000u);
    CHECK_FALSE(step.idle);
    CHECK(step.next == 4000ms);
}

TEST_CASE("input age watch: a typing user costs about one look per threshold, idle is polled, and the return is seen")
{
    boost::asio::io_context io;
    // A fake counter that starts just before its wrap, driven by the real time.
    const auto origin = std::chrono::steady_clock::now();
    const std::uint32_t base = 0xFFFF'FF00u;
    const auto ticks_now = [&] {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - origin);
        return static_cast<std::uint32_t>(base + static_cast<std::uint32_t>(ms.count()));
    };
    std::uint32_t last_input = base;
    const auto read = [&]() -> std::optional<limber::InputTicks> { return limber::InputTicks{ticks_now(), last_input}; };

    constexpr auto threshold = 300ms;
    constexpr auto poll = 50ms;
    limber::InputAgeWatch watch(io, "fake", read, threshold, clock_, poll);
    std::vector<Activity> seen;
    watch.start([&](const Activity& a) { seen.push_back(a); });
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].kind == ActivityKind::Active);

    // Typing for 1.2 s: a key every 20 ms. The watch looks about once per threshold, not per key.
    bool typing = true;
    boost::asio::steady_timer keys(io);
    std::function<void()> key = [&] {
        if (!typing) return;
        last_input = ticks_now();
        keys.expires_after(20ms);
        keys.async_wait([&](const boost::system::error_code& ec) {
            if (!ec) key();
        });
    };
    key();
    const auto typing_end = std::chrono::steady_clock::now() + 1200ms;
    run_until(io, [&] { return std::chrono::steady_clock::now() >= typing_end; }, 2000ms);
    typing = false;
    CHECK(seen.size() == 1);  // still active
    const auto looks_while_typing = watch.readings();
    INFO("looks while typing: " << looks_while_typing);
    CHECK(looks_while_typing >= 3);   // 1.2 s / 300 ms, plus the first look
    CHECK(looks_while_typing <= 10);  // not one per key (60) nor per poll (24)

    // No input: idle a threshold later, since the last input.
    const auto stopped = clock_.now().mono;
    REQUIRE(run_until(io, [&] { return seen.size() == 2; }, 2000ms));
    CHECK(seen[1].kind == ActivityKind::Idle);
    REQUIRE(seen[1].since);
    CHECK(*seen[1].since <= stopped + 50ms);
    CHECK(*seen[1].since >= stopped - 200ms);

    // While idle it looks every poll; an input is noticed within about one poll.
    const auto idle_looks = watch.readings();
    run_until(io, [] { return false; }, 400ms);
    CHECK(watch.readings() - idle_looks >= 4);  // ~8 at 50 ms
    last_input = ticks_now();
    const auto input_at = std::chrono::steady_clock::now();
    REQUIRE(run_until(io, [&] { return seen.size() == 3; }, 1000ms));
    CHECK(seen[2].kind == ActivityKind::Active);
    CHECK(std::chrono::steady_clock::now() - input_at < 300ms);

    watch.stop();
    const auto looks = watch.readings();
    run_until(io, [] { return false; }, 200ms);
    CHECK(watch.readings() == looks);  // nothing after stop
}

TEST_CASE("session messages: lock, unlock, suspend, resume, clock changes and the session's end, and nothing else")
{
    namespace m = limber::win_msg;
    CHECK(limber::session_event(m::wtssession_change, m::wts_session_lock) == SessionEvent::Lock);
    CHECK(limber::session_event(m::wtssession_change, m::wts_session_unlock) == SessionEvent::Unlock);
    CHECK(limber::session_event(m::powerbroadcast, m::pbt_apmsuspend) == SessionEvent::Suspend);
    CHECK(limber::session_event(m::powerbroadcast, m::pbt_apmresumeautomatic) == SessionEvent::Resume);
    CHECK(limber::session_event(m::powerbroadcast, m::pbt_apmresumesuspend) == SessionEvent::Resume);
    CHECK(limber::session_event(m::timechange, 0) == SessionEvent::TimeChanged);
    CHECK(limber::session_event(m::endsession, 1) == SessionEvent::SessionEnding);
    CHECK_FALSE(limber::session_event(m::endsession, 0));       // the log-off was called off
    CHECK_FALSE(limber::session_event(m::queryendsession, 0));  // only asked: nothing ends yet
    CHECK_FALSE(limber::session_event(m::powerbroadcast, 0xA));     // PBT_APMPOWERSTATUSCHANGE
    CHECK_FALSE(limber::session_event(m::wtssession_change, 0x1));  // WTS_CONSOLE_CONNECT
    CHECK_FALSE(limber::session_event(0x000F, 0));                  // WM_PAINT
}

TEST_CASE("session states: asleep over locked over active, a lock kept across a sleep")
{
    limber::SessionActivity source("session");
    std::vector<ActivityKind> seen;
    source.deliver(SessionEvent::Lock);  // before start: nothing to tell, and no state kept
    source.start([&](const Activity& a) { seen.push_back(a.kind); });
    const auto give = [&](std::uintptr_t wparam, unsigned message) {
        if (const auto e = limber::session_event(message, wparam)) source.deliver(*e);
    };
    namespace m = limber::win_msg;
    give(m::wts_session_lock, m::wtssession_change);
    give(m::wts_session_lock, m::wtssession_change);  // a repeat changes nothing
    give(m::pbt_apmsuspend, m::powerbroadcast);
    give(0, m::timechange);
    give(1, m::endsession);  // no state of its own
    give(m::pbt_apmresumeautomatic, m::powerbroadcast);
    give(m::pbt_apmresumesuspend, m::powerbroadcast);
    give(m::wts_session_unlock, m::wtssession_change);
    CHECK(seen == std::vector<ActivityKind>{ActivityKind::Active, ActivityKind::Locked, ActivityKind::Asleep,
                                            ActivityKind::Locked, ActivityKind::Active});
    source.stop();
    give(m::wts_session_lock, m::wtssession_change);
    CHECK(seen.size() == 5);

    // With the idle source, as the factory pairs them: a lock outranks idle.
    limber::ActivityMerger merged(2);
    merged.update(0, Activity{ActivityKind::Idle, {}});
    CHECK(merged.update(1, Activity{ActivityKind::Locked, {}})->kind == ActivityKind::Locked);
    CHECK(merged.update(1, Activity{ActivityKind::Active, {}})->kind == ActivityKind::Idle);
}

TEST_CASE("notification state: full screen, games and presentations; quiet time is no hold")
{
    namespace q = limber::quns;
    CHECK(limber::notification_hold(q::busy, HoldKind::Fullscreen) == HoldReason{HoldKind::Fullscreen, ""});
    CHECK(limber::notification_hold(q::app, HoldKind::Fullscreen) == HoldReason{HoldKind::Fullscreen, ""});
    CHECK(limber::notification_hold(q::running_d3d_full_screen, HoldKind::Fullscreen) ==
          HoldReason{HoldKind::Fullscreen, "a game"});
    CHECK(limber::notification_hold(q::presentation_mode, HoldKind::Fullscreen)->text() == "a presentation is full screen");
    CHECK_FALSE(limber::notification_hold(q::quiet_time, HoldKind::Fullscreen));
    // The first hour after a new account's first logon: nothing the user chose.
    for (const int state : {q::quiet_time, q::not_present, q::accepts_notifications, q::busy, q::presentation_mode, 0, 99})
        CHECK_FALSE(limber::notification_hold(state, HoldKind::DoNotDisturb));
    for (const int state : {q::not_present, q::accepts_notifications, 0, 99})
        CHECK_FALSE(limber::notification_hold(state, HoldKind::Fullscreen));
}

TEST_CASE("consent store: a device is in use from a start with no stop, named for people")
{
    using limber::ConsentEntry;
    CHECK(limber::consent_in_use(ConsentEntry{"a", 133'000, 0}));
    CHECK_FALSE(limber::consent_in_use(ConsentEntry{"a", 133'000, 133'500}));
    CHECK_FALSE(limber::consent_in_use(ConsentEntry{"a", 0, 0}));  // never used

    CHECK(limber::consent_app_name("C:#Program Files#Zoom#bin#Zoom.exe") == "Zoom");
    CHECK(limber::consent_app_name("C:#Users#ann#AppData#Local#Discord#app-1.0#Discord.EXE") == "Discord");
    CHECK(limber::consent_app_name("Microsoft.WindowsCamera_8wekyb3d8bbwe") == "WindowsCamera");
    CHECK(limber::consent_app_name("MSTeams_8wekyb3d8bbwe") == "MSTeams");
    CHECK(limber::consent_app_name("plain") == "plain");

    CHECK_FALSE(limber::consent_user({}));
    CHECK_FALSE(limber::consent_user({{"Microsoft.WindowsCamera_8wekyb3d8bbwe", 5, 6}}));
    CHECK(limber::consent_user({{"Microsoft.WindowsCamera_8wekyb3d8bbwe", 5, 6}, {"C:#Zoom#Zoom.exe", 7, 0}}) == "Zoom");
}

TEST_CASE("listed applications: by executable name, ignoring case, .exe optional on either side")
{
    const std::vector<std::string> processes{"System", "explorer.exe", "Zoom.exe", "obs64.EXE"};
    CHECK(limber::listed_app_running(processes, {"zoom"}) == "zoom");
    CHECK(limber::listed_app_running(processes, {"ZOOM.EXE"}) == "ZOOM.EXE");
    CHECK(limber::listed_app_running(processes, {"teams", "obs64"}) == "obs64");
    CHECK_FALSE(limber::listed_app_running(processes, {"zoo", "teams"}));
    CHECK_FALSE(limber::listed_app_running(processes, {}));
    CHECK_FALSE(limber::listed_app_running({".exe"}, {""}));
}

TEST_CASE("polled hold: the first reading, then only changes, and nothing after stop")
{
    boost::asio::io_context io;
    std::optional<HoldReason> state;
    int reads = 0;
    limber::PolledHold hold(
        io, "fake",
        [&] {
            ++reads;
            return state;
        },
        20ms);
    CHECK(hold.name() == "fake");
    std::vector<std::optional<HoldReason>> seen;
    hold.start([&](const std::optional<HoldReason>& r) { seen.push_back(r); });
    REQUIRE(seen.size() == 1);
    CHECK_FALSE(seen[0]);
    run_until(io, [&] { return reads >= 3; }, 1000ms);
    CHECK(seen.size() == 1);
    state = HoldReason{HoldKind::Apps, "zoom"};
    REQUIRE(run_until(io, [&] { return seen.size() == 2; }, 1000ms));
    CHECK(seen[1] == state);
    state.reset();
    REQUIRE(run_until(io, [&] { return seen.size() == 3; }, 1000ms));
    CHECK_FALSE(seen[2]);
    hold.stop();
    const int after = reads;
    run_until(io, [] { return false; }, 100ms);
    CHECK(reads == after);
}
