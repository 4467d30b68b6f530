// Windows' activity and smart-pause sources against the real system (under Wine in our
// tests): input made with SendInput turns idle to active; the session window turns lock,
// sleep and clock-change messages into events (injected, since Wine never locks or sleeps);
// a consent-store value written to the registry brings a camera hold and takes it away,
// through RegNotifyChangeKeyValue; the process list finds this program; and the factories
// pick the Windows sources. Built only for Windows (tests/windows/CMakeLists.txt).
#include "activity/activity_source.hpp"
#include "activity/windows_session.hpp"
#include "smart_pause/hold_sources.hpp"
#include "smart_pause/windows_holds.hpp"

#include "support/catch.hpp"

#include <windows.h>

#include <condition_variable>
#include <mutex>
#include <chrono>
#include <thread>

using namespace std::chrono_literals;
using limber::Activity;
using limber::ActivityKind;
using limber::HoldKind;
using limber::HoldReason;

namespace {

const limber::SystemClock clock_;

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

// A small relative pointer move: input as a user would make it.
bool nudge_pointer()
{
    INPUT input{};
    input.type = INPUT_MOUSE;
    input.mi.dx = 1;
    input.mi.dy = 1;
    input.mi.dwFlags = MOUSEEVENTF_MOVE;
    return SendInput(1, &input, sizeof input) == 1;
}

// A private consent store under HKCU, removed when done.
struct TestStore {
    static constexpr const wchar_t* root = L"Software\\LimberTest";
    static constexpr const char* store = "Software\\LimberTest\\ConsentStore";
    TestStore() { RegDeleteTreeW(HKEY_CURRENT_USER, root); }
    ~TestStore() { RegDeleteTreeW(HKEY_CURRENT_USER, root); }

    static void set(const std::wstring& app_key, std::uint64_t start, std::uint64_t stop)
    {
        const std::wstring path = L"Software\\LimberTest\\ConsentStore\\" + app_key;
        HKEY key = nullptr;
        REQUIRE(RegCreateKeyExW(HKEY_CURRENT_USER, path.c_str(), 0, nullptr, 0, KEY_WRITE, nullptr, &key, nullptr) ==
                ERROR_SUCCESS);
        RegSetValueExW(key, L"LastUsedTimeStart", 0, REG_QWORD, reinterpret_cast<const BYTE*>(&start), sizeof start);
        RegSetValueExW(key, L"LastUsedTimeStop", 0, REG_QWORD, reinterpret_cast<const BYTE*>(&stop), sizeof stop);
        RegCloseKey(key);
    }
};

}  // namespace

TEST_CASE("windows idle: SendInput makes the user active, a threshold without input idle, and input active again")
{
    REQUIRE(nudge_pointer());
    const auto ticks = limber::read_windows_input_ticks();
    REQUIRE(ticks);
    CHECK(ticks->now - ticks->last_input < 1000u);  // the input just made

    boost::asio::io_context io;
    auto watch = limber::open_windows_idle(io, 600ms, clock_);
    std::vector<Activity> seen;
    watch->start([&](const Activity& a) { seen.push_back(a); });
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].kind == ActivityKind::Active);
    REQUIRE(run_until(io, [&] { return seen.size() == 2; }, 3000ms));
    CHECK(seen[1].kind == ActivityKind::Idle);
    CHECK(seen[1].since.has_value());
    const auto looks = watch->readings();
    CHECK(looks <= 3);  // the first look, one at the threshold (maybe one more for the counter's grain)

    REQUIRE(nudge_pointer());
    // Idle is polled every 2 s: by then this one touch is older than the threshold, so the
    // return is told, and idle again at once.
    REQUIRE(run_until(io, [&] { return seen.size() >= 3; }, 3000ms));
    CHECK(seen[2].kind == ActivityKind::Active);
    REQUIRE(run_until(io, [&] { return seen.size() == 4; }, 1000ms));
    CHECK(seen[3].kind == ActivityKind::Idle);
    watch->stop();
}

