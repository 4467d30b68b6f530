// The scripted activity source (see script_source.hpp).
#include "activity/script_source.hpp"

#include "limber/error.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace limber {

ScriptSource::ScriptSource(boost::asio::io_context& io, std::vector<ScriptStep> steps, double speed, std::string file,
                           const Clock* clock, std::optional<MonoTime> origin)
    : timer_(io), steps_(std::move(steps)), speed_(speed), file_(std::move(file)), clock_(clock), origin_(origin)
{
}

namespace {

template <typename To>
To scale(std::chrono::nanoseconds d, double factor)
{
    return std::chrono::duration_cast<To>(std::chrono::duration<double, std::nano>(static_cast<double>(d.count()) * factor));
}

}  // namespace

void ScriptSource::start(ActivityCallback on_change)
{
    stop();
    on_change_ = std::move(on_change);
    alive_ = std::make_shared<bool>(true);
    next_ = 0;
    last_.reset();
    due_ = boost::asio::steady_timer::clock_type::now();
    if (clock_) {
        // Play from the origin: steps that fell due while limberd was starting come at once.
        const MonoTime now = clock_->now().mono;
        at_ = origin_.value_or(now);
        origin_.reset();  // a later start() plays the script again from that moment
        if (at_ < now) due_ -= scale<boost::asio::steady_timer::duration>(now - at_, 1.0 / clock_->rate());
    }
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
    const std::chrono::nanoseconds after = steps_[next_].after;
    due_ += scale<boost::asio::steady_timer::duration>(after, 1.0 / speed_);
    // The script's time is the clock's time when both run at the same speed (limberd passes
    // --time-scale and the script's @N alike); otherwise the clock's rate converts it.
    if (clock_) at_ += scale<std::chrono::nanoseconds>(after, clock_->rate() / speed_);
    timer_.expires_at(due_);
    timer_.async_wait([this, alive = alive_](const boost::system::error_code& ec) {
        if (ec || !*alive) return;
        const ActivityKind kind = steps_[next_++].kind;
        const MonoTime at = at_;
        schedule();
        if (kind == last_) return;  // a repeated state is no change
        last_ = kind;
        Activity a{kind, {}};
        if (clock_) a.since = std::min(at, clock_->now().mono);  // never ahead of the clock
        on_change_(a);
    });
}

std::unique_ptr<ScriptSource> make_script_source(boost::asio::io_context& io, const std::string& arg, const Clock* clock,
                                                std::optional<MonoTime> origin)
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
    return std::make_unique<ScriptSource>(io, load_activity_script(file), speed, file, clock, origin);
}

}  // namespace limber
