// Smart pause's signals: each source watches one thing that means "not now" (a call's
// microphone or camera, a full-screen window, an application keeping the screen awake, the
// desktop's do-not-disturb, an application the user listed) and reports it on the daemon's
// Asio loop. SmartPauseWatch combines them into the one reason the scheduler holds for.
#pragma once

#include "limber/hold.hpp"
#include "limber/settings.hpp"

#include <boost/asio/io_context.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace limber {

// nullopt: the signal is off. Called on the io_context's thread only.
using HoldCallback = std::function<void(const std::optional<HoldReason>&)>;

class HoldSource {
public:
    virtual ~HoldSource() = default;
    HoldSource() = default;
    HoldSource(const HoldSource&) = delete;
    HoldSource& operator=(const HoldSource&) = delete;

    // Begins watching; `on_change` gets the current state as soon as the source knows it,
    // then every change (a repeated state may be reported again). It may be called before
    // start() returns. A source that cannot watch (no server, no device) logs why once and
    // stays off; it never throws from here.
    virtual void start(HoldCallback on_change) = 0;
    // No callback runs after this returns. Safe to call twice.
    virtual void stop() = 0;
    [[nodiscard]] virtual std::string name() const = 0;
};

// Combines the sources: the reason is the first signal on in HoldKind's order (a call first),
// "" when none is. Reports only changes.
class SmartPauseWatch {
public:
    using OnChange = std::function<void(const std::string& code)>;
    explicit SmartPauseWatch(OnChange on_change) : on_change_(std::move(on_change)) {}
    ~SmartPauseWatch() { stop(); }
    SmartPauseWatch(const SmartPauseWatch&) = delete;
    SmartPauseWatch& operator=(const SmartPauseWatch&) = delete;

    // Takes the sources and starts them all (stopping any it had).
    void start(std::vector<std::unique_ptr<HoldSource>> sources);
    void stop();
    [[nodiscard]] const std::string& reason() const { return reason_; }

    // One source's report; public so that tests can drive the combination.
    void report(const std::string& source, const std::optional<HoldReason>& state);

private:
    OnChange on_change_;
    std::vector<std::unique_ptr<HoldSource>> sources_;
    std::map<std::string, HoldReason> on_;
    std::string reason_;
};

}  // namespace limber
