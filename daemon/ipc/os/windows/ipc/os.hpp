// The Windows half of the control channel's types: a named pipe instance, driven by Asio with
// overlapped I/O, and users as SID strings ("S-1-5-21-..."), since Windows has no uid. Picked
// by include directory (daemon/ipc/CMakeLists.txt), so that the server's and the session's
// code is one.
#pragma once

#include <boost/asio/windows/stream_handle.hpp>

#include <string>

namespace limber::ipc {

// One client's connection, as Asio reads and writes it: the server end of a pipe instance.
using Stream = boost::asio::windows::stream_handle;
using ProcessId = unsigned long;  // a DWORD
// Who may connect: the SID of the user's account, as a string.
using UserId = std::string;

// The SID of the user this process runs as; empty when Windows will not say, and then no
// client is admitted (and start() refuses to create the pipe).
UserId current_user();

// Ends a connection. Dropping a client disconnects the pipe, which throws away whatever it has
// not read: it was not reading. After a last reply (`keep_unread`) the handle is only closed, so
// the client still reads that reply before it sees the pipe end.
void close_stream(Stream& stream, bool keep_unread) noexcept;

}  // namespace limber::ipc
