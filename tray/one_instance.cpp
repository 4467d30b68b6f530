#include "one_instance.hpp"

#include <wx/app.h>
#include <wx/ipc.h>
#include <wx/log.h>
#include <wx/utils.h>

#include <system_error>

namespace limber::tray {
namespace {

constexpr const char* topic = "limber-tray";

std::string socket_in(const std::filesystem::path& dir) { return (dir / "tray.sock").string(); }

class Connection final : public wxConnection {
public:
    explicit Connection(std::function<void(const std::string&)> on_request) : on_request_(std::move(on_request)) {}
    bool OnExec(const wxString&, const wxString& data) override
    {
        const std::string request = data.utf8_string();
        wxLogMessage("another limber-tray asked for \"%s\"", request);
        // After the reply: the request may open a modal dialog, which must not hold the client.
        wxTheApp->CallAfter([on = on_request_, request] { on(request); });
        return true;
    }

private:
    std::function<void(const std::string&)> on_request_;
};

class Server final : public wxServer {
public:
    explicit Server(std::function<void(const std::string&)> on_request) : on_request_(std::move(on_request)) {}
    wxConnectionBase* OnAcceptConnection(const wxString& asked) override
    {
        return asked == topic ? new Connection(on_request_) : nullptr;
    }

private:
    std::function<void(const std::string&)> on_request_;
};

}  // namespace

OneInstance::OneInstance(std::filesystem::path dir) : dir_(std::move(dir)) {}

OneInstance::~OneInstance()
{
    if (!server_) return;
    server_.reset();
    std::error_code ec;
    std::filesystem::remove(socket_in(dir_), ec);
}

OneInstance::Role OneInstance::claim(const std::string& request)
{
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    std::filesystem::permissions(dir_, std::filesystem::perms::owner_all, ec);
    if (!lock_.Create("tray.lock", wxString::FromUTF8(dir_.string()))) {
        wxLogWarning("cannot take the one-tray lock in %s; running anyway", dir_.string());
        return Role::First;
    }
    if (!lock_.IsAnotherRunning()) return Role::First;
    // The first one may be starting and not listening yet: a few tries over two seconds.
    for (int attempt = 0; attempt < 20; ++attempt) {
        wxLogNull quiet;  // a refused connection is expected while it starts
        wxClient client;
        if (std::unique_ptr<wxConnectionBase> c{client.MakeConnection("localhost", socket_in(dir_), topic)}) {
            const bool taken = c->Execute(wxString::FromUTF8(request));
            c->Disconnect();
            if (taken) return Role::HandedOver;
        }
        wxMilliSleep(100);
    }
    return Role::NoAnswer;
}

void OneInstance::serve(std::function<void(const std::string&)> on_request)
{
    const std::string path = socket_in(dir_);
    std::error_code ec;
    std::filesystem::remove(path, ec);  // left by a tray that crashed: the lock is ours now
    auto server = std::make_unique<Server>(std::move(on_request));
    if (!server->Create(path)) {
        wxLogWarning("cannot listen on %s: a second limber-tray will not find this one", path);
        return;
    }
    server_ = std::move(server);
}

}  // namespace limber::tray
