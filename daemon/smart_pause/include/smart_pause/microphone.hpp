// Smart pause's microphone signal: an application records from the sound server (a call).
// A libpulse context, run on the daemon's Asio loop (pulse_loop.hpp), subscribes to the
// server's capture streams ("source outputs"); on each change it lists them, and the signal is
// on while one is running (not corked). PipeWire answers the same through pipewire-pulse.
//
// Not counted: our own process's streams, and the level meters of the volume controls that
// name themselves in application.id (pavucontrol, GNOME's and MATE's, KMix), which record all
// the time they are open. Other meters (plasma-pa's applet, for one) cannot be told from a
// call and count. Streams that record a sink's monitor (screen recorders) count too.
//
// Without a sound server the source says so once, stays off, and tries again every `retry`
// (a minute by default; zero: never); a server that goes away is tried again the same way.
// libpulse itself is loaded only when a server's socket is there (pulse_api.hpp).
#pragma once

#include "smart_pause/hold_source.hpp"

#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <optional>
#include <string>

struct pa_context;
struct pa_source_output_info;

namespace limber {

struct PulseApi;
class PulseAsioLoop;

// Whether a capture stream with these properties is one that means a call, and whose it is:
// its application's name (else its program's), or nullopt when it does not count.
struct CaptureStream {
    bool corked = false;
    std::string app_name;     // application.name
    std::string app_id;       // application.id
    std::string binary;       // application.process.binary
    std::string pid;          // application.process.id
};
std::optional<std::string> capture_user(const CaptureStream& stream, const std::string& own_pid);

class MicrophoneWatch final : public HoldSource {
public:
    explicit MicrophoneWatch(boost::asio::io_context& io, std::chrono::seconds retry = std::chrono::minutes(1));
    ~MicrophoneWatch() override;

    void start(HoldCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override { return "microphone"; }

private:
    void connect();
    void disconnect();
    void failed();
    void unavailable();  // no server (or no client library) now: off, said once, tried again later
    void ready();
    void list();
    void listed_one(const pa_source_output_info& info);
    void listed_all();
    void report(const std::optional<std::string>& user);

    boost::asio::io_context& io_;
    std::chrono::seconds retry_;
    boost::asio::steady_timer retry_timer_;
    const PulseApi* pa_ = nullptr;  // loaded when a server is first there
    std::unique_ptr<PulseAsioLoop> loop_;
    pa_context* context_ = nullptr;
    HoldCallback on_change_;
    bool running_ = false;
    bool connected_ = false;  // the context reached READY
    bool warned_ = false;     // "no sound server" said once
    bool listing_ = false;    // a listing is under way
    bool relist_ = false;     // something changed during it
    std::optional<std::string> found_;  // the listing's first recording application
    std::optional<std::string> user_;
    bool reported_ = false;
    std::shared_ptr<bool> alive_;
};

}  // namespace limber