TEST_CASE("windows session: lock, sleep and clock-change messages reach the loop as events")
{
    boost::asio::io_context io;
    limber::WindowsSession session(io);
    std::vector<ActivityKind> seen;
    session.start([&](const Activity& a) { seen.push_back(a.kind); });
    REQUIRE(session.window());
    INFO("top-level window: " << session.window()->top_level());
    REQUIRE(seen == std::vector<ActivityKind>{ActivityKind::Active});

    session.window()->inject(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK);
    REQUIRE(run_until(io, [&] { return seen.size() == 2; }, 2000ms));
    session.window()->inject(WM_POWERBROADCAST, PBT_APMSUSPEND);
    REQUIRE(run_until(io, [&] { return seen.size() == 3; }, 2000ms));
    session.window()->inject(WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC);
    REQUIRE(run_until(io, [&] { return seen.size() == 4; }, 2000ms));
    session.window()->inject(WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK);
    REQUIRE(run_until(io, [&] { return seen.size() == 5; }, 2000ms));
    CHECK(seen == std::vector<ActivityKind>{ActivityKind::Active, ActivityKind::Locked, ActivityKind::Asleep,
                                            ActivityKind::Locked, ActivityKind::Active});
    session.stop();
    session.stop();  // twice is fine

    // The clock's own watcher (limberd) holds a window for WM_TIMECHANGE.
    std::vector<limber::SessionEvent> events;
    auto window = limber::SessionWindow::open(io, [&](limber::SessionEvent e) { events.push_back(e); });
    REQUIRE(window);
    window->inject(WM_TIMECHANGE, 0);
    window->inject(WM_PAINT, 0);  // not ours
    REQUIRE(run_until(io, [&] { return !events.empty(); }, 2000ms));
    run_until(io, [] { return false; }, 100ms);
    CHECK(events == std::vector<limber::SessionEvent>{limber::SessionEvent::TimeChanged});
    // A top-level window (there is one where Wine has a display: run under Xvfb) gets the
    // broadcast that Windows sends when the clock is set.
    if (window->top_level()) {
        events.clear();
        SendMessageTimeoutW(HWND_BROADCAST, WM_TIMECHANGE, 0, 0, SMTO_ABORTIFHUNG, 2000, nullptr);
        REQUIRE(run_until(io, [&] { return !events.empty(); }, 2000ms));
        CHECK(events == std::vector<limber::SessionEvent>{limber::SessionEvent::TimeChanged});
    } else {
        WARN("no top-level window here (Wine without a display): the broadcast of WM_TIMECHANGE is not tried");
    }
    window->inject(WM_TIMECHANGE, 0);
    const auto told = events.size();
    window.reset();  // its event, still queued, is dropped
    run_until(io, [] { return false; }, 100ms);
    CHECK(events.size() == told);
}

// Windows at a log-off, for the tests below: WM_ENDSESSION sent to a window from a thread of
// its own, as another process's SendMessage would be, noting when the window answered. The
// window's handler asks answered_within() whether the answer came while it was still working.
class LogOff {
public:
    bool answered_within(std::chrono::milliseconds limit)
    {
        std::unique_lock lock(m_);
        return changed_.wait_for(lock, limit, [&] { return answered_; });
    }

    // Sends the messages from a thread, runs the loop until the window answered, and returns
    // whether it did within ten seconds.
    bool send(boost::asio::io_context& io, limber::SessionWindow& window, bool called_off_first)
    {
        std::thread windows_itself([&] {
            if (called_off_first) window.inject(WM_ENDSESSION, FALSE);  // nothing happens
            window.inject(WM_ENDSESSION, TRUE);
            const std::lock_guard lock(m_);
            answered_ = true;
            changed_.notify_all();
        });
        const bool done = run_until(io, [&] {
            const std::lock_guard lock(m_);
            return answered_;
        }, 10000ms);
        windows_itself.join();
        return done;
    }

private:
    std::mutex m_;
    std::condition_variable changed_;
    bool answered_ = false;
};

TEST_CASE("windows session: the session's end is answered only once the loop has handled it")
{
    // Once a window answers WM_ENDSESSION, Windows may end the process: limberd must have
    // saved by then. The loop's handler here waits a second for the answer to come (which
    // it must not), then closes the window, as limberd's stop() does.
    boost::asio::io_context io;
    LogOff log_off;
    std::unique_ptr<limber::SessionWindow> window;
    bool answered_while_handling = true;
    window = limber::SessionWindow::open(io, [&](limber::SessionEvent e) {
        if (e != limber::SessionEvent::SessionEnding) return;
        answered_while_handling = log_off.answered_within(1000ms);
        window.reset();
    });
    REQUIRE(window);
    const auto started = std::chrono::steady_clock::now();
    REQUIRE(log_off.send(io, *window, true));
    CHECK_FALSE(answered_while_handling);
    CHECK_FALSE(window);
    // Before the fallback of four seconds: closing the window released the wait.
    CHECK(std::chrono::steady_clock::now() - started < 3500ms);
}

TEST_CASE("windows session: a session's end the loop handles and returns from is answered at once")
{
    // The activity source's window: its handler returns, and the answer follows.
    boost::asio::io_context io;
    LogOff log_off;
    bool answered_while_handling = true;
    auto window = limber::SessionWindow::open(io, [&](limber::SessionEvent e) {
        if (e == limber::SessionEvent::SessionEnding) answered_while_handling = log_off.answered_within(500ms);
    });
    REQUIRE(window);
    const auto started = std::chrono::steady_clock::now();
    REQUIRE(log_off.send(io, *window, false));
    CHECK_FALSE(answered_while_handling);
    CHECK(window);
    CHECK(std::chrono::steady_clock::now() - started < 3500ms);  // the four seconds' fallback was not what ended it
}

