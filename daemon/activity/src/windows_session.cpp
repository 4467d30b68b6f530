// Windows' activity sources: GetLastInputInfo read by InputAgeWatch, and the session window's
// thread (see windows_session.hpp). Built only on Windows.
#include "activity/windows_session.hpp"

#include "activity/log.hpp"

#include <windows.h>
#include <wtsapi32.h>

#include <boost/asio/post.hpp>

#include <future>
#include <thread>

namespace limber {

static_assert(win_msg::timechange == WM_TIMECHANGE);
static_assert(win_msg::queryendsession == WM_QUERYENDSESSION);
static_assert(win_msg::endsession == WM_ENDSESSION);
static_assert(win_msg::powerbroadcast == WM_POWERBROADCAST);
static_assert(win_msg::wtssession_change == WM_WTSSESSION_CHANGE);
static_assert(win_msg::pbt_apmsuspend == PBT_APMSUSPEND);
static_assert(win_msg::pbt_apmresumesuspend == PBT_APMRESUMESUSPEND);
static_assert(win_msg::pbt_apmresumeautomatic == PBT_APMRESUMEAUTOMATIC);
static_assert(win_msg::wts_session_lock == WTS_SESSION_LOCK);
static_assert(win_msg::wts_session_unlock == WTS_SESSION_UNLOCK);

std::optional<InputTicks> read_windows_input_ticks()
{
    LASTINPUTINFO info{};
    info.cbSize = sizeof info;
    // The last input first, then the time: read the other way round, an input in between
    // would look 49 days old.
    if (!GetLastInputInfo(&info)) return std::nullopt;
    return InputTicks{GetTickCount(), info.dwTime};
}

std::unique_ptr<InputAgeWatch> open_windows_idle(boost::asio::io_context& io, Millis threshold, const Clock& clock)
{
    return std::make_unique<InputAgeWatch>(io, "windows_idle", read_windows_input_ticks, threshold, clock);
}

// How long the session's end waits for the loop: Windows shows "this app is preventing you
// from signing out" after about five seconds.
constexpr DWORD session_end_wait_ms = 4000;

struct SessionWindow::Thread {
    Thread(boost::asio::io_context& io, OnEvent on_event) : io(io), on_event(std::move(on_event)) {}

    boost::asio::io_context& io;
    OnEvent on_event;
    std::shared_ptr<bool> alive = std::make_shared<bool>(true);  // read and written on the io thread only
    // Set once the loop has handled SessionEnding, or the window is closing: the window's thread
    // waits for it before it answers WM_ENDSESSION. Shared, since a callback may close the window.
    std::shared_ptr<void> released{CreateEventW(nullptr, TRUE, FALSE, nullptr), [](HANDLE h) {
                                       if (h) CloseHandle(h);
                                   }};
    std::thread thread;
    HWND hwnd = nullptr;
    bool top_level = false;
    bool session_registered = false;
    HPOWERNOTIFY power = nullptr;
    DWORD error = 0;  // why the window could not be made, from its own thread

    // On the window's thread: a message for us becomes an event on the io_context. The
    // session's end is answered only once the loop has handled it (limberd saves and stops
    // then), or after session_end_wait_ms, since Windows may end the process once we answer.
    void receive(UINT message, WPARAM wparam)
    {
        const auto event = session_event(message, static_cast<std::uintptr_t>(wparam));
        if (!event) return;
        boost::asio::post(io, [alive = alive, on_event = on_event, released = released, e = *event] {
            if (*alive) on_event(e);
            if (e == SessionEvent::SessionEnding) SetEvent(released.get());
        });
        if (*event == SessionEvent::SessionEnding && released) WaitForSingleObject(released.get(), session_end_wait_ms);
    }

    static LRESULT CALLBACK procedure(HWND hwnd, UINT message, WPARAM wparam, LPARAM lparam)
    {
        if (message == WM_NCCREATE) {
            const auto* create = reinterpret_cast<const CREATESTRUCTW*>(lparam);
            SetWindowLongPtrW(hwnd, GWLP_USERDATA, reinterpret_cast<LONG_PTR>(create->lpCreateParams));
        }
        auto* self = reinterpret_cast<Thread*>(GetWindowLongPtrW(hwnd, GWLP_USERDATA));
        if (self) self->receive(message, wparam);
        switch (message) {
        case WM_POWERBROADCAST: return TRUE;  // never veto a suspend
        case WM_QUERYENDSESSION: return TRUE;  // nor a log-off
        case WM_ENDSESSION: return 0;
        case WM_CLOSE: DestroyWindow(hwnd); return 0;
        case WM_DESTROY:
            if (self) self->unregister();
            PostQuitMessage(0);
            return 0;
        default: return DefWindowProcW(hwnd, message, wparam, lparam);
        }
    }

