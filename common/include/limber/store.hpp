// The compliance record: every scheduler event, exercise, feedback and activity span, kept in
// SQLite. Failures throw StoreError with context; ResilientStore keeps what could not be
// written and retries, so nothing is dropped silently.
#pragma once

#include "limber/calendar.hpp"
#include "limber/clock.hpp"
#include "limber/scheduler.hpp"
#include "limber/summary.hpp"

#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace limber {

class StoreError : public std::runtime_error {
public:
    StoreError(const std::string& what, int sqlite_code = 0) : std::runtime_error(what), code_(sqlite_code) {}
    // The SQLite result code (SQLITE_FULL, SQLITE_READONLY, ...); -1 for a file system error,
    // 0 for anything else (a database from a newer Limber).
    [[nodiscard]] int code() const noexcept { return code_; }

private:
    int code_;
};

// A moment as recorded: UTC plus the offset in force, so days are cut in local time.
struct Stamp {
    WallTime utc{};
    Minutes utc_offset{0};
    [[nodiscard]] LocalDay local_day() const { return local_day_of(utc, utc_offset); }
    static Stamp of(const Instant& i) { return {i.wall, i.utc_offset}; }
    friend bool operator==(const Stamp&, const Stamp&) = default;
};

// One row of the event log. `kind` is a scheduler event name (to_string(Event::Kind)) or
// "exercise_completed".
struct Record {
    Stamp at;
    std::string kind;
    std::string routine;
    std::string exercise;
    std::string side;            // "left", "right" or empty
    std::optional<int> reps;
    std::optional<int> hold_seconds;
    Seconds length{0};           // natural break, snooze or pause length; clock jump size
    bool was_due = false;
    std::string detail;

    static Record from(const Event& e);
    friend bool operator==(const Record&, const Record&) = default;
};

enum class Rating { Easy, Ok, Hard, Pain };
const char* to_string(Rating r);
std::optional<Rating> parse_rating(std::string_view text);

struct Feedback {
    Stamp at;
    std::string exercise;
    Rating rating = Rating::Ok;
    friend bool operator==(const Feedback&, const Feedback&) = default;
};

// A stretch of one activity state. Consecutive spans of the same kind are merged on write.
struct Span {
    ActivityKind kind = ActivityKind::Active;
    Stamp start;
    WallTime end{};
    friend bool operator==(const Span&, const Span&) = default;
};

class Store {
public:
    virtual ~Store() = default;
    // Each call is one transaction. All throw StoreError on failure.
    virtual void append(const Record& record) = 0;
    virtual void append(const Feedback& feedback) = 0;
    virtual void append(const Span& span) = 0;

    virtual std::vector<Record> records(LocalDay first, LocalDay last) = 0;
    virtual std::vector<Feedback> feedback(LocalDay first, LocalDay last) = 0;
    virtual std::vector<Span> spans(LocalDay first, LocalDay last) = 0;

    // Small named values (the scheduler's saved state, progression).
    virtual std::optional<std::string> value(const std::string& key) = 0;
    virtual void set_value(const std::string& key, const std::string& value) = 0;
};

class SqliteStore final : public Store, public WeekQueries {
public:
    static constexpr int schema_version = 4;

    // Opens (creating if needed) the database at `path`, or an in-memory one for ":memory:".
    // A file that will not open or fails PRAGMA quick_check is moved aside to
    // "<path>.corrupt-<UTC timestamp>" and a fresh database is created; recovered_from()
    // then names the moved file.
    explicit SqliteStore(const std::string& path);
    ~SqliteStore() override;

    // How long a write waits for another process's lock before failing with SQLITE_BUSY (5 s
    // unless set).
    void set_busy_timeout(std::chrono::milliseconds wait);

    void append(const Record& record) override;
    void append(const Feedback& feedback) override;
    void append(const Span& span) override;
    std::vector<Record> records(LocalDay first, LocalDay last) override;
    std::vector<Feedback> feedback(LocalDay first, LocalDay last) override;
    std::vector<Span> spans(LocalDay first, LocalDay last) override;
    std::optional<std::string> value(const std::string& key) override;
    void set_value(const std::string& key, const std::string& value) override;

