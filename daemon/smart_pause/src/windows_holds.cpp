// Windows' smart-pause sources: the registry, the shell and the process list (see
// windows_holds.hpp). Built only on Windows.
#include "smart_pause/windows_holds.hpp"

#include "activity/log.hpp"
#include "win32/text.hpp"

#include <windows.h>
#include <shellapi.h>
#include <tlhelp32.h>

namespace limber {

static_assert(quns::not_present == QUNS_NOT_PRESENT);
static_assert(quns::busy == QUNS_BUSY);
static_assert(quns::running_d3d_full_screen == QUNS_RUNNING_D3D_FULL_SCREEN);
static_assert(quns::presentation_mode == QUNS_PRESENTATION_MODE);
static_assert(quns::accepts_notifications == QUNS_ACCEPTS_NOTIFICATIONS);
static_assert(quns::quiet_time == QUNS_QUIET_TIME);
static_assert(quns::app == QUNS_APP);

namespace {

std::uint64_t qword(HKEY key, const wchar_t* subkey, const wchar_t* value)
{
    std::uint64_t v = 0;
    DWORD size = sizeof v;
    if (RegGetValueW(key, subkey, value, RRF_RT_REG_QWORD, nullptr, &v, &size) != ERROR_SUCCESS) return 0;
    return v;
}

// Each subkey of `key` is an application; "NonPackaged" (when `packaged`) holds the others.
void read_apps(HKEY key, bool packaged, std::vector<ConsentEntry>& out)
{
    for (DWORD i = 0;; ++i) {
        wchar_t name[512];
        DWORD length = static_cast<DWORD>(std::size(name));
        if (RegEnumKeyExW(key, i, name, &length, nullptr, nullptr, nullptr, nullptr) != ERROR_SUCCESS) break;
        if (packaged && lstrcmpiW(name, L"NonPackaged") == 0) {
            HKEY others = nullptr;
            if (RegOpenKeyExW(key, name, 0, KEY_READ, &others) == ERROR_SUCCESS) {
                read_apps(others, false, out);
                RegCloseKey(others);
            }
            continue;
        }
        out.push_back({win32::utf8(name), qword(key, name, L"LastUsedTimeStart"), qword(key, name, L"LastUsedTimeStop")});
    }
}

}  // namespace

std::vector<ConsentEntry> read_consent_entries(const std::string& device_key)
{
    std::vector<ConsentEntry> out;
    HKEY key = nullptr;
    if (RegOpenKeyExW(HKEY_CURRENT_USER, win32::wide(device_key).c_str(), 0, KEY_READ, &key) != ERROR_SUCCESS) return out;
    read_apps(key, true, out);
    RegCloseKey(key);
    return out;
}

std::optional<int> read_notification_state()
{
    QUERY_USER_NOTIFICATION_STATE state{};
    if (SHQueryUserNotificationState(&state) != S_OK) return std::nullopt;
    return static_cast<int>(state);
}

std::vector<std::string> session_process_names()
{
    std::vector<std::string> out;
    DWORD ours = 0;
    if (!ProcessIdToSessionId(GetCurrentProcessId(), &ours)) return out;
    const HANDLE snapshot = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    if (snapshot == INVALID_HANDLE_VALUE) return out;
    PROCESSENTRY32W entry{};
    entry.dwSize = sizeof entry;
    for (BOOL more = Process32FirstW(snapshot, &entry); more; more = Process32NextW(snapshot, &entry)) {
        // Another user's session (or a service's) is not ours; a process we may not ask about
        // is a system one.
        DWORD session = 0;
        if (ProcessIdToSessionId(entry.th32ProcessID, &session) && session == ours) out.push_back(win32::utf8(entry.szExeFile));
    }
    CloseHandle(snapshot);
    return out;
}

struct ConsentWatch::Key {
    HKEY handle = nullptr;
    ~Key()
    {
        if (handle) RegCloseKey(handle);
    }
};

ConsentWatch::ConsentWatch(boost::asio::io_context& io, HoldKind kind, std::string device_key)
    : event_(io), kind_(kind), device_key_(std::move(device_key))
{
}

ConsentWatch::~ConsentWatch() { stop(); }

void ConsentWatch::start(HoldCallback on_change)
{
    stop();
    on_change_ = std::move(on_change);
    alive_ = std::make_shared<bool>(true);
    last_.reset();
    auto key = std::make_unique<Key>();
    const LSTATUS opened =
        RegOpenKeyExW(HKEY_CURRENT_USER, win32::wide(device_key_).c_str(), 0, KEY_READ | KEY_NOTIFY, &key->handle);
    const HANDLE event = CreateEventW(nullptr, FALSE, FALSE, nullptr);
    if (opened != ERROR_SUCCESS || !event) {
        if (event) CloseHandle(event);
        key->handle = nullptr;
        if (!warned_)
            activity_log()->warn("{}: cannot open HKCU\\{} (error {}); this signal stays off", name(), device_key_,
                                 opened);
        warned_ = true;
        on_change_(std::nullopt);
        return;
    }
    key_ = std::move(key);
    event_.assign(event);
    arm();
}

void ConsentWatch::stop()
{
    if (alive_) *alive_ = false;
    alive_.reset();
    boost::system::error_code ignored;
    event_.close(ignored);
    key_.reset();
}

// Asks to be told of the next change first, then reads: a change in between is not lost.
// Called on the io_context's thread, which lives as long as the watch: Windows ends an
// asynchronous registration when the thread that made it exits.
void ConsentWatch::arm()
{
    const LSTATUS asked = RegNotifyChangeKeyValue(key_->handle, TRUE, REG_NOTIFY_CHANGE_LAST_SET | REG_NOTIFY_CHANGE_NAME,
                                                  event_.native_handle(), TRUE);
    const auto user = consent_user(read_consent_entries(device_key_));
    if (!last_ || *last_ != user) {
        last_ = user;
        const auto alive = alive_;
        if (user) on_change_(HoldReason{kind_, *user});
        else on_change_(std::nullopt);
        if (!*alive) return;  // the callback stopped us
    }
    if (asked != ERROR_SUCCESS) {
        activity_log()->warn("{}: cannot watch HKCU\\{} (error {}); this signal is no longer followed", name(),
                             device_key_, asked);
        return;
    }
    event_.async_wait([this, alive = alive_](const boost::system::error_code& ec) {
        if (ec || !alive || !*alive) return;
        arm();
    });
}

std::unique_ptr<PolledHold> make_notification_state_watch(boost::asio::io_context& io, HoldKind kind,
                                                          std::chrono::milliseconds every)
{
    return std::make_unique<PolledHold>(
        io, to_string(kind),
        [kind]() -> std::optional<HoldReason> {
            const auto state = read_notification_state();
            return state ? notification_hold(*state, kind) : std::nullopt;
        },
        every);
}

std::unique_ptr<PolledHold> make_windows_apps_watch(boost::asio::io_context& io, std::vector<std::string> apps,
                                                    std::chrono::milliseconds every)
{
    return std::make_unique<PolledHold>(
        io, "apps",
        [apps = std::move(apps)]() -> std::optional<HoldReason> {
            if (auto app = listed_app_running(session_process_names(), apps)) return HoldReason{HoldKind::Apps, *app};
            return std::nullopt;
        },
        every);
}

}  // namespace limber
