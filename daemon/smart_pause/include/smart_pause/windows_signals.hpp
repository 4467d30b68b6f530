// What Windows' smart-pause signals mean, apart from the calls that read them (those are in
// windows_holds.cpp, built only on Windows): the shell's notification state, the camera and
// microphone consent store's values, and process names against the user's list. Pure, so
// tests on any system check them with made-up values. Also the polled source that the
// notification state and the process list share: Windows announces neither.
#pragma once

#include "smart_pause/hold_source.hpp"

#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

// SHQueryUserNotificationState's answers (QUERY_USER_NOTIFICATION_STATE), spelt here so this
// file needs no <shellapi.h>; windows_holds.cpp checks them against the SDK's.
namespace quns {
inline constexpr int not_present = 1;             // QUNS_NOT_PRESENT: screen saver, locked
inline constexpr int busy = 2;                    // QUNS_BUSY: a full-screen application
inline constexpr int running_d3d_full_screen = 3; // QUNS_RUNNING_D3D_FULL_SCREEN: a game
inline constexpr int presentation_mode = 4;       // QUNS_PRESENTATION_MODE
inline constexpr int accepts_notifications = 5;   // QUNS_ACCEPTS_NOTIFICATIONS
inline constexpr int quiet_time = 6;              // QUNS_QUIET_TIME: first hour after setup, focus
inline constexpr int app = 7;                     // QUNS_APP: a Store app is full screen
}  // namespace quns

// The hold a notification state means for the signal `kind` (Fullscreen), or nullopt. Full
// screen, a Direct3D game, a Store app full screen and a presentation are Fullscreen (with "a
// presentation" or "a game" as the detail where the state says so). Quiet time is no hold: it
// is the first hour after a new account's setup, not do-not-disturb. Not present (locked,
// screen saver) is the activity's business.
std::optional<HoldReason> notification_hold(int state, HoldKind kind);

// One application's entry under a consent store device key (webcam, microphone): its key
// name and its LastUsedTimeStart/LastUsedTimeStop values (FILETIMEs; 0 or absent as 0).
struct ConsentEntry {
    std::string key;  // "Microsoft.WindowsCamera_8wekyb3d8bbwe", or a NonPackaged path with '#'
    std::uint64_t last_used_start = 0;
    std::uint64_t last_used_stop = 0;
};

// In use now: it started and has not stopped since.
bool consent_in_use(const ConsentEntry& entry);
// An application's name for people from its key: "C:#Program Files#Zoom#bin#Zoom.exe" is
// "Zoom", "Microsoft.WindowsCamera_8wekyb3d8bbwe" is "WindowsCamera".
std::string consent_app_name(std::string_view key);
// The first entry in use, by its name for people; nullopt when none is.
std::optional<std::string> consent_user(const std::vector<ConsentEntry>& entries);

// The first of `apps` that names one of `processes` (executable file names, "Zoom.exe"),
// ignoring case, with ".exe" optional on either side.
std::optional<std::string> listed_app_running(const std::vector<std::string>& processes, const std::vector<std::string>& apps);

// A source that asks `read` now and then every `every`, reporting each change (and the first
// reading). For signals that have no notification to wait on.
class PolledHold final : public HoldSource {
public:
    using Reader = std::function<std::optional<HoldReason>()>;
    PolledHold(boost::asio::io_context& io, std::string name, Reader read, std::chrono::milliseconds every);
    ~PolledHold() override { stop(); }

    void start(HoldCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override { return name_; }

private:
    void check();

    boost::asio::steady_timer timer_;
    std::string name_;
    Reader read_;
    std::chrono::milliseconds every_;
    HoldCallback on_change_;
    std::optional<std::optional<HoldReason>> last_;
    std::shared_ptr<bool> alive_;
};

}  // namespace limber
