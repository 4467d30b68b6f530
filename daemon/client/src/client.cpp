// The conversation with limberd, on any transport: requests numbered and matched with their
// replies, pushed events kept in order for whoever follows them, lines bounded.
#include "client/client.hpp"

#include <utility>

namespace limber {
namespace {

// Replies can be large (an export), but a line without end is a broken daemon.
constexpr std::size_t max_reply_line = 64 * 1024 * 1024;

protocol::ServerMessage parse(const std::string& line)
{
    try {
        return protocol::parse_server_message(line);
    } catch (const std::runtime_error& e) {
        throw ClientError(e.what());
    }
}

}  // namespace

Client::~Client() { close(); }

Client::Client(Client&& other) noexcept
    : handle_(std::exchange(other.handle_, -1)), wake_(std::exchange(other.wake_, 0)), socket_(std::move(other.socket_)),
      timeout_(other.timeout_), in_(std::move(other.in_)), events_(std::move(other.events_)), next_id_(other.next_id_)
{
}

Client& Client::operator=(Client&& other) noexcept
{
    if (this != &other) {
        close();
        handle_ = std::exchange(other.handle_, -1);
        wake_ = std::exchange(other.wake_, 0);
        socket_ = std::move(other.socket_);
        timeout_ = other.timeout_;
        in_ = std::move(other.in_);
        events_ = std::move(other.events_);
        next_id_ = other.next_id_;
    }
    return *this;
}

protocol::Reply Client::call(protocol::Verb verb, protocol::Args args)
{
    if (handle_ == -1) throw ClientError("not connected to limberd");
    const auto id = next_id_++;
    const auto deadline = std::chrono::steady_clock::now() + timeout_;
    send_all(protocol::to_line(protocol::Request{id, verb, std::move(args)}), deadline);
    for (;;) {
        const auto line = read_line(deadline);
        if (!line)
            throw ClientError(std::string("limberd did not answer \"") + protocol::to_string(verb) + "\" within " +
                              std::to_string(timeout_.count()) + " ms");
        auto message = parse(*line);
        if (auto* event = std::get_if<protocol::PushedEvent>(&message)) {
            events_.push_back(std::move(*event));
            continue;
        }
        auto& reply = std::get<protocol::Reply>(message);
        // A reply without an id answers a line the daemon could not read: ours, as we wait for one.
        if (!reply.id || *reply.id == id) return std::move(reply);
    }
}

std::optional<protocol::PushedEvent> Client::next_event(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (events_.empty()) {
        const auto line = read_line(deadline);
        if (!line) return std::nullopt;
        auto message = parse(*line);
        if (auto* event = std::get_if<protocol::PushedEvent>(&message)) events_.push_back(std::move(*event));
    }
    auto event = std::move(events_.front());
    events_.pop_front();
    return event;
}

std::optional<std::string> Client::read_line(Deadline deadline)
{
    for (;;) {
        if (const auto nl = in_.find('\n'); nl != std::string::npos) {
            std::string line = in_.substr(0, nl);
            in_.erase(0, nl + 1);
            return line;
        }
        if (in_.size() > max_reply_line) throw ClientError("limberd sent a line over 64 MiB");
        char buf[16384];
        const auto n = receive(buf, sizeof buf, deadline);
        if (!n) return std::nullopt;
        in_.append(buf, *n);
    }
}

}  // namespace limber
