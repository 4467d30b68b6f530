#include "daemon.hpp"

#include <boost/asio/post.hpp>

#include "activity/combined_activity.hpp"
#include "logging.hpp"
#include "notifier.hpp"
#include "service_notify.hpp"
#include "settings_file.hpp"

#include <csignal>

namespace limber {
namespace {

using namespace std::chrono_literals;

// While the user is at the desk the schedule is saved this often (plus at every event), so a
// crash loses at most this much earned sitting time.
constexpr auto save_interval = 2min;

// How long a write waits while another process holds the database's lock. The loop waits with
// it, so it is short: a write that cannot wait is kept in memory and retried, never lost.
constexpr auto store_busy_timeout = 200ms;

// The X11/Wayland idle threshold: short enough to measure natural breaks, long enough that
// ordinary pauses in typing are not reported as idle at all.
Millis idle_threshold(const Settings& s)
{
    return std::min<Millis>(60s, std::chrono::duration_cast<Millis>(s.natural_break) / 2);
}

std::unique_ptr<Clock> scaled(const Clock& base, double factor, std::optional<WallTime> start)
{
    if (factor == 1.0 && !start) return std::make_unique<SystemClock>();
    return std::make_unique<ScaledClock>(base, factor, start);
}

}  // namespace

Daemon::Daemon(DaemonOptions options)
    : options_(std::move(options)), lock_(options_.paths.runtime_dir / "limberd.lock"),
      base_clock_(std::make_unique<SystemClock>()), clock_(scaled(*base_clock_, options_.time_scale, options_.clock_start)),
      catalog_(load_catalog(options_.paths.exercises().string(), options_.paths.routines().string())),
      wake_(io_), save_timer_(io_), retry_timer_(io_), signals_(io_, SIGTERM, SIGINT)
{
    bool ok = true;
    std::string error;
    Settings settings = load_settings_or_last(ok, error);

    db_ = std::make_unique<OpeningStore>(options_.paths.database().string(), store_busy_timeout);
    if (!db_->is_open())
        logger("store").error("{}; until it opens, records are kept in memory and written when it does", db_->error());
    else if (db_->open().recovered_from())
        logger("store").error("the database was damaged; it was moved to {} and a new one started",
                              db_->open().recovered_from()->string());
    store_ = std::make_unique<ResilientStore>(*db_, [this](const std::string& m) {
        logger("store").error("{}", m);
        if (server_) server_->broadcast(to_line(protocol::PushedEvent{"store_error", {{"message", m}}}));
    });
    const Instant start = now();
    started_ = start.mono;
    engine_ = std::make_unique<Engine>(
        catalog_, settings, *store_, start, ActivityKind::Active, [this](const Event& e) { on_event(e); },
        [](const std::string& w) { logger("scheduler").warn("{}", w); });
}

Daemon::~Daemon() = default;

Settings Daemon::load_settings_or_last(bool& ok, std::string& error)
{
    try {
        ok = true;
        config_error_.clear();
        return load_settings(options_.settings_file.string(), catalog_);
    } catch (const ConfigError& e) {
        ok = false;
        error = e.what();
        config_error_ = error;
        logger("config").error("{}", error);
        if (engine_) {
            logger("config").warn("keeping the settings in use until the file is fixed");
            return engine_->settings();
        }
        logger("config").warn("starting with the shipped defaults until the file is fixed");
        return load_settings(options_.paths.default_settings().string(), catalog_);
    }
}

int Daemon::run()
{
    server_ = std::make_unique<ipc::Server>(io_, options_.socket,
                                            [this](const protocol::Request& r, ipc::Session& s) { return handle(r, s); });
    server_->start();

    auto sources = make_activity_sources(io_, options_.activity_spec, idle_threshold(engine_->settings()), *clock_, started_);
    activity_ = std::make_unique<CombinedActivity>(std::move(sources));
    logger("activity").info("activity from {}", activity_->name());
    activity_->start([this](const Activity& a) { on_activity(a); });
    start_smart_pause();

    try {
        settings_watch_ = std::make_unique<FileWatch>(io_, options_.settings_file, [this] { reload_settings(true); });
    } catch (const std::exception& e) {
        logger("config").warn("settings changes will not be noticed: {}", e.what());
    }
    SystemWatch::Handlers system;
    system.clock_set = [this] {
        logger("scheduler").info("the calendar clock was set; planning again");
        engine_->wake(now());
        after_change();
    };
    system.session_ending = [this] { stop("the session is ending"); };
    system_watch_ = std::make_unique<SystemWatch>(io_, std::move(system));
    if (options_.notifications)
        notifier_ = Notifier::open(io_, [this](const std::string& action) {
            const Instant t = now();
            const CommandResult r = action == "snooze" ? engine_->snooze(t) : engine_->start(t, "");
            if (r.error) logger("limberd").info("notification action \"{}\" refused: {}", action, r.error->message);
            after_change();
        });

    signals_.async_wait([this](const boost::system::error_code& ec, int sig) {
        if (!ec) stop(sig == SIGTERM ? "SIGTERM" : "SIGINT");
    });
    notify_service_manager("READY=1");
    after_change();
    logger("limberd").info("ready: next break in {} s of sitting",
                           engine_->status(now()).until_due.value_or(Seconds{0}).count());
    io_.run();
    return 0;
}

void Daemon::start_smart_pause()
{
    smart_pause_settings_ = engine_->settings().smart_pause;
    if (!smart_pause_)
        smart_pause_ = std::make_unique<SmartPauseWatch>([this](const std::string& why) {
            if (stopping_) return;
            logger("scheduler").info("smart pause: {}", why.empty() ? "nothing holds breaks now" : "breaks wait: " + why);
            engine_->hold(now(), why);
            after_change();
        });
    try {
        auto sources = make_hold_sources(io_, smart_pause_settings_, options_.hold);
        std::string names;
        for (const auto& s : sources) names += (names.empty() ? "" : ", ") + s->name();
        logger("activity").info("smart pause from {}", names.empty() ? "nothing" : names);
        smart_pause_->start(std::move(sources));
    } catch (const std::exception& e) {
        logger("activity").error("smart pause: {}", e.what());
    }
}

void Daemon::stop(const char* why)
{
    logger("limberd").info("{}: saving and stopping", why);
    stopping_ = true;
    if (smart_pause_) smart_pause_->stop();
    notify_service_manager("STOPPING=1");
    save();
    if (activity_) activity_->stop();
    if (server_) server_->stop();
    wake_.cancel();
    save_timer_.cancel();
    retry_timer_.cancel();
    settings_watch_.reset();
    system_watch_.reset();
    notifier_.reset();
    io_.stop();
}

void Daemon::save()
{
    try {
        engine_->save(now());
        store_->flush();
    } catch (const std::exception& e) {
        logger("store").error("saving the schedule failed: {}", e.what());
    }
}

void Daemon::plan()
{
    const auto wait = engine_->next_wake(now());
    wake_.cancel();
    if (!wait) return;
    auto real = *wait;
    if (auto* s = dynamic_cast<ScaledClock*>(clock_.get())) real = s->real(*wait);
    // A hair late rather than early: early would only mean waking twice.
    wake_.expires_after(real + 1ms);
    wake_.async_wait([this](const boost::system::error_code& ec) {
        if (ec) return;
        engine_->wake(now());
        after_change();
    });
}

void Daemon::after_change()
{
    const Instant t = now();
    const Status s = engine_->status(t);
    std::string line = to_line(protocol::PushedEvent{"status", status_json(t)});
    if (line != last_status_line_) {
        last_status_line_ = line;
        server_->broadcast(std::move(line));
    }
    // Save while the count moves: at the desk or briefly idle (reading), also while a break is
    // due. A user locked, asleep, away or paused changes nothing worth a wake-up.
    if ((s.phase == Phase::Working || s.phase == Phase::Due) &&
        (s.activity == ActivityKind::Active || s.activity == ActivityKind::Idle)) {
        if (save_timer_.expiry() <= boost::asio::steady_timer::clock_type::now()) {
            // Two minutes of the schedule's time: on a faster clock (tests, demos) as often.
            auto real = std::chrono::duration_cast<std::chrono::nanoseconds>(save_interval);
            if (auto* scaled_clock = dynamic_cast<ScaledClock*>(clock_.get())) real = scaled_clock->real(real);
            save_timer_.expires_after(real);
            save_timer_.async_wait([this](const boost::system::error_code& ec) {
                if (ec) return;
                save();
                after_change();  // sets the timer again while the user still sits
            });
        }
    }
    if (store_->pending() > 0 && retry_timer_.expiry() <= boost::asio::steady_timer::clock_type::now()) {
        retry_timer_.expires_after(30s);
        retry_timer_.async_wait([this](const boost::system::error_code& ec) {
            if (!ec && !store_->flush()) after_change();
        });
    }
    plan();
}

void Daemon::on_activity(const Activity& a)
{
    logger("activity").debug("{}", to_string(a.kind));
    engine_->activity(now(), a);
    if (a.kind != ActivityKind::Active) save();
    after_change();
}

void Daemon::on_event(const Event& e)
{
    // The engine may publish while it is being made (started after the daily routine's time:
    // that routine is due at once); handled as soon as it is there, as every other event is.
    if (!engine_) {
        boost::asio::post(io_, [this, e] { on_event(e); });
        return;
    }
    auto& log = logger("scheduler");
    if (e.kind == Event::Kind::ClockJumped) log.warn("{} ({} s): {}", to_string(e.kind), e.length.count(), e.detail);
    else log.info("{}{}{}", to_string(e.kind), e.routine.empty() ? "" : " ", e.routine);
    if (server_) {
        protocol::PushedEvent pushed = protocol::to_pushed_event(e);
        if (e.kind == Event::Kind::BreakStarted) {
            // What a client needs to guide the routine, however it was started (PROTOCOL.md).
            pushed.data["guide"] = start_guide_;
            if (const auto routine = engine_->routine(e.routine))
                pushed.data["plan"] = protocol::StartReport{e.routine, engine_->progression().plan(*routine)}.to_json()["plan"];
        }
        server_->broadcast(to_line(pushed));
    }
    try {
        engine_->save(now());
    } catch (const std::exception& ex) {
        logger("store").error("saving the schedule failed: {}", ex.what());
    }
    if (!notifier_ || (server_ && server_->has_subscriber("limber-tray"))) return;
    const auto name = [&](const std::string& id) {
        const auto r = engine_->routine(id);
        return r ? r->name : id;
    };
    switch (e.kind) {
    case Event::Kind::Warning:
        notifier_->show("A break in a minute", "Finish what you are doing; " + name(e.routine) + " is next.", false);
        break;
    case Event::Kind::BreakDue:
        if (e.detail == "held")
            notifier_->show("Ready for your break?", name(e.routine) + " waited until you were free; a few minutes now?", true);
        else
            notifier_->show("Time for a break", name(e.routine) + ": a few minutes to loosen your upper back.", true);
        break;
    case Event::Kind::BreakStarted:
    case Event::Kind::Skipped:
    case Event::Kind::AwayStarted:
    case Event::Kind::DueCleared:
    case Event::Kind::Paused: notifier_->withdraw(); break;
    default: break;
    }
}

void Daemon::reload_settings(bool from_watch)
{
    bool ok = true;
    std::string error;
    Settings s = load_settings_or_last(ok, error);
    if (ok) {
        const bool sources_changed = !(s.smart_pause == smart_pause_settings_);
        engine_->reconfigure(std::move(s));
        if (sources_changed && smart_pause_) start_smart_pause();
        logger("config").info("{} {}", from_watch ? "reloaded" : "reloaded on request:", options_.settings_file.string());
        server_->broadcast(to_line(protocol::PushedEvent{"config_reloaded", {{"file", options_.settings_file.string()}}}));
    } else {
        server_->broadcast(to_line(protocol::PushedEvent{"config_error", {{"message", error}}}));
    }
    after_change();
}

}  // namespace limber
