// The POSIX half of the control channel's types: a Unix stream socket, and users and processes
// as the kernel numbers them (the peer's are read with SO_PEERCRED). Picked by include
// directory (daemon/ipc/CMakeLists.txt), so that the server's and the session's code is one.
#pragma once

#include <boost/asio/local/stream_protocol.hpp>

#include <sys/types.h>
#include <unistd.h>

namespace limber::ipc {

// One client's connection, as Asio reads and writes it.
using Stream = boost::asio::local::stream_protocol::socket;
using ProcessId = pid_t;
// Who may connect: a uid.
using UserId = uid_t;

inline UserId current_user() { return ::geteuid(); }

// Ends a connection. Unix sockets keep what was written for the peer to read either way, so a
// last reply survives both kinds of close.
inline void close_stream(Stream& stream, bool /*keep_unread*/) noexcept
{
    boost::system::error_code ignored;
    stream.shutdown(Stream::shutdown_both, ignored);
    stream.close(ignored);
}

}  // namespace limber::ipc
