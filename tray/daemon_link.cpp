#include "daemon_link.hpp"

#include <wx/app.h>

namespace limber::tray {

using namespace std::chrono_literals;

DaemonLink::DaemonLink(std::filesystem::path socket, Handlers handlers)
    : socket_(std::move(socket)), handlers_(std::move(handlers)),
      requests_(socket_, [](std::function<void()> f) {
          if (wxTheApp) wxTheApp->CallAfter(std::move(f));
      })
{
}

DaemonLink::~DaemonLink()
{
    *alive_ = false;
    stopping_ = true;
    {
        std::lock_guard lock(mutex_);
        if (following_) following_->interrupt();
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void DaemonLink::start() { thread_ = std::thread([this] { follow(); }); }

void DaemonLink::nudge()
{
    {
        std::lock_guard lock(mutex_);
        nudged_ = true;
    }
    wake_.notify_all();
}

void DaemonLink::post(std::function<void()> f)
{
    if (!wxTheApp) return;
    wxTheApp->CallAfter([alive = alive_, f = std::move(f)] {
        if (*alive) f();
    });
}

void DaemonLink::follow()
{
    auto backoff = 500ms;
    bool was_connected = true;  // so the first failure is reported
    while (!stopping_) {
        try {
            Client client(socket_);
            client.call(protocol::Verb::Hello, protocol::HelloArgs{"limber-tray"});
            const protocol::Reply r = client.subscribe();
            {
                std::lock_guard lock(mutex_);
                following_ = &client;
            }
            if (stopping_) break;
            was_connected = true;
            backoff = 500ms;
            post([this, status = r.result] { handlers_.connected(status); });
            // Events arrive as the daemon sends them: no timeout-driven wake-ups in between.
            while (!stopping_) {
                if (auto e = client.next_event(24h)) post([this, e = *e] { handlers_.event(e); });
            }
        } catch (const ClientError&) {
        }
        {
            std::lock_guard lock(mutex_);
            following_ = nullptr;
        }
        if (stopping_) break;
        if (was_connected) post([this] { handlers_.disconnected(); });
        was_connected = false;
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, backoff, [this] { return stopping_ || nudged_; });
        nudged_ = false;
        backoff = std::min<std::chrono::milliseconds>(backoff * 2, 10s);
    }
}

void DaemonLink::request(protocol::Verb verb, protocol::Args args, Requests::Done done)
{
    requests_.send(verb, std::move(args), std::move(done));
}

}  // namespace limber::tray
