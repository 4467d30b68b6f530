// The scripted activity source (see script_source.hpp).
#include "activity/script_source.hpp"

#include "limber/error.hpp"

#include <charconv>
#include <cmath>

namespace limber {

ScriptSource::ScriptSource(boost::asio::io_context& io, std::vector<ScriptStep> steps, double speed, std::string file,
                           const Clock* clock)
    : timer_(io), steps_(std::move(steps)), speed_(speed), file_(std::move(file)), clock_(clock)
{
}

void ScriptSource::start(ActivityCallback on_change)
{
    stop();
    on_change_ = std::move(on_change);
    alive_ = std::make_shared<bool>(true);
    next_ = 0;
    last_.reset();
    due_ = boost::asio::steady_timer::clock_type::now();
    schedule();
}

void ScriptSource::stop()
{
    if (alive_) *alive_ = false;
    timer_.cancel();
}

void ScriptSource::schedule()
{
    if (next_ >= steps_.size()) return;
    // Deadlines add up from the start, so timer lateness never accumulates over a long script.
    const auto scaled = std::chrono::duration<double>(steps_[next_].after) / speed_;
    due_ += std::chrono::duration_cast<boost::asio::steady_timer::duration>(scaled);
    timer_.expires_at(due_);
    timer_.async_wait([this, alive = alive_](const boost::system::error_code& ec) {
        if (ec || !*alive) return;
        const ActivityKind kind = steps_[next_++].kind;
        const auto deadline = due_;
        schedule();
        if (kind == last_) return;  // a repeated state is no change
        last_ = kind;
        Activity a{kind, {}};
        const auto late = boost::asio::steady_timer::clock_type::now() - deadline;
        if (clock_ && late > late.zero()) {
            const auto on_clock = std::chrono::duration_cast<std::chrono::nanoseconds>(
                std::chrono::duration<double, std::nano>(static_cast<double>(
                    std::chrono::duration_cast<std::chrono::nanoseconds>(late).count()) * clock_->rate()));
            a.since = clock_->now().mono - on_clock;
        }
        on_change_(a);
    });
}

std::unique_ptr<ScriptSource> make_script_source(boost::asio::io_context& io, const std::string& arg, const Clock* clock)
{
    std::string file = arg;
    double speed = 1.0;
    if (const auto at = arg.rfind('@'); at != std::string::npos) {
        const std::string tail = arg.substr(at + 1);
        double value = 0;
        const auto [end, ec] = std::from_chars(tail.data(), tail.data() + tail.size(), value);
        if (!tail.empty() && ec == std::errc{} && end == tail.data() + tail.size()) {
            if (!(value > 0) || !std::isfinite(value))
                throw ConfigError(arg, 0, 0, "", "the speed after '@' must be a positive number");
            file = arg.substr(0, at);
            speed = value;
        }
    }
    return std::make_unique<ScriptSource>(io, load_activity_script(file), speed, file, clock);
}

}  // namespace limber
