// limberd's body: the Asio loop that feeds the engine from the activity sources, wakes it
// when the schedule asks, serves the control socket, and watches the settings file.
#pragma once

#include "activity/activity_source.hpp"
#include "instance_lock.hpp"
#include "ipc/server.hpp"
#include "smart_pause/hold_sources.hpp"
#include "limber/engine.hpp"
#include "limber/error.hpp"
#include "limber/paths.hpp"
#include "watchers.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace limber {

class Notifier;

struct DaemonOptions {
    Paths paths;
    std::filesystem::path settings_file;  // the user's limber.toml (created from the default)
    std::filesystem::path socket;
    std::string activity_spec = "auto";
    double time_scale = 1.0;  // > 1 only for demos and tests
    std::optional<WallTime> clock_start;  // with time_scale: the calendar starts here
    bool notifications = true;
    HoldSourceOptions hold;  // smart pause's sources (--smart-pause, --video-devices)
};

class Daemon {
public:
    // Opens the store, loads catalog and settings, takes the instance lock. Throws on what it
    // cannot do without (AlreadyRunning, ConfigError for the catalog, StoreError).
    explicit Daemon(DaemonOptions options);
    ~Daemon();

    // Runs until SIGTERM or SIGINT; returns the exit code.
    int run();

    // The protocol handler, exposed for tests of the daemon's verbs.
    protocol::Reply handle(const protocol::Request& request, ipc::Session& session);

private:
    [[nodiscard]] Instant now() const { return clock_->now(); }
    // The status as every reply and the `status` event carry it: the scheduler's, plus the
    // settings error, unsaved records and the next routine's name.
    [[nodiscard]] nlohmann::json status_json(const Instant& t) const;
    // Opens the database if it is not yet; else sets `reply` to say why it cannot be read.
    bool database_ready(protocol::Reply& reply);
    void plan();
    void after_change();
    void on_event(const Event& event);
    void on_activity(const Activity& activity);
    void reload_settings(bool from_watch);
    // (Re)starts smart pause's sources for the settings in use.
    void start_smart_pause();
    void save();
    void stop(const char* why);
    Settings load_settings_or_last(bool& ok, std::string& error);

    DaemonOptions options_;
    boost::asio::io_context io_;
    InstanceLock lock_;
    std::unique_ptr<Clock> base_clock_;
    std::unique_ptr<Clock> clock_;
    MonoTime started_{};  // when the engine began counting: a scripted day plays from here
    Catalog catalog_;
    std::unique_ptr<OpeningStore> db_;
    std::unique_ptr<ResilientStore> store_;
    std::unique_ptr<Engine> engine_;
    std::unique_ptr<ActivitySource> activity_;
    std::unique_ptr<SmartPauseWatch> smart_pause_;
    SmartPause smart_pause_settings_;
    bool stopping_ = false;
    // Whether the routine a start request is beginning wants its guide shown (`start`'s
    // `guide`): read by on_event as it tells the clients of the break_started.
    bool start_guide_ = true;
    std::unique_ptr<ipc::Server> server_;
    std::unique_ptr<FileWatch> settings_watch_;
    std::unique_ptr<SystemWatch> system_watch_;
    std::unique_ptr<Notifier> notifier_;
    boost::asio::steady_timer wake_;
    boost::asio::steady_timer save_timer_;
    boost::asio::steady_timer retry_timer_;
    boost::asio::signal_set signals_;
    std::string config_error_;
    std::string last_status_line_;
};

}  // namespace limber