    // The week's figures, counted in SQL on the store's indexes.
    WeekFigures week_figures(IsoWeek week, const SummaryOptions& options) override;

    [[nodiscard]] const std::optional<std::filesystem::path>& recovered_from() const { return recovered_from_; }
    [[nodiscard]] const std::string& path() const { return path_; }
    // The connection itself, for the store's own tests (which link SQLiteCpp themselves).
    [[nodiscard]] SQLite::Database& database();

    // Runs the migrations up to `version` only (tests build every earlier schema with this).
    static void migrate(SQLite::Database& db, int version);

private:
    void open();
    std::string path_;
    std::unique_ptr<SQLite::Database> db_;
    std::optional<std::filesystem::path> recovered_from_;
};

// The database at `path`, opened when it can be: a file that cannot be opened yet (a read-only
// or missing directory, a full disk, a lock held too long) makes every call throw StoreError
// until an attempt succeeds, and each call tries again. Errors that no retry can mend (a
// database from a newer Limber) are thrown by the constructor.
class OpeningStore final : public Store {
public:
    // `busy_timeout`: how long a write waits for another process's lock (see SqliteStore).
    explicit OpeningStore(std::string path, std::chrono::milliseconds busy_timeout = std::chrono::seconds{5});

    void append(const Record& record) override { open().append(record); }
    void append(const Feedback& feedback) override { open().append(feedback); }
    void append(const Span& span) override { open().append(span); }
    std::vector<Record> records(LocalDay first, LocalDay last) override { return open().records(first, last); }
    std::vector<Feedback> feedback(LocalDay first, LocalDay last) override { return open().feedback(first, last); }
    std::vector<Span> spans(LocalDay first, LocalDay last) override { return open().spans(first, last); }
    std::optional<std::string> value(const std::string& key) override { return open().value(key); }
    void set_value(const std::string& key, const std::string& value) override { open().set_value(key, value); }

    // The open database, opening it now if need be; throws StoreError when it cannot.
    SqliteStore& open();
    [[nodiscard]] bool is_open() const { return db_ != nullptr; }
    // Why the last attempt failed; empty once open.
    [[nodiscard]] const std::string& error() const { return error_; }
    [[nodiscard]] const std::string& path() const { return path_; }

private:
    std::string path_;
    std::chrono::milliseconds busy_timeout_;
    std::unique_ptr<SqliteStore> db_;
    std::string error_;
};

// Wraps a Store: a write that fails is kept in memory, reported through `on_error`, and retried
// before the next write and on flush(), in the order they were made. A value set again while
// an older value of its key waits replaces it, so a long outage keeps one value per key.
// Reads pass through.
class ResilientStore final : public Store {
public:
    using ErrorHandler = std::function<void(const std::string& message)>;
    ResilientStore(Store& inner, ErrorHandler on_error);

    void append(const Record& record) override;
    void append(const Feedback& feedback) override;
    void append(const Span& span) override;
    std::vector<Record> records(LocalDay first, LocalDay last) override { return inner_.records(first, last); }
    std::vector<Feedback> feedback(LocalDay first, LocalDay last) override { return inner_.feedback(first, last); }
    std::vector<Span> spans(LocalDay first, LocalDay last) override { return inner_.spans(first, last); }
    std::optional<std::string> value(const std::string& key) override { return inner_.value(key); }
    void set_value(const std::string& key, const std::string& value) override;

    // Writes what is waiting; true when nothing is left.
    bool flush();
    [[nodiscard]] std::size_t pending() const { return pending_.size(); }
    [[nodiscard]] const std::string& last_error() const { return last_error_; }

private:
    using Write = std::function<void(Store&)>;
    struct Waiting {
        Write write;
        std::string what;       // for the error message
        std::string value_key;  // a set_value's key: only its newest value waits
    };
    void submit(Waiting waiting);

    Store& inner_;
    ErrorHandler on_error_;
    std::deque<Waiting> pending_;
    std::string last_error_;
};

}  // namespace limber
