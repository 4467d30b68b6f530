// The meaning of Windows' smart-pause signals and the polled source (see windows_signals.hpp).
// No system call here.
#include "smart_pause/windows_signals.hpp"

#include <algorithm>
#include <cctype>

namespace limber {
namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// "zoom.exe" and "zoom" are the same program.
std::string program_key(std::string_view name)
{
    std::string out = lower(name);
    if (out.size() > 4 && out.ends_with(".exe")) out.resize(out.size() - 4);
    return out;
}

}  // namespace

std::optional<HoldReason> notification_hold(int state, HoldKind kind)
{
    if (kind == HoldKind::Fullscreen) {
        switch (state) {
        case quns::busy:
        case quns::app: return HoldReason{HoldKind::Fullscreen, ""};
        case quns::running_d3d_full_screen: return HoldReason{HoldKind::Fullscreen, "a game"};
        case quns::presentation_mode: return HoldReason{HoldKind::Fullscreen, "a presentation"};
        default: return std::nullopt;
        }
    }
    // QUNS_QUIET_TIME is the first hour after a new account's first logon, not the user's quiet
    // hours (Focus Assist has no documented interface): no hold of any kind.
    return std::nullopt;
}

bool consent_in_use(const ConsentEntry& entry) { return entry.last_used_start != 0 && entry.last_used_stop == 0; }

std::string consent_app_name(std::string_view key)
{
    // NonPackaged: the executable's path with '#' for '\'.
    if (const auto hash = key.rfind('#'); hash != std::string_view::npos) {
        std::string_view file = key.substr(hash + 1);
        if (file.size() > 4 && lower(file.substr(file.size() - 4)) == ".exe") file.remove_suffix(4);
        if (!file.empty()) return std::string(file);
    }
    // Packaged: Publisher.Name_hash.
    std::string_view name = key.substr(0, key.find('_'));
    if (const auto dot = name.rfind('.'); dot != std::string_view::npos && dot + 1 < name.size()) name = name.substr(dot + 1);
    return name.empty() ? std::string(key) : std::string(name);
}

std::optional<std::string> consent_user(const std::vector<ConsentEntry>& entries)
{
    for (const auto& e : entries)
        if (consent_in_use(e)) return consent_app_name(e.key);
    return std::nullopt;
}

std::optional<std::string> listed_app_running(const std::vector<std::string>& processes, const std::vector<std::string>& apps)
{
    if (apps.empty()) return std::nullopt;
    std::vector<std::string> running;
    running.reserve(processes.size());
    for (const auto& p : processes) running.push_back(program_key(p));
    for (const auto& app : apps)
        if (std::find(running.begin(), running.end(), program_key(app)) != running.end()) return app;
    return std::nullopt;
}

PolledHold::PolledHold(boost::asio::io_context& io, std::string name, Reader read, std::chrono::milliseconds every)
    : timer_(io), name_(std::move(name)), read_(std::move(read)), every_(every)
{
}

void PolledHold::start(HoldCallback on_change)
{
    stop();
    on_change_ = std::move(on_change);
    alive_ = std::make_shared<bool>(true);
    last_.reset();
    check();
}

void PolledHold::stop()
{
    if (alive_) *alive_ = false;
    alive_.reset();
    timer_.cancel();
}

void PolledHold::check()
{
    auto state = read_();
    if (!last_ || *last_ != state) {
        last_ = state;
        const auto alive = alive_;
        on_change_(state);
        if (!*alive) return;  // the callback stopped us
    }
    timer_.expires_after(every_);
    timer_.async_wait([this, alive = alive_](const boost::system::error_code& ec) {
        if (ec || !alive || !*alive) return;
        check();
    });
}

}  // namespace limber
