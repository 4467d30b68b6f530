// The tray's line to limberd: a thread that follows the daemon's pushed events (and
// reconnects with backoff when it restarts), and commands sent from the GUI thread.
#pragma once

#include "client/client.hpp"

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
    // A command from the GUI thread. Throws ClientError (DaemonNotRunning when it is down).
    protocol::Reply call(protocol::Verb verb, protocol::Args args = {});
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
    std::optional<Client> commands_;
    std::shared_ptr<std::atomic<bool>> alive_ = std::make_shared<std::atomic<bool>>(true);
};

}  // namespace limber::tray
