// Idle from the age of the last input, with one timer per threshold while active (see
// input_age.hpp). No system call here: the reader is the system's part.
#include "activity/input_age.hpp"

namespace limber {

IdleStep idle_step(std::uint32_t now_ticks, std::uint32_t last_input_ticks, Millis threshold, Millis idle_poll,
                   std::optional<std::uint32_t> idle_at_input)
{
    // Unsigned arithmetic is modulo 2^32, so this is right across the counter's wrap.
    const std::uint32_t age_ticks = now_ticks - last_input_ticks;
    const Millis age{static_cast<Millis::rep>(age_ticks)};
    const bool returned = idle_at_input && *idle_at_input != last_input_ticks;
    if (returned) return {false, age, age < threshold ? threshold - age : Millis{0}};
    if (age >= threshold) return {true, age, idle_poll};
    return {false, age, threshold - age};
}

InputAgeWatch::InputAgeWatch(boost::asio::io_context& io, std::string name, InputTicksReader read, Millis threshold,
                             const Clock& clock, Millis idle_poll)
    : timer_(io), name_(std::move(name)), read_(std::move(read)), threshold_(threshold), clock_(clock), idle_poll_(idle_poll)
{
}

void InputAgeWatch::start(ActivityCallback on_change)
{
    stop();
    on_change_ = std::move(on_change);
    alive_ = std::make_shared<bool>(true);
    idle_.reset();
    idle_at_input_.reset();
    readings_ = 0;
    check();
}

void InputAgeWatch::stop()
{
    if (alive_) *alive_ = false;
    alive_.reset();
    timer_.cancel();
}

void InputAgeWatch::check()
{
    ++readings_;
    Millis next = idle_poll_;
    if (const auto ticks = read_()) {
        const IdleStep step = idle_step(ticks->now, ticks->last_input, threshold_, idle_poll_, idle_at_input_);
        next = step.next;
        if (step.idle) idle_at_input_ = ticks->last_input;
        else idle_at_input_.reset();
        if (!idle_ || *idle_ != step.idle) {
            idle_ = step.idle;
            Activity a{step.idle ? ActivityKind::Idle : ActivityKind::Active, {}};
            // Idle is learnt a threshold late: it began at the last input.
            if (step.idle) a.since = clock_.now().mono - step.age;
            const auto alive = alive_;
            on_change_(a);
            if (!*alive) return;  // the callback stopped us
        }
    }
    timer_.expires_after(next);
    timer_.async_wait([this, alive = alive_](const boost::system::error_code& ec) {
        if (ec || !alive || !*alive) return;
        check();
    });
}

}  // namespace limber
