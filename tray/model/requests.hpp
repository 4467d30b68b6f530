// Requests to limberd that never block the caller. One worker thread sends them, in the order
// they were made, on one connection of its own; each reply (or why there is none) comes back
// through `post`, which the tray points at its GUI thread (wxApp::CallAfter). Nothing here
// knows wx: tests drive it with a plain queue for a GUI thread.
#pragma once

#include "limber/protocol.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace limber {
class Client;
}

namespace limber::tray {

// What became of a request: limberd's reply (ok or refused), or why there was none.
struct Outcome {
    std::optional<protocol::Reply> reply;
    std::string error;         // no reply: "limberd is not running (no socket at …)", a timeout
    bool not_running = false;  // no reply because nothing listens on the socket

    [[nodiscard]] bool ok() const { return reply && reply->ok; }
    // What to tell the user when it is not ok: limberd's refusal, or the error.
    [[nodiscard]] const std::string& message() const { return reply ? reply->message : error; }
};

class Requests {
public:
    // Runs a function on the thread that owns the callbacks (the GUI thread).
    using Post = std::function<void(std::function<void()>)>;
    using Done = std::function<void(const Outcome&)>;

    Requests(std::filesystem::path socket, Post post, std::chrono::milliseconds timeout = std::chrono::seconds{3},
             std::string client_name = "limber-tray-commands");
    // Stops the worker: a request on the wire is interrupted, queued ones are dropped, and no
    // callback runs after this, even one already posted.
    ~Requests();
    Requests(const Requests&) = delete;
    Requests& operator=(const Requests&) = delete;

    // Queues a request and returns at once; `done` (may be empty) runs through `post` later.
    void send(protocol::Verb verb, protocol::Args args, Done done = {});

private:
    struct Job {
        protocol::Verb verb;
        protocol::Args args;
        Done done;
    };
    void run();
    Outcome call(const Job& job);

    std::filesystem::path socket_;
    Post post_;
    std::chrono::milliseconds timeout_;
    std::string client_name_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> queue_;    // guarded by mutex_
    Client* calling_ = nullptr;  // guarded by mutex_, interrupted on shutdown
    bool stopping_ = false;    // guarded by mutex_
    std::unique_ptr<Client> client_;  // the worker's alone
    // Read on the posting thread: false once this is destroyed, so late callbacks are dropped.
    std::shared_ptr<std::atomic<bool>> alive_ = std::make_shared<std::atomic<bool>>(true);
    std::thread thread_;
};

}  // namespace limber::tray
