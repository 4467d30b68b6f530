// The real control channel server on its own thread, on a fresh endpoint (a socket in a new
// directory, or a new pipe name: support/ipc_os.hpp), with a trivial handler: what the channel
// does, without a scheduler behind it.
#pragma once

#include "ipc/server.hpp"
#include "ipc/session.hpp"
#include "ipc_os.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <memory>
#include <stdexcept>
#include <thread>

namespace limber::test {

// status: a fixed result; hello: echoes the client name; skip: refused; snooze: throws;
// anything else: ok with the verb's name.
inline protocol::Reply trivial_handler(const protocol::Request& request, ipc::Session& session)
{
    using protocol::Reply;
    switch (request.verb) {
    case protocol::Verb::Status: return Reply::success({{"phase", "working"}, {"earned_seconds", 0}});
    case protocol::Verb::Hello:
        session.set_client_name(std::get<protocol::HelloArgs>(request.args).client);
        return Reply::success({{"client", session.client_name()}});
    case protocol::Verb::Skip: return Reply::failure(protocol::ErrorCode::Refused, "no break to skip");
    case protocol::Verb::Snooze: throw std::runtime_error("snooze exploded");
    default: return Reply::success({{"verb", protocol::to_string(request.verb)}});
    }
}

class TestServer {
public:
    explicit TestServer(ipc::ServerOptions options = {}, const std::string& subdir = "run")
        : endpoint_(subdir), server_(std::make_unique<ipc::Server>(io_, endpoint_.path(), trivial_handler, options))
    {
        server_->start();
        thread_ = std::thread([this] { io_.run(); });
    }
    ~TestServer()
    {
        // The server is destroyed on its own thread; run() then returns as nothing is left to do.
        boost::asio::post(io_, [this] { server_.reset(); });
        thread_.join();
    }
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    [[nodiscard]] const std::filesystem::path& socket() const { return endpoint_.path(); }
    ipc::Server& server() { return *server_; }

private:
    Endpoint endpoint_;
    boost::asio::io_context io_;
    std::unique_ptr<ipc::Server> server_;
    std::thread thread_;
};

}  // namespace limber::test
