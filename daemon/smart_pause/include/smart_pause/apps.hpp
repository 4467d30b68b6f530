// Smart pause's listed applications, by process name: breaks wait while one of ours runs.
// Linux tells no one when a process starts, so this looks at /proc every 30 seconds, and only
// when the user has listed applications. (The X11 window source matches window classes at
// once, through events.)
#pragma once

#include "smart_pause/hold_source.hpp"

#include <boost/asio/steady_timer.hpp>

#include <filesystem>

namespace limber {

// The first of `apps` (ignoring case) that is the name (comm, or the executable's file name)
// of one of our processes (uid `uid`) under `proc`.
std::optional<std::string> running_app(const std::filesystem::path& proc, const std::vector<std::string>& apps, unsigned uid);

class AppsWatch final : public HoldSource {
public:
    static constexpr std::chrono::seconds every{30};
    AppsWatch(boost::asio::io_context& io, std::vector<std::string> apps, std::filesystem::path proc);
    ~AppsWatch() override { stop(); }

    void start(HoldCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override { return "apps"; }

private:
    void check();

    boost::asio::steady_timer timer_;
    std::vector<std::string> apps_;
    std::filesystem::path proc_;
    HoldCallback on_change_;
    std::optional<std::optional<std::string>> last_;
    std::shared_ptr<bool> alive_;
};

}  // namespace limber
