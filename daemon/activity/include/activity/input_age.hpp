// Idle from an "age of the last input" counter, for systems that offer one to ask but no alarm
// to wait on (Windows' GetLastInputInfo). Asking on a fixed beat would wake the daemon all day;
// instead, while the user is active one timer is aimed at the moment the threshold would be
// crossed if no input came, and re-aimed from there when input did come, so a typing user
// costs about one wake-up per threshold. Only while idle is it asked every few seconds, to
// notice the return. The rule and the watch hold no system call: a reader is handed in, so
// they are tested on any system with fake times.
#pragma once

#include "activity/activity_source.hpp"

#include <boost/asio/steady_timer.hpp>

#include <cstdint>
#include <functional>
#include <memory>

namespace limber {

// What a reading of the input counter means, and when to read it again.
struct IdleStep {
    bool idle = false;
    Millis age{0};   // since the last input
    Millis next{0};  // read again after this long
};

// `now_ticks` and `last_input_ticks` are a 32-bit millisecond counter that wraps (Windows'
// GetTickCount, 49.7 days): the age is their unsigned difference, right across a wrap.
// Active while the age is below `threshold`, the next reading when it would reach it; idle
// from there, read again after `idle_poll`. `idle_at_input`, when idle was reported, is the
// last input it was reported for: any newer input is a return, even one already older than
// the threshold (a single touch between two polls), so the state is active and read again
// when that input's threshold is crossed (at once if it already is).
IdleStep idle_step(std::uint32_t now_ticks, std::uint32_t last_input_ticks, Millis threshold, Millis idle_poll,
                   std::optional<std::uint32_t> idle_at_input = std::nullopt);

// One reading of the counter: the tick count now and at the last input. nullopt when the
// system would not say (the watch then reads again after the idle poll, reporting nothing).
struct InputTicks {
    std::uint32_t now = 0;
    std::uint32_t last_input = 0;
};
using InputTicksReader = std::function<std::optional<InputTicks>()>;

class InputAgeWatch final : public ActivitySource {
public:
    static constexpr Millis default_idle_poll{2000};

    InputAgeWatch(boost::asio::io_context& io, std::string name, InputTicksReader read, Millis threshold,
                  const Clock& clock, Millis idle_poll = default_idle_poll);
    ~InputAgeWatch() override { stop(); }

    // Reports the current state at once (idle `since` the last input), then each change.
    void start(ActivityCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override { return name_; }

    // How many times the counter was read since start(): what the tests count wake-ups by.
    [[nodiscard]] std::uint64_t readings() const { return readings_; }

private:
    void check();

    boost::asio::steady_timer timer_;
    std::string name_;
    InputTicksReader read_;
    Millis threshold_;
    const Clock& clock_;
    Millis idle_poll_;
    ActivityCallback on_change_;
    std::optional<bool> idle_;  // what was last reported
    std::optional<std::uint32_t> idle_at_input_;  // while idle: the last input it was reported for
    std::uint64_t readings_ = 0;
    std::shared_ptr<bool> alive_;
};

}  // namespace limber
