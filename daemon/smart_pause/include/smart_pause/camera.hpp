// Smart pause's camera signal: a process of ours holds a video device open (a video call).
// inotify tells when any video device is opened or closed (and when one appears), so nothing
// polls; each such moment, the processes' open files in /proc say whether one is still open.
#pragma once

#include "smart_pause/hold_source.hpp"

#include <boost/asio/posix/stream_descriptor.hpp>

#include <filesystem>
#include <map>

namespace limber {

// Which of our processes (uid `uid`) under `proc` holds one of `devices` open: its name
// (from comm), or nullopt. Reads only; it opens no device.
std::optional<std::string> camera_user(const std::filesystem::path& proc, const std::vector<std::filesystem::path>& devices,
                                       unsigned uid);

class CameraWatch final : public HoldSource {
public:
    // Watches the video* devices in `dir` (normally /dev), their holders found under `proc`.
    CameraWatch(boost::asio::io_context& io, std::filesystem::path dir, std::filesystem::path proc);
    ~CameraWatch() override;

    void start(HoldCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override { return "camera"; }

private:
    void watch_devices();
    void read_events();
    void check();

    boost::asio::io_context& io_;
    std::filesystem::path dir_;
    std::filesystem::path proc_;
    boost::asio::posix::stream_descriptor inotify_;
    int dir_watch_ = -1;
    std::map<int, std::filesystem::path> devices_;  // watch descriptor -> device
    HoldCallback on_change_;
    std::optional<std::string> user_;
    bool reported_ = false;
    std::shared_ptr<bool> alive_;
};

}  // namespace limber
