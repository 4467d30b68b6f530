// The tray's line to limberd: a thread that follows the daemon's pushed events (and
// reconnects with backoff when it restarts), and requests from the GUI thread that never
// block it: their replies come back to the GUI thread (model/requests.hpp).
#pragma once

#include "client/client.hpp"
#include "model/requests.hpp"

#include <wx/weakref.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace limber::tray {

class DaemonLink {
public:
    struct Handlers {
        std::function<void(const nlohmann::json& status)> connected;
        std::function<void()> disconnected;
        std::function<void(const protocol::PushedEvent& event)> event;
    };
    // Handlers run on the GUI thread (posted with CallAfter).
    DaemonLink(std::filesystem::path socket, Handlers handlers);
    ~DaemonLink();

    void start();
    // A request from the GUI thread; returns at once, and `done` runs on the GUI thread with
    // the reply or why there is none.
    void request(protocol::Verb verb, protocol::Args args, Requests::Done done = {});
    [[nodiscard]] const std::filesystem::path& socket() const { return socket_; }
    // Try to connect now rather than at the end of the backoff.
    void nudge();

private:
    void follow();
    void post(std::function<void()> f);

    std::filesystem::path socket_;
    Handlers handlers_;
    std::thread thread_;
    std::atomic<bool> stopping_{false};
    std::mutex mutex_;
    std::condition_variable wake_;
    bool nudged_ = false;
    Client* following_ = nullptr;  // guarded by mutex_, for interrupt() on shutdown
    Requests requests_;
    std::shared_ptr<std::atomic<bool>> alive_ = std::make_shared<std::atomic<bool>>(true);
};

// A reply meant for a window: it reaches `f` only while the window is still there (a window
// closed while its request was on the way is not touched).
template <class Window, class F>
Requests::Done for_window(Window* window, F f)
{
    return [ref = wxWeakRef<Window>(window), f = std::move(f)](const Outcome& outcome) mutable {
        if (Window* w = ref.get()) f(*w, outcome);
    };
}

}  // namespace limber::tray
