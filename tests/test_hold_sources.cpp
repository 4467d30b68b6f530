// Smart pause's sources, the parts that need no server: who holds a camera and which listed
// application runs, read from a fake /proc tree; how the signals combine into one reason.
#include "smart_pause/apps.hpp"
#include "smart_pause/camera.hpp"
#include "smart_pause/hold_sources.hpp"
#include "smart_pause/microphone.hpp"
#include "smart_pause/x11_window.hpp"

#include "support/catch.hpp"

#include <unistd.h>

#include <fstream>

namespace fs = std::filesystem;
using limber::HoldKind;
using limber::HoldReason;

namespace {

// A /proc of our own: processes with a name, an executable and open files.
struct FakeProc {
    fs::path root = fs::temp_directory_path() / ("limber-proc-" + std::to_string(::getpid()));
    FakeProc() { fs::create_directories(root); }
    ~FakeProc() { fs::remove_all(root); }
    void process(int pid, const std::string& comm, const std::string& exe, const std::vector<std::string>& files)
    {
        const fs::path dir = root / std::to_string(pid);
        fs::create_directories(dir / "fd");
        std::ofstream(dir / "comm") << comm << "\n";
        fs::create_symlink(exe, dir / "exe");
        int fd = 0;
        for (const auto& f : files) fs::create_symlink(f, dir / "fd" / std::to_string(fd++));
    }
};

}  // namespace

TEST_CASE("the camera's user is the process of ours that holds a video device open")
{
    FakeProc proc;
    proc.process(100, "bash", "/usr/bin/bash", {"/dev/pts/1", "/dev/pts/1"});
    proc.process(200, "zoom", "/opt/zoom/zoom", {"socket:[1234]", "/dev/video0", "/dev/dri/card0"});
    fs::create_directories(proc.root / "self");  // not a pid
    const std::vector<fs::path> cameras{"/dev/video0", "/dev/video1"};
    CHECK(limber::camera_user(proc.root, cameras, ::getuid()) == "zoom");
    CHECK_FALSE(limber::camera_user(proc.root, {"/dev/video1"}, ::getuid()));
    CHECK_FALSE(limber::camera_user(proc.root, {}, ::getuid()));
    // Another user's processes are not ours to look at.
    CHECK_FALSE(limber::camera_user(proc.root, cameras, ::getuid() + 1));
    // No /proc at all: nothing known, nothing thrown.
    CHECK_FALSE(limber::camera_user(proc.root / "missing", cameras, ::getuid()));
}

TEST_CASE("a listed application runs when a process of ours has its name or executable")
{
    FakeProc proc;
    proc.process(300, "teams-for-linu", "/usr/bin/teams-for-linux", {});
    proc.process(301, "obs", "/usr/bin/obs", {});
    CHECK(limber::running_app(proc.root, {"zoom", "OBS"}, ::getuid()) == "OBS");
    // comm is cut to 15 characters; the executable's name is whole.
    CHECK(limber::running_app(proc.root, {"teams-for-linux"}, ::getuid()) == "teams-for-linux");
    CHECK_FALSE(limber::running_app(proc.root, {"zoom"}, ::getuid()));
    CHECK_FALSE(limber::running_app(proc.root, {}, ::getuid()));
    CHECK_FALSE(limber::running_app(proc.root, {"obs"}, ::getuid() + 1));
}

TEST_CASE("a window class or instance name matches a listed application, ignoring case")
{
    CHECK(limber::app_listed({"zoom"}, "zoom", "Zoom"));
    CHECK(limber::app_listed({"ZOOM"}, "", "zoom"));
    CHECK_FALSE(limber::app_listed({"zoom"}, "firefox", "Firefox"));
    CHECK_FALSE(limber::app_listed({""}, "", ""));
}

TEST_CASE("the signals combine into one reason, a call first, and only changes are told")
{
    std::vector<std::string> told;
    limber::SmartPauseWatch watch([&](const std::string& r) { told.push_back(r); });
    watch.report("fullscreen", HoldReason{HoldKind::Fullscreen, "mpv"});
    watch.report("microphone", HoldReason{HoldKind::Microphone, "Firefox"});
    watch.report("fullscreen", HoldReason{HoldKind::Fullscreen, "mpv"});  // no change
    watch.report("microphone", std::nullopt);
    watch.report("fullscreen", std::nullopt);
    watch.report("do_not_disturb", std::nullopt);  // off and off: no change
    CHECK(told == std::vector<std::string>{"fullscreen: mpv", "microphone: Firefox", "fullscreen: mpv", ""});
    CHECK(watch.reason().empty());
}

TEST_CASE("the sources follow the spec and the settings")
{
    boost::asio::io_context io;
    limber::SmartPause settings;
    limber::HoldSourceOptions options;
    options.spec = "camera";
    CHECK(limber::make_hold_sources(io, settings, options).size() == 1);
    settings.camera = false;
    CHECK(limber::make_hold_sources(io, settings, options).empty());
    options.spec = "none";
    CHECK(limber::make_hold_sources(io, settings, options).empty());
    options.spec = "apps";
    CHECK(limber::make_hold_sources(io, settings, options).empty());  // nothing listed
    options.spec = "camera,bogus";
    CHECK_THROWS_WITH(limber::make_hold_sources(io, settings, options), Catch::Contains("bogus"));
}

TEST_CASE("a capture stream is a call unless it is paused, ours, or a volume meter")
{
    using limber::CaptureStream;
    using limber::capture_user;
    CaptureStream call{false, "Firefox", "", "firefox-esr", "4242"};
    CHECK(capture_user(call, "1") == std::optional<std::string>("Firefox"));
    CaptureStream unnamed{false, "", "", "arecord", "4242"};
    CHECK(capture_user(unnamed, "1") == std::optional<std::string>("arecord"));  // the program, then
    CaptureStream paused = call;
    paused.corked = true;
    CHECK_FALSE(capture_user(paused, "1"));  // a corked (paused) stream hears nothing
    CHECK_FALSE(capture_user(call, "4242"));  // our own process
    for (const char* meter : {"org.PulseAudio.pavucontrol", "org.gnome.VolumeControl", "org.mate.VolumeControl",
                              "org.kde.kmixd"}) {
        CaptureStream level{false, "Volume Control", meter, "", "77"};
        CHECK_FALSE(capture_user(level, "1"));
    }
}

TEST_CASE("the microphone, inhibitor and do-not-disturb sources are made when wanted and allowed")
{
    boost::asio::io_context io;
    limber::SmartPause settings;
    limber::HoldSourceOptions options;
    for (const char* name : {"microphone", "inhibitors", "do_not_disturb"}) {
        options.spec = name;
        auto sources = limber::make_hold_sources(io, settings, options);
        REQUIRE(sources.size() == 1);
        CHECK(sources.front()->name() == name);
    }
    options.spec = "dnd";  // the name --smart-pause took before the names were one
    const auto old_name = limber::make_hold_sources(io, settings, options);
    REQUIRE(old_name.size() == 1);
    CHECK(old_name.front()->name() == "do_not_disturb");
    settings.microphone = settings.inhibitors = settings.do_not_disturb = false;
    options.spec = "microphone,inhibitors,do_not_disturb";
    CHECK(limber::make_hold_sources(io, settings, options).empty());
}
