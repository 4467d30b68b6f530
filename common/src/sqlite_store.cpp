#include "limber/store.hpp"

#include "limber/paths.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/Savepoint.h>
#include <sqlite3.h>

#include <array>
#include <cstdio>
#include <ctime>

namespace limber {
namespace {

using std::chrono::milliseconds;

// Migration N takes the schema from version N-1 to N. Never edit a shipped step: add one.
constexpr std::array<const char*, SqliteStore::schema_version> migrations{
    // 1: the event log and activity spans.
    R"(CREATE TABLE events(
         id INTEGER PRIMARY KEY,
         at_ms INTEGER NOT NULL,
         utc_offset_min INTEGER NOT NULL,
         local_day INTEGER NOT NULL,
         kind TEXT NOT NULL,
         routine TEXT NOT NULL DEFAULT '',
         exercise TEXT NOT NULL DEFAULT '',
         side TEXT NOT NULL DEFAULT '',
         reps INTEGER,
         hold_seconds INTEGER,
         length_s INTEGER NOT NULL DEFAULT 0,
         detail TEXT NOT NULL DEFAULT '');
       CREATE INDEX events_by_day ON events(local_day, kind);
       CREATE TABLE activity(
         id INTEGER PRIMARY KEY,
         kind TEXT NOT NULL,
         start_ms INTEGER NOT NULL,
         end_ms INTEGER NOT NULL,
         utc_offset_min INTEGER NOT NULL,
         local_day INTEGER NOT NULL);
       CREATE INDEX activity_by_day ON activity(local_day);)",
    // 2: whether an event settled a pending break, and per-exercise feedback. Breaks logged
    // before this could only be taken when due.
    R"(ALTER TABLE events ADD COLUMN was_due INTEGER NOT NULL DEFAULT 0;
       UPDATE events SET was_due = 1 WHERE kind IN ('break_completed', 'break_stopped', 'skipped');
       CREATE TABLE feedback(
         id INTEGER PRIMARY KEY,
         at_ms INTEGER NOT NULL,
         utc_offset_min INTEGER NOT NULL,
         local_day INTEGER NOT NULL,
         exercise TEXT NOT NULL,
         rating TEXT NOT NULL CHECK (rating IN ('easy', 'ok', 'hard', 'pain')));
       CREATE INDEX feedback_by_day ON feedback(local_day);)",
    // 3: small named values (scheduler state, progression), and indexes for the streak.
    R"(CREATE TABLE kv(key TEXT PRIMARY KEY, value TEXT NOT NULL);
       CREATE INDEX events_by_kind_day ON events(kind, local_day);
       CREATE INDEX activity_by_kind_day ON activity(kind, local_day);)",
    // 4: the streak's indexes hold each row's time and offset too, so the summary finds the day
    // a row counts for after a night shift (its small hours are the shift's day) from the index
    // alone, across the whole history.
    R"(DROP INDEX events_by_kind_day;
       CREATE INDEX events_by_kind_day ON events(kind, local_day, at_ms, utc_offset_min);
       DROP INDEX activity_by_kind_day;
       CREATE INDEX activity_by_kind_day ON activity(kind, local_day, start_ms, end_ms, utc_offset_min);)",
};

std::int64_t to_ms(WallTime t) { return std::chrono::duration_cast<milliseconds>(t.time_since_epoch()).count(); }
WallTime from_ms(std::int64_t ms) { return WallTime{milliseconds{ms}}; }

std::string utc_timestamp()
{
    const std::tm tm = utc_calendar(std::time(nullptr));
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

ActivityKind kind_from(const std::string& s)
{
    for (auto k : {ActivityKind::Active, ActivityKind::Idle, ActivityKind::Locked, ActivityKind::Asleep})
        if (s == to_string(k)) return k;
    throw StoreError("unknown activity kind '" + s + "' in the activity table");
}

// Runs `body`, turning SQLite's exceptions into StoreError with what we were doing.
template <typename F>
auto guarded(const std::string& path, const char* doing, F&& body)
{
    try {
        return body();
    } catch (const SQLite::Exception& e) {
        throw StoreError(path + ": " + doing + ": " + e.what(), e.getErrorCode());
    }
}

// Errors that mean "the file is damaged", as opposed to "busy", "no permission", "disk full".
bool means_corrupt(int code) { return code == SQLITE_CORRUPT || code == SQLITE_NOTADB; }

}  // namespace

const char* to_string(Rating r)
{
    switch (r) {
    case Rating::Easy: return "easy";
    case Rating::Ok: return "ok";
    case Rating::Hard: return "hard";
    case Rating::Pain: return "pain";
    }
    return "ok";
}

std::optional<Rating> parse_rating(std::string_view text)
{
    for (auto r : {Rating::Easy, Rating::Ok, Rating::Hard, Rating::Pain})
        if (text == to_string(r)) return r;
    return std::nullopt;
}

