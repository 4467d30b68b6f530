// The tray's requests to limberd never block the thread that makes them: they go out on a
// worker thread, in order, and each reply (or why there is none) comes back through the
// posting function, as the GUI thread's CallAfter does in the tray. Against a socket server of
// the test's own whose replies wait for the test to let them go, so nothing here is timed.
#include "model/requests.hpp"

#include "support/catch.hpp"
#include "support/temp_dir.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
using limber::protocol::Reply;
using limber::protocol::Verb;
using limber::tray::Outcome;
using limber::tray::Requests;

namespace {

// A stand-in GUI thread: what is posted waits here until the test runs it.
class GuiQueue {
public:
    void post(std::function<void()> f)
    {
        {
            std::lock_guard lock(mutex_);
            queue_.push_back(std::move(f));
        }
        wake_.notify_all();
    }
    // Runs what was posted until `done` holds; false when 10 s pass first (a hang, not a timing).
    bool run_until(const std::function<bool()>& done)
    {
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (!done()) {
            std::unique_lock lock(mutex_);
            if (!wake_.wait_until(lock, deadline, [this] { return !queue_.empty(); })) return false;
            auto f = std::move(queue_.front());
            queue_.pop_front();
            lock.unlock();
            f();
        }
        return true;
    }
    void run_all()
    {
        std::unique_lock lock(mutex_);
        while (!queue_.empty()) {
            auto f = std::move(queue_.front());
            queue_.pop_front();
            lock.unlock();
            f();
            lock.lock();
        }
    }

private:
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> queue_;
};

// limberd as far as requests go: answers hello at once and every other request only once the
// gate is open; skip is refused. Counts what it received and the connections it accepted.
class GatedServer {
public:
    explicit GatedServer(std::filesystem::path socket) : socket_(std::move(socket))
    {
        fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::strncpy(addr.sun_path, socket_.c_str(), sizeof addr.sun_path - 1);
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd_, 4) != 0)
            throw std::runtime_error("cannot listen on " + socket_.string());
        thread_ = std::thread([this] { serve(); });
    }
    ~GatedServer()
    {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
            open_ = true;
            if (client_ >= 0) ::shutdown(client_, SHUT_RDWR);
        }
        wake_.notify_all();
        ::shutdown(fd_, SHUT_RDWR);
        thread_.join();
        ::close(fd_);
    }
    void open()
    {
        {
            std::lock_guard lock(mutex_);
            open_ = true;
        }
        wake_.notify_all();
    }
    // Hang up after each reply, as a limberd that restarts between requests.
    void hang_up_after_each_reply() { hang_up_ = true; }
    // Waits (10 s at most) until `n` requests other than hello arrived.
    bool received(std::size_t n)
    {
        std::unique_lock lock(mutex_);
        return wake_.wait_for(lock, 10s, [&] { return verbs_.size() >= n; });
    }
    std::vector<Verb> verbs()
    {
        std::lock_guard lock(mutex_);
        return verbs_;
    }
    int connections() const { return connections_; }

private:
    void serve()
    {
        for (;;) {
            const int c = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (c < 0) return;
            {
                std::lock_guard lock(mutex_);
                client_ = c;
                ++connections_;
            }
            talk(c);
            {
                std::lock_guard lock(mutex_);
                client_ = -1;
            }
            ::close(c);
            std::lock_guard lock(mutex_);
            if (stopping_) return;
        }
    }
    void talk(int c)
    {
        std::string in;
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(c, buffer, sizeof buffer);
            if (n <= 0) return;
            in.append(buffer, static_cast<std::size_t>(n));
            for (auto end = in.find('\n'); end != std::string::npos; end = in.find('\n')) {
                const std::string line = in.substr(0, end);
                in.erase(0, end + 1);
                const auto parsed = limber::protocol::parse_request(line);
                const auto* request = std::get_if<limber::protocol::Request>(&parsed);
                if (!request) return;
                Reply reply = Reply::success({{"verb", limber::protocol::to_string(request->verb)}});
                if (request->verb != Verb::Hello) {
                    std::unique_lock lock(mutex_);
                    verbs_.push_back(request->verb);
                    wake_.notify_all();
                    wake_.wait(lock, [this] { return open_; });
                    if (stopping_) return;
                    if (request->verb == Verb::Skip) reply = Reply::failure(limber::protocol::ErrorCode::Refused, "no break to skip");
                }
                reply.id = request->id;
                const std::string out = limber::protocol::to_line(reply);
                if (::write(c, out.data(), out.size()) != static_cast<ssize_t>(out.size())) return;
                if (hang_up_ && request->verb != Verb::Hello) return;
            }
        }
    }

    std::filesystem::path socket_;
    int fd_ = -1;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool open_ = false;
    bool stopping_ = false;
    int client_ = -1;
    std::atomic<bool> hang_up_{false};
    std::atomic<int> connections_{0};
    std::vector<Verb> verbs_;
};

}  // namespace

