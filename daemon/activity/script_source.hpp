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
    // A change is stamped with the moment the script gives it on `clock` (when there is one),
    // so a timer that fires late on a busy machine moves no boundary.
    ScriptSource(boost::asio::io_context& io, std::vector<ScriptStep> steps, double speed, std::string file,
                 const Clock* clock = nullptr);
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
    ActivityCallback on_change_;
    std::size_t next_ = 0;
    std::optional<ActivityKind> last_;
    boost::asio::steady_timer::time_point due_{};
    std::shared_ptr<bool> alive_;  // handlers already queued check it, so stop() is final
};

// Reads "FILE" or "FILE@SPEED" (the part after the last '@' if it is a positive number),
// loads and parses the script, and makes the source. Throws ConfigError.
std::unique_ptr<ScriptSource> make_script_source(boost::asio::io_context& io, const std::string& arg,
                                                const Clock* clock = nullptr);

}  // namespace limber