Record Record::from(const Event& e)
{
    Record r;
    r.at = Stamp::of(e.at);
    r.kind = to_string(e.kind);
    r.routine = e.routine;
    r.length = e.length;
    r.was_due = e.was_due;
    r.detail = e.detail;
    return r;
}

SqliteStore::SqliteStore(const std::string& path) : path_(path) { open(); }
SqliteStore::~SqliteStore() = default;

SQLite::Database& SqliteStore::database() { return *db_; }

void SqliteStore::set_busy_timeout(std::chrono::milliseconds wait) { db_->setBusyTimeout(static_cast<int>(wait.count())); }

void SqliteStore::migrate(SQLite::Database& db, int version)
{
    const int current = db.execAndGet("PRAGMA user_version").getInt();
    if (current > schema_version)
        throw StoreError("the database is from a newer Limber (schema " + std::to_string(current) + ", this one knows " +
                         std::to_string(schema_version) + ")");
    for (int v = current + 1; v <= version; ++v) {
        SQLite::Transaction t(db);
        db.exec(migrations[static_cast<std::size_t>(v - 1)]);
        db.exec("PRAGMA user_version = " + std::to_string(v));
        t.commit();
    }
}

void SqliteStore::open()
{
    const bool memory = path_ == ":memory:";
    auto attempt = [&] {
        db_ = std::make_unique<SQLite::Database>(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db_->setBusyTimeout(5000);
        const std::string check = db_->execAndGet("PRAGMA quick_check").getString();
        if (check != "ok") throw SQLite::Exception("quick_check failed: " + check, SQLITE_CORRUPT);
        if (!memory) db_->exec("PRAGMA journal_mode = WAL");
        db_->exec("PRAGMA foreign_keys = ON");
        db_->exec("PRAGMA synchronous = NORMAL");
        migrate(*db_, schema_version);
    };
    if (!memory) {
        std::error_code ec;
        std::filesystem::create_directories(path_from_utf8(path_).parent_path(), ec);
    }
    try {
        attempt();
        return;
    } catch (const SQLite::Exception& e) {
        if (memory || !means_corrupt(e.getErrorCode()))
            throw StoreError(path_ + ": cannot open the database: " + e.what(), e.getErrorCode());
    }
    // Damaged: keep it for the user (and for recovery tools), start a new one.
    db_.reset();
    // path_ is UTF-8, as SQLite takes it; the file system is told so.
    const std::string aside_name = path_ + ".corrupt-" + utc_timestamp();
    const std::filesystem::path aside = path_from_utf8(aside_name);
    std::filesystem::rename(path_from_utf8(path_), aside);
    for (const char* suffix : {"-wal", "-shm"}) {
        std::error_code ec;
        std::filesystem::rename(path_from_utf8(path_ + suffix), path_from_utf8(aside_name + suffix), ec);
    }
    recovered_from_ = aside;
    guarded(path_, "creating a new database after moving the damaged one aside", [&] {
        attempt();
        return 0;
    });
}

void SqliteStore::append(const Record& r)
{
    guarded(path_, ("recording " + r.kind).c_str(), [&] {
        SQLite::Statement q(*db_, "INSERT INTO events(at_ms, utc_offset_min, local_day, kind, routine, exercise, side, "
                                  "reps, hold_seconds, length_s, was_due, detail) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
        q.bind(1, to_ms(r.at.utc));
        q.bind(2, static_cast<int>(r.at.utc_offset.count()));
        q.bind(3, r.at.local_day());
        q.bind(4, r.kind);
        q.bind(5, r.routine);
        q.bind(6, r.exercise);
        q.bind(7, r.side);
        if (r.reps) q.bind(8, *r.reps);
        if (r.hold_seconds) q.bind(9, *r.hold_seconds);
        q.bind(10, static_cast<std::int64_t>(r.length.count()));
        q.bind(11, r.was_due ? 1 : 0);
        q.bind(12, r.detail);
        q.exec();
        return 0;
    });
}

void SqliteStore::append(const Feedback& f)
{
    guarded(path_, "recording feedback", [&] {
        SQLite::Statement q(*db_, "INSERT INTO feedback(at_ms, utc_offset_min, local_day, exercise, rating) VALUES(?,?,?,?,?)");
        q.bind(1, to_ms(f.at.utc));
        q.bind(2, static_cast<int>(f.at.utc_offset.count()));
        q.bind(3, f.at.local_day());
        q.bind(4, f.exercise);
        q.bind(5, to_string(f.rating));
        q.exec();
        return 0;
    });
}

void SqliteStore::append(const Span& span)
{
    if (span.end <= span.start.utc) return;
    guarded(path_, "recording activity", [&] {
        // A savepoint, not a transaction, so a caller's own transaction (a bulk import) can hold it.
        SQLite::Savepoint t(*db_, "span");
        // Cut at local midnight so every row belongs to one day.
        WallTime start = span.start.utc;
        while (start < span.end) {
            const LocalDay day = local_day_of(start, span.start.utc_offset);
            const WallTime midnight{std::chrono::days{day + 1} - std::chrono::nanoseconds{span.start.utc_offset}};
            const WallTime end = std::min(span.end, midnight);
            SQLite::Statement last(*db_, "SELECT id, kind, end_ms, local_day FROM activity ORDER BY id DESC LIMIT 1");
            // Only a span that carries on from the last one is merged into it: one that overlaps
            // it (the calendar was set back) is a row of its own, so no time is lost.
            const bool merge = last.executeStep() && last.getColumn(1).getString() == to_string(span.kind) &&
                               last.getColumn(3).getInt64() == day && last.getColumn(2).getInt64() >= to_ms(start) - 1000 &&
                               last.getColumn(2).getInt64() <= to_ms(start) + 1000;
            if (merge) {
                SQLite::Statement q(*db_, "UPDATE activity SET end_ms = max(end_ms, ?) WHERE id = ?");
                q.bind(1, to_ms(end));
                q.bind(2, last.getColumn(0).getInt64());
                q.exec();
            } else {
                SQLite::Statement q(*db_, "INSERT INTO activity(kind, start_ms, end_ms, utc_offset_min, local_day) VALUES(?,?,?,?,?)");
                q.bind(1, to_string(span.kind));
                q.bind(2, to_ms(start));
                q.bind(3, to_ms(end));
                q.bind(4, static_cast<int>(span.start.utc_offset.count()));
                q.bind(5, day);
                q.exec();
            }
            start = end;
        }
        t.release();
        return 0;
    });
}

std::vector<Record> SqliteStore::records(LocalDay first, LocalDay last)
{
    return guarded(path_, "reading events", [&] {
        SQLite::Statement q(*db_, "SELECT at_ms, utc_offset_min, kind, routine, exercise, side, reps, hold_seconds, "
                                  "length_s, was_due, detail FROM events WHERE local_day BETWEEN ? AND ? ORDER BY at_ms, id");
        q.bind(1, first);
        q.bind(2, last);
        std::vector<Record> out;
        while (q.executeStep()) {
            Record r;
            r.at = {from_ms(q.getColumn(0).getInt64()), Minutes{q.getColumn(1).getInt()}};
            r.kind = q.getColumn(2).getString();
            r.routine = q.getColumn(3).getString();
            r.exercise = q.getColumn(4).getString();
            r.side = q.getColumn(5).getString();
            if (!q.getColumn(6).isNull()) r.reps = q.getColumn(6).getInt();
            if (!q.getColumn(7).isNull()) r.hold_seconds = q.getColumn(7).getInt();
            r.length = Seconds{q.getColumn(8).getInt64()};
            r.was_due = q.getColumn(9).getInt() != 0;
            r.detail = q.getColumn(10).getString();
            out.push_back(std::move(r));
        }
        return out;
    });
}

std::vector<Feedback> SqliteStore::feedback(LocalDay first, LocalDay last)
{
    return guarded(path_, "reading feedback", [&] {
        SQLite::Statement q(*db_, "SELECT at_ms, utc_offset_min, exercise, rating FROM feedback "
                                  "WHERE local_day BETWEEN ? AND ? ORDER BY at_ms, id");
        q.bind(1, first);
        q.bind(2, last);
        std::vector<Feedback> out;
        while (q.executeStep()) {
            Feedback f;
            f.at = {from_ms(q.getColumn(0).getInt64()), Minutes{q.getColumn(1).getInt()}};
            f.exercise = q.getColumn(2).getString();
            f.rating = parse_rating(q.getColumn(3).getString()).value_or(Rating::Ok);
            out.push_back(std::move(f));
        }
        return out;
    });
}

std::vector<Span> SqliteStore::spans(LocalDay first, LocalDay last)
{
    return guarded(path_, "reading activity", [&] {
        SQLite::Statement q(*db_, "SELECT kind, start_ms, end_ms, utc_offset_min FROM activity "
                                  "WHERE local_day BETWEEN ? AND ? ORDER BY start_ms, id");
        q.bind(1, first);
        q.bind(2, last);
        std::vector<Span> out;
        while (q.executeStep()) {
            Span s;
            s.kind = kind_from(q.getColumn(0).getString());
            s.start = {from_ms(q.getColumn(1).getInt64()), Minutes{q.getColumn(3).getInt()}};
            s.end = from_ms(q.getColumn(2).getInt64());
            out.push_back(s);
        }
        return out;
    });
}

std::optional<std::string> SqliteStore::value(const std::string& key)
{
    return guarded(path_, "reading a saved value", [&]() -> std::optional<std::string> {
        SQLite::Statement q(*db_, "SELECT value FROM kv WHERE key = ?");
        q.bind(1, key);
        if (!q.executeStep()) return std::nullopt;
        return q.getColumn(0).getString();
    });
}

void SqliteStore::set_value(const std::string& key, const std::string& value)
{
    guarded(path_, ("saving " + key).c_str(), [&] {
        SQLite::Statement q(*db_, "INSERT INTO kv(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        q.bind(1, key);
        q.bind(2, value);
        q.exec();
        return 0;
    });
}

}  // namespace limber
