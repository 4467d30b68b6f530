// One client's connection, the same for every transport: the OS's part is only Stream and
// close_stream() (ipc/os.hpp).
#include "ipc/session.hpp"

#include "ipc/hub.hpp"

#include <boost/asio/write.hpp>

namespace limber::ipc {

namespace asio = boost::asio;
using namespace limber::protocol;

Session::Session(Stream stream, std::shared_ptr<Server::Hub> hub, std::uint64_t id, ProcessId peer_pid)
    : socket_(std::move(stream)), timer_(socket_.get_executor()), hub_(std::move(hub)), id_(id), peer_pid_(peer_pid)
{
}

void Session::begin() { read_more(); }

void Session::read_more()
{
    socket_.async_read_some(asio::buffer(chunk_), [self = shared_from_this()](const boost::system::error_code& ec, std::size_t n) {
        self->on_read(ec, n);
    });
}

void Session::on_read(const boost::system::error_code& ec, std::size_t n)
{
    if (closed_) return;
    if (ec) {
        if (!in_.empty()) logger().info("client {} (pid {}) left in the middle of a line", id_, peer_pid_);
        logger().debug("client {} (pid {}) disconnected: {}", id_, peer_pid_, ec.message());
        close();
        return;
    }
    const bool had_partial = !in_.empty();
    in_.append(chunk_.data(), n);

    bool finished_a_line = false;
    std::size_t start = 0;
    for (std::size_t nl; (nl = in_.find('\n', start)) != std::string::npos; start = nl + 1) {
        std::string_view line(in_.data() + start, nl - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // tolerate CRLF from hand-typed sessions
        if (line.size() > max_line) return refuse_too_long(line.size());
        finished_a_line = true;
        handle_line(line);
        if (closed_ || closing_) return;
    }
    in_.erase(0, start);
    if (in_.size() > max_line) return refuse_too_long(in_.size());

    // The line timeout runs from the first byte of a line to its newline.
    if (in_.empty())
        timer_.cancel();
    else if (!had_partial || finished_a_line)
        arm_timer("sent part of a line and stalled");
    read_more();
}

void Session::handle_line(std::string_view line)
{
    if (line.find_first_not_of(" \t") == std::string_view::npos) return;  // blank lines are harmless
    last_heard_ = std::chrono::steady_clock::now();
    auto parsed = parse_request(line);
    if (const auto* error = std::get_if<ProtocolError>(&parsed)) {
        logger().debug("client {}: {}: {}", id_, to_string(error->code), error->message);
        send(to_line(Reply::failure(*error)));
        return;
    }
    const auto& request = std::get<Request>(parsed);
    Reply reply;
    try {
        reply = hub_->handler(request, *this);
    } catch (const std::exception& e) {
        logger().error("handling \"{}\" for client {} failed: {}", to_string(request.verb), id_, e.what());
        reply = Reply::failure(ErrorCode::Internal, std::string("the daemon failed to handle \"") + to_string(request.verb) + "\": " + e.what());
    } catch (...) {
        logger().error("handling \"{}\" for client {} failed with an unknown exception", to_string(request.verb), id_);
        reply = Reply::failure(ErrorCode::Internal, std::string("the daemon failed to handle \"") + to_string(request.verb) + "\"");
    }
    reply.id = request.id;
    if (request.verb == Verb::Subscribe && reply.ok) subscribed_ = true;
    send(to_line(reply));
}

void Session::refuse_too_long(std::size_t size)
{
    logger().warn("client {} (pid {}) sent a line of {}+ bytes; closing", id_, peer_pid_, size);
    send(to_line(Reply::failure(ErrorCode::TooLong, "request line is over the limit of " + std::to_string(max_line) +
                                                        " bytes; closing the connection")));
    close_after_flush();
}

void Session::send(std::string line)
{
    if (closed_) return;
    queued_bytes_ += line.size();
    if (queued_bytes_ > hub_->options.max_queued_bytes) {
        logger().warn("client {} (pid {}) is not reading ({} bytes waiting); dropping it", id_, peer_pid_, queued_bytes_);
        close();
        return;
    }
    out_.push_back(std::move(line));
    if (!writing_) write_next();
}

void Session::write_next()
{
    writing_ = true;
    asio::async_write(socket_, asio::buffer(out_.front()), [self = shared_from_this()](const boost::system::error_code& ec, std::size_t) {
        self->writing_ = false;
        self->queued_bytes_ -= self->out_.front().size();
        self->out_.pop_front();
        if (self->closed_) return;
        if (ec) {
            logger().debug("client {}: write failed: {}", self->id_, ec.message());
            self->close();
        } else if (!self->out_.empty()) {
            self->write_next();
        } else if (self->closing_) {
            self->end(true);  // the last reply is written: let the client read it
        }
    });
}

void Session::close_after_flush()
{
    closing_ = true;
    if (!writing_) return end(true);
    // A client that will not read its last reply does not get to keep the connection.
    arm_timer("did not read its last reply");
}

void Session::arm_timer(const char* why)
{
    timer_reason_ = why;
    timer_.expires_after(hub_->options.line_timeout);
    timer_.async_wait([weak = weak_from_this()](const boost::system::error_code& ec) {
        if (ec) return;  // cancelled or re-armed
        if (auto self = weak.lock(); self && !self->closed_) {
            logger().info("client {} (pid {}) {}; dropping it", self->id_, self->peer_pid_, self->timer_reason_);
            self->close();
        }
    });
}

void Session::close() { end(false); }

void Session::end(bool keep_unread)
{
    if (closed_) return;
    closed_ = true;
    timer_.cancel();
    close_stream(socket_, keep_unread);
    // Queued lines stay until the in-flight write completes: it still points into out_.front().
    hub_->forget(id_);
}

}  // namespace limber::ipc
