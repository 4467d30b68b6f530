// Plays an activity script (limber/activity_script.hpp) on Asio timers, optionally faster
// than real time, so tests can act out a day in a moment.
#pragma once

#include "activity/activity_source.hpp"
#include "limber/activity_script.hpp"

#include <boost/asio/steady_timer.hpp>

#include <optional>

namespace limber {

class ScriptSource final : public ActivitySource {
public:
    // `speed` > 0: 60 plays a minute of script in a second.
    // With a `clock`, the script's "+0s" is `origin` on it at the first start() (limberd passes
    // the moment it began counting; without one, and at any later start(), it is the moment
    // start() is called), and each change is stamped with the moment the script gives it, so
    // neither a slow start nor a timer that fires late on a busy machine moves a boundary.
    ScriptSource(boost::asio::io_context& io, std::vector<ScriptStep> steps, double speed, std::string file,
                 const Clock* clock = nullptr, std::optional<MonoTime> origin = std::nullopt);
    ~ScriptSource() override { stop(); }

    // Plays from the first step; after the last, the state stays as it is.
    void start(ActivityCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override { return "script:" + file_; }

private:
    void schedule();

    boost::asio::steady_timer timer_;
    std::vector<ScriptStep> steps_;
    double speed_;
    std::string file_;
    const Clock* clock_;
    std::optional<MonoTime> origin_;
    ActivityCallback on_change_;
    std::size_t next_ = 0;
    std::optional<ActivityKind> last_;
    boost::asio::steady_timer::time_point due_{};  // the next step's deadline, real time
    MonoTime at_{};                                 // the next step's moment on the clock
    std::shared_ptr<bool> alive_;  // handlers already queued check it, so stop() is final
};

// Reads "FILE" or "FILE@SPEED" (the part after the last '@' if it is a positive number),
// loads and parses the script, and makes the source. Throws ConfigError.
std::unique_ptr<ScriptSource> make_script_source(boost::asio::io_context& io, const std::string& arg,
                                                const Clock* clock = nullptr,
                                                std::optional<MonoTime> origin = std::nullopt);

}  // namespace limber
