// Windows' smart-pause sources (built only on Windows): camera and microphone from the
// CapabilityAccessManager consent store, watched with RegNotifyChangeKeyValue; full screen,
// presentations and quiet hours from SHQueryUserNotificationState; listed applications from
// the process list. What their readings mean is in windows_signals.hpp (pure, tested anywhere).
#pragma once

#include "smart_pause/windows_signals.hpp"

#include <boost/asio/windows/object_handle.hpp>

#include <memory>
#include <string>

namespace limber {

// Where Windows keeps who last used which device, under HKEY_CURRENT_USER.
inline constexpr const char* consent_store_key =
    "Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore";

// The entries under HKCU\<device_key> and its NonPackaged key (see ConsentEntry). Empty if the
// key is missing.
std::vector<ConsentEntry> read_consent_entries(const std::string& device_key);

// The shell's notification state (a quns:: value), or nullopt if the shell would not say.
std::optional<int> read_notification_state();

// The executable file names of the processes in our session ("Zoom.exe").
std::vector<std::string> session_process_names();

// A device in use, by whom, from HKCU\<device_key> (".../ConsentStore/webcam" or
// ".../microphone"). Nothing polls: the key's subtree is watched for changed values, and read
// again at each change.
class ConsentWatch final : public HoldSource {
public:
    ConsentWatch(boost::asio::io_context& io, HoldKind kind, std::string device_key);
    ~ConsentWatch() override;

    void start(HoldCallback on_change) override;
    void stop() override;
    [[nodiscard]] std::string name() const override { return to_string(kind_); }

    struct Key;  // the registry handle, kept out of this header

private:
    void arm();

    boost::asio::windows::object_handle event_;
    HoldKind kind_;
    std::string device_key_;
    std::unique_ptr<Key> key_;
    HoldCallback on_change_;
    std::optional<std::optional<std::string>> last_;
    bool warned_ = false;
    std::shared_ptr<bool> alive_;
};

// How often the sources without notifications look again.
inline constexpr std::chrono::seconds notification_state_every{2};
inline constexpr std::chrono::seconds processes_every{5};

// Full screen (`kind`: Fullscreen) from the notification state.
std::unique_ptr<PolledHold> make_notification_state_watch(boost::asio::io_context& io, HoldKind kind,
                                                          std::chrono::milliseconds every = notification_state_every);
// The first of `apps` running in our session.
std::unique_ptr<PolledHold> make_windows_apps_watch(boost::asio::io_context& io, std::vector<std::string> apps,
                                                    std::chrono::milliseconds every = processes_every);

}  // namespace limber