TEST_CASE("a request returns before limberd answers; the replies come back through post, in order")
{
    limber::test::TempDir dir;
    GatedServer server(dir.path() / "limberd.sock");
    GuiQueue gui;
    Requests requests(dir.path() / "limberd.sock", [&](std::function<void()> f) { gui.post(std::move(f)); });
    std::vector<std::string> answered;
    const auto note = [&](const Outcome& o) {
        REQUIRE(o.reply);
        answered.push_back(o.reply->ok ? o.reply->result.value("verb", "") : "refused: " + o.message());
    };
    requests.send(Verb::Snooze, {}, note);
    requests.send(Verb::Skip, {}, note);
    requests.send(Verb::Resume, {}, note);
    // The first is on the wire and limberd holds its answer: the caller is free meanwhile.
    REQUIRE(server.received(1));
    gui.run_all();
    CHECK(answered.empty());
    server.open();
    REQUIRE(gui.run_until([&] { return answered.size() == 3; }));
    CHECK(answered == std::vector<std::string>{"snooze", "refused: no break to skip", "resume"});
    CHECK(server.verbs() == std::vector<Verb>{Verb::Snooze, Verb::Skip, Verb::Resume});
    CHECK(server.connections() == 1);
}

TEST_CASE("with no limberd, the callback says it is not running")
{
    limber::test::TempDir dir;
    GuiQueue gui;
    Requests requests(dir.path() / "limberd.sock", [&](std::function<void()> f) { gui.post(std::move(f)); });
    std::optional<Outcome> outcome;
    requests.send(Verb::Snooze, {}, [&](const Outcome& o) { outcome = o; });
    REQUIRE(gui.run_until([&] { return outcome.has_value(); }));
    CHECK_FALSE(outcome->ok());
    CHECK_FALSE(outcome->reply);
    CHECK(outcome->not_running);
    CHECK(outcome->message().find("not running") != std::string::npos);
}

TEST_CASE("a limberd that restarted between requests gets one fresh connection")
{
    limber::test::TempDir dir;
    GatedServer server(dir.path() / "limberd.sock");
    server.open();
    server.hang_up_after_each_reply();
    GuiQueue gui;
    Requests requests(dir.path() / "limberd.sock", [&](std::function<void()> f) { gui.post(std::move(f)); });
    int ok = 0;
    requests.send(Verb::Snooze, {}, [&](const Outcome& o) { ok += o.ok(); });
    REQUIRE(gui.run_until([&] { return ok == 1; }));
    requests.send(Verb::Resume, {}, [&](const Outcome& o) { ok += o.ok(); });
    REQUIRE(gui.run_until([&] { return ok == 2; }));
    CHECK(server.connections() == 2);
}

TEST_CASE("going away with a request on the wire: no wait for limberd, and no callback afterwards")
{
    limber::test::TempDir dir;
    GatedServer server(dir.path() / "limberd.sock");
    GuiQueue gui;
    bool called = false;
    {
        Requests requests(dir.path() / "limberd.sock", [&](std::function<void()> f) { gui.post(std::move(f)); });
        requests.send(Verb::Snooze, {}, [&](const Outcome&) { called = true; });
        requests.send(Verb::Resume, {}, [&](const Outcome&) { called = true; });
        REQUIRE(server.received(1));
        // limberd never answers: the destructor interrupts the call rather than waiting for it.
    }
    gui.run_all();
    CHECK_FALSE(called);
    CHECK(server.verbs() == std::vector<Verb>{Verb::Snooze});
}
