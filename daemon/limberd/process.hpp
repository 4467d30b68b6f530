// What limberd asks of its process before it starts, per OS (process_<os>.cpp).
#pragma once

namespace limber {

// Linux: a client that hangs up mid-reply, or a dead display server, must not kill the daemon
// (SIGPIPE ignored). Windows: a background program shows no error dialog of its own (a crash
// is logged and reported, never a box nobody asked for).
void prepare_process();

}  // namespace limber