    void unregister()
    {
        if (session_registered) WTSUnRegisterSessionNotification(hwnd);
        session_registered = false;
        if (power) UnregisterSuspendResumeNotification(power);
        power = nullptr;
    }

    // The thread: makes the window, says whether that worked, then runs its message loop.
    void run(std::promise<bool>& made)
    {
        const HINSTANCE instance = GetModuleHandleW(nullptr);
        static constexpr wchar_t class_name[] = L"LimberSessionWindow";
        WNDCLASSEXW wc{};
        wc.cbSize = sizeof wc;
        wc.lpfnWndProc = &Thread::procedure;
        wc.hInstance = instance;
        wc.lpszClassName = class_name;
        // A second window in the process (limberd's clock watch) finds the class registered.
        if (!RegisterClassExW(&wc) && GetLastError() != ERROR_CLASS_ALREADY_EXISTS) {
            error = GetLastError();
            made.set_value(false);
            return;
        }
        // Never shown; a tool window, so that it would have no taskbar button even if it were.
        hwnd = CreateWindowExW(WS_EX_TOOLWINDOW, class_name, L"Limber", WS_POPUP, 0, 0, 0, 0, nullptr, nullptr, instance, this);
        top_level = hwnd != nullptr;
        if (!hwnd)
            hwnd = CreateWindowExW(0, class_name, L"Limber", 0, 0, 0, 0, 0, HWND_MESSAGE, nullptr, instance, this);
        if (!hwnd) {
            error = GetLastError();
            made.set_value(false);
            return;
        }
        session_registered = WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION) != FALSE;
        // A top-level window gets the power broadcast anyway; a message-only one must ask.
        if (!top_level) power = RegisterSuspendResumeNotification(hwnd, DEVICE_NOTIFY_WINDOW_HANDLE);
        made.set_value(true);
        MSG msg;
        while (GetMessageW(&msg, nullptr, 0, 0) > 0) {
            TranslateMessage(&msg);
            DispatchMessageW(&msg);
        }
    }
};

std::unique_ptr<SessionWindow> SessionWindow::open(boost::asio::io_context& io, OnEvent on_event)
{
    auto t = std::make_unique<Thread>(io, std::move(on_event));
    std::promise<bool> made;
    auto made_future = made.get_future();
    t->thread = std::thread([raw = t.get(), &made] { raw->run(made); });
    if (!made_future.get()) {
        t->thread.join();
        activity_log()->warn("windows: cannot make the session window (error {}); lock and sleep are not tracked",
                             t->error);
        return nullptr;
    }
    if (!t->top_level)
        activity_log()->info("windows: only a message-only window could be made; clock changes are not seen");
    if (!t->session_registered)
        activity_log()->warn("windows: WTSRegisterSessionNotification failed; lock and unlock are not seen");
    return std::unique_ptr<SessionWindow>(new SessionWindow(std::move(t)));
}

SessionWindow::SessionWindow(std::unique_ptr<Thread> thread) : t_(std::move(thread)) {}

SessionWindow::~SessionWindow()
{
    *t_->alive = false;
    SetEvent(t_->released.get());  // a WM_ENDSESSION waiting for the loop need wait no more
    PostMessageW(t_->hwnd, WM_CLOSE, 0, 0);
    t_->thread.join();
}

bool SessionWindow::top_level() const { return t_->top_level; }

void SessionWindow::inject(unsigned message, std::uintptr_t wparam)
{
    SendMessageW(t_->hwnd, message, static_cast<WPARAM>(wparam), 0);
}

void WindowsSession::start(ActivityCallback on_change)
{
    stop();
    states_.start(std::move(on_change));
    window_ = SessionWindow::open(io_, [this](SessionEvent e) { states_.deliver(e); });
}

void WindowsSession::stop()
{
    window_.reset();
    states_.stop();
}

}  // namespace limber