TEST_CASE("windows camera: a consent-store value in the registry brings the hold and takes it away")
{
    TestStore store;
    TestStore::set(L"webcam\\Microsoft.WindowsCamera_8wekyb3d8bbwe", 1000, 2000);  // used before, not now
    boost::asio::io_context io;
    limber::ConsentWatch watch(io, HoldKind::Camera, std::string(TestStore::store) + "\\webcam");
    std::vector<std::optional<HoldReason>> seen;
    watch.start([&](const std::optional<HoldReason>& r) { seen.push_back(r); });
    REQUIRE(seen.size() == 1);
    CHECK_FALSE(seen[0]);

    TestStore::set(L"webcam\\NonPackaged\\C:#Program Files#Zoom#bin#Zoom.exe", 3000, 0);
    REQUIRE(run_until(io, [&] { return seen.size() == 2; }, 3000ms));
    CHECK(seen[1] == HoldReason{HoldKind::Camera, "Zoom"});

    TestStore::set(L"webcam\\NonPackaged\\C:#Program Files#Zoom#bin#Zoom.exe", 3000, 4000);
    REQUIRE(run_until(io, [&] { return seen.size() == 3; }, 3000ms));
    CHECK_FALSE(seen[2]);
    watch.stop();
}

TEST_CASE("windows microphone: a missing consent store is one warning and no hold")
{
    TestStore store;
    boost::asio::io_context io;
    limber::ConsentWatch watch(io, HoldKind::Microphone, std::string(TestStore::store) + "\\microphone");
    std::vector<std::optional<HoldReason>> seen;
    watch.start([&](const std::optional<HoldReason>& r) { seen.push_back(r); });
    REQUIRE(seen.size() == 1);
    CHECK_FALSE(seen[0]);
    watch.stop();
}

TEST_CASE("windows notification state and process list answer")
{
    const auto state = limber::read_notification_state();
    REQUIRE(state);
    INFO("notification state " << *state);  // Wine: 5, accepts notifications
    CHECK(*state >= 1);

    const auto names = limber::session_process_names();
    CHECK(limber::listed_app_running(names, {"LIMBER_WINDOWS_SOURCES_TESTS"}) == "LIMBER_WINDOWS_SOURCES_TESTS");

    boost::asio::io_context io;
    auto apps = limber::make_windows_apps_watch(io, {"no-such-program", "limber_windows_sources_tests.exe"});
    std::vector<std::optional<HoldReason>> seen;
    apps->start([&](const std::optional<HoldReason>& r) { seen.push_back(r); });
    REQUIRE(seen.size() == 1);
    CHECK(seen[0] == HoldReason{HoldKind::Apps, "limber_windows_sources_tests.exe"});
    apps->stop();

    auto fullscreen = limber::make_notification_state_watch(io, HoldKind::Fullscreen);
    seen.clear();
    fullscreen->start([&](const std::optional<HoldReason>& r) { seen.push_back(r); });
    REQUIRE(seen.size() == 1);
    CHECK(seen[0] == limber::notification_hold(*state, HoldKind::Fullscreen));
    fullscreen->stop();
}

TEST_CASE("windows factories: auto picks the Windows sources, and what Windows lacks says so")
{
    boost::asio::io_context io;
    auto activity = limber::make_activity_sources(io, "auto", 2s, clock_);
    REQUIRE(activity.size() == 2);
    CHECK(activity[0]->name() == "windows_idle");
    CHECK(activity[1]->name() == "windows_session");
    CHECK(limber::make_activity_sources(io, "windows_idle", 2s, clock_).size() == 1);
    CHECK_THROWS_WITH(limber::make_activity_sources(io, "x11", 2s, clock_), Catch::Contains("LIMBER_WITH_X11=OFF"));

    TestStore store;
    limber::SmartPause settings;
    settings.apps = {"zoom"};
    limber::HoldSourceOptions options;
    options.consent_store = TestStore::store;
    std::vector<std::string> names;
    for (const auto& s : limber::make_hold_sources(io, settings, options)) names.push_back(s->name());
    CHECK(names == std::vector<std::string>{"microphone", "camera", "fullscreen", "apps"});
    options.spec = "do_not_disturb";  // Focus Assist has no documented interface
    CHECK_THROWS_WITH(limber::make_hold_sources(io, settings, options), Catch::Contains("LIMBER_WITH_DBUS=OFF"));
    options.spec = "inhibitors";
    CHECK_THROWS_WITH(limber::make_hold_sources(io, settings, options), Catch::Contains("LIMBER_WITH_DBUS=OFF"));
}
