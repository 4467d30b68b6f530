#include "smart_pause/apps.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <fstream>

namespace limber {
namespace fs = std::filesystem;

namespace {

bool same(const std::string& a, const std::string& b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
               return std::tolower(x) == std::tolower(y);
           });
}

}  // namespace

std::optional<std::string> running_app(const fs::path& proc, const std::vector<std::string>& apps, unsigned uid)
{
    if (apps.empty()) return std::nullopt;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(proc, ec)) {
        const std::string pid = entry.path().filename().string();
        if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
        struct stat st {};
        if (::stat(entry.path().c_str(), &st) != 0 || st.st_uid != uid) continue;
        std::string comm;
        std::getline(std::ifstream(entry.path() / "comm"), comm);
        // comm is cut to 15 characters; the executable's own name is whole.
        std::error_code link_ec;
        const std::string exe = fs::read_symlink(entry.path() / "exe", link_ec).filename().string();
        for (const auto& app : apps)
            if ((!comm.empty() && same(app, comm)) || (!exe.empty() && same(app, exe))) return app;
    }
    return std::nullopt;
}

AppsWatch::AppsWatch(boost::asio::io_context& io, std::vector<std::string> apps, fs::path proc)
    : timer_(io), apps_(std::move(apps)), proc_(std::move(proc))
{
}

void AppsWatch::start(HoldCallback on_change)
{
    stop();
    on_change_ = std::move(on_change);
    alive_ = std::make_shared<bool>(true);
    last_.reset();
    check();
}

void AppsWatch::stop()
{
    if (alive_) *alive_ = false;
    alive_.reset();
    timer_.cancel();
}

void AppsWatch::check()
{
    const auto app = running_app(proc_, apps_, ::getuid());
    if (!last_ || *last_ != app) {
        last_ = app;
        if (app) on_change_(HoldReason{HoldKind::Apps, *app});
        else on_change_(std::nullopt);
    }
    timer_.expires_after(every);
    timer_.async_wait([this, alive = alive_](const boost::system::error_code& ec) {
        if (ec || !alive || !*alive) return;
        check();
    });
}

}  // namespace limber
