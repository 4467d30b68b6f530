#include "daemon_link.hpp"

#include <wx/app.h>

namespace limber::tray {

using namespace std::chrono_literals;

DaemonLink::DaemonLink(std::filesystem::path socket, Handlers handlers)
    : socket_(std::move(socket)), handlers_(std::move(handlers))
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

protocol::Reply DaemonLink::call(protocol::Verb verb, protocol::Args args)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        try {
            if (!commands_) {
                commands_.emplace(socket_, 3s);
                commands_->call(protocol::Verb::Hello, protocol::HelloArgs{"limber-tray-commands"});
            }
            return commands_->call(verb, args);
        } catch (const DaemonNotRunning&) {
            commands_.reset();
            throw;
        } catch (const ClientError&) {
            commands_.reset();  // the daemon restarted since: one fresh connection, then give up
            if (attempt == 1) throw;
        }
    }
    throw ClientError("unreachable");
}

}  // namespace limber::tray
