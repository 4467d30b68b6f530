// The SQLite store, run against a file and against :memory:, plus migrations, corruption
// recovery and the failed-write path.
#include "limber/store.hpp"
#include "support/catch.hpp"
#include "support/stamps.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <fstream>
#include <thread>

using namespace std::chrono_literals;
using limber::ActivityKind;
using limber::Record;
using limber::SqliteStore;
using limber::StoreError;
using limber::test::record;
using limber::test::span;
using limber::test::stamp;
using Kind = limber::Event::Kind;

namespace {

// One fixture, every backing: each test runs against a temporary file and :memory:.
struct Backing {
    limber::test::TempDir dir;
    std::string path;
    explicit Backing(bool in_memory) : path(in_memory ? ":memory:" : (dir.path() / "limber.db").string()) {}
};

limber::LocalDay day_of(int y, unsigned m, unsigned d)
{
    return std::chrono::local_days{std::chrono::year{y} / m / d}.time_since_epoch().count();
}

const limber::LocalDay all_first = day_of(2000, 1, 1);
const limber::LocalDay all_last = day_of(2100, 1, 1);

std::size_t rows_in(SQLite::Database& db, const std::string& table)
{
    return static_cast<std::size_t>(db.execAndGet("SELECT count(*) FROM " + table).getInt64());
}

}  // namespace

TEST_CASE("every event kind round-trips through the store")
{
    Backing b(GENERATE(false, true));
    SqliteStore store(b.path);
    std::vector<Record> written;
    auto at = stamp(2026, 11, 23, 9, 0);
    for (int k = 0; k <= static_cast<int>(Kind::DueCleared); ++k) {
        limber::Event e;
        e.kind = static_cast<Kind>(k);
        e.at = limber::Instant{{}, at.utc, at.utc_offset};
        e.routine = "quick-daily-reset";
        e.length = 90s;
        e.was_due = k % 2 == 0;
        e.detail = std::string("detail ") + limber::to_string(e.kind);
        written.push_back(Record::from(e));
        store.append(written.back());
        at.utc += 1min;
    }
    Record exercise = record(at, "exercise_completed", "quick-daily-reset");
    exercise.exercise = "thread-the-needle";
    exercise.side = "right";
    exercise.reps = 1;
    exercise.hold_seconds = 25;
    store.append(exercise);
    written.push_back(exercise);

    CHECK(store.records(all_first, all_last) == written);
    CHECK(written[1].kind == "break_due");
}

TEST_CASE("feedback, spans and saved values round-trip")
{
    Backing b(GENERATE(false, true));
    SqliteStore store(b.path);
    const limber::Feedback pain{stamp(2026, 11, 23, 9, 5), "chin-tucks", limber::Rating::Pain};
    const limber::Feedback easy{stamp(2026, 11, 23, 9, 6), "cat-cow", limber::Rating::Easy};
    store.append(pain);
    store.append(easy);
    CHECK(store.feedback(all_first, all_last) == std::vector{pain, easy});

    CHECK_FALSE(store.value("scheduler"));
    store.set_value("scheduler", "{\"a\":1}");
    store.set_value("scheduler", "{\"a\":2}");
    CHECK(store.value("scheduler") == "{\"a\":2}");
}

TEST_CASE("activity spans are merged, not stored one per report")
{
    Backing b(GENERATE(false, true));
    SqliteStore store(b.path);
    store.append(span(ActivityKind::Active, stamp(2026, 11, 23, 9, 0), stamp(2026, 11, 23, 9, 10)));
    store.append(span(ActivityKind::Active, stamp(2026, 11, 23, 9, 10), stamp(2026, 11, 23, 9, 20)));
    store.append(span(ActivityKind::Idle, stamp(2026, 11, 23, 9, 20), stamp(2026, 11, 23, 9, 22)));
    store.append(span(ActivityKind::Active, stamp(2026, 11, 23, 9, 22), stamp(2026, 11, 23, 9, 30)));
    const auto spans = store.spans(all_first, all_last);
    REQUIRE(spans.size() == 3);
    CHECK(spans[0] == span(ActivityKind::Active, stamp(2026, 11, 23, 9, 0), stamp(2026, 11, 23, 9, 20)));
    CHECK(spans[1].kind == ActivityKind::Idle);
    CHECK(rows_in(store.database(), "activity") == 3);
}

TEST_CASE("a span across local midnight is cut into one row per day")
{
    Backing b(GENERATE(false, true));
    SqliteStore store(b.path);
    store.append(span(ActivityKind::Active, stamp(2026, 11, 23, 23, 30), stamp(2026, 11, 24, 0, 45)));
    CHECK(store.spans(day_of(2026, 11, 23), day_of(2026, 11, 23)) ==
          std::vector{span(ActivityKind::Active, stamp(2026, 11, 23, 23, 30), stamp(2026, 11, 24, 0, 0))});
    CHECK(store.spans(day_of(2026, 11, 24), day_of(2026, 11, 24)) ==
          std::vector{span(ActivityKind::Active, stamp(2026, 11, 24, 0, 0), stamp(2026, 11, 24, 0, 45))});
}

TEST_CASE("the file is in WAL mode with foreign keys and a busy timeout")
{
    limber::test::TempDir dir;
    SqliteStore store((dir.path() / "sub" / "limber.db").string());
    CHECK(store.database().execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(store.database().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(store.database().execAndGet("PRAGMA busy_timeout").getInt() == 5000);
    CHECK(store.database().execAndGet("PRAGMA user_version").getInt() == SqliteStore::schema_version);
}

TEST_CASE("every earlier schema migrates to the current one, keeping its rows")
{
    const int from = GENERATE(range(0, SqliteStore::schema_version));
    INFO("from schema " << from);
    limber::test::TempDir dir;
    const auto path = (dir.path() / "limber.db").string();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        SqliteStore::migrate(db, from);
        if (from >= 1) {
            db.exec("INSERT INTO events(at_ms, utc_offset_min, local_day, kind, routine) "
                    "VALUES(1795420800000, 60, 20780, 'break_completed', 'quick-daily-reset')");
            db.exec("INSERT INTO activity(kind, start_ms, end_ms, utc_offset_min, local_day) "
                    "VALUES('active', 1795420800000, 1795424400000, 60, 20780)");
        }
        if (from >= 2) db.exec("INSERT INTO feedback(at_ms, utc_offset_min, local_day, exercise, rating) "
                               "VALUES(1795420800000, 60, 20780, 'cat-cow', 'easy')");
    }
    SqliteStore store(path);
    CHECK(store.database().execAndGet("PRAGMA user_version").getInt() == SqliteStore::schema_version);
    const auto records = store.records(all_first, all_last);
    CHECK(records.size() == (from >= 1 ? 1u : 0u));
    if (from == 1) CHECK(records.at(0).was_due);  // breaks logged before v2 were all due
    CHECK(store.spans(all_first, all_last).size() == (from >= 1 ? 1u : 0u));
    CHECK(store.feedback(all_first, all_last).size() == (from >= 2 ? 1u : 0u));
    store.set_value("k", "v");  // the newest table exists
    // The streak's indexes cover each row's time, for the days of night shifts.
    auto columns = [&](const char* index) {
        SQLite::Statement q(store.database(), std::string("SELECT name FROM pragma_index_info('") + index + "') ORDER BY seqno");
        std::vector<std::string> out;
        while (q.executeStep()) out.push_back(q.getColumn(0).getString());
        return out;
    };
    CHECK(columns("events_by_kind_day") == std::vector<std::string>{"kind", "local_day", "at_ms", "utc_offset_min"});
    CHECK(columns("activity_by_kind_day") == std::vector<std::string>{"kind", "local_day", "start_ms", "end_ms", "utc_offset_min"});
}

TEST_CASE("a database from a newer version is refused, not damaged")
{
    limber::test::TempDir dir;
    const auto path = (dir.path() / "limber.db").string();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA user_version = 99");
    }
    CHECK_THROWS_WITH(SqliteStore(path), Catch::Contains("the database is from a newer Limber (schema 99, this one knows 4)"));
    CHECK(std::filesystem::exists(path));
}

TEST_CASE("a damaged database is moved aside and a new one created")
{
    limber::test::TempDir dir;
    const auto path = (dir.path() / "limber.db").string();
    SECTION("garbage")
    {
        std::ofstream(path) << std::string(8192, 'x');
    }
    SECTION("truncated")
    {
        {
            SqliteStore store(path);
            for (int i = 0; i < 500; ++i) store.append(record(stamp(2026, 11, 23, 9, i % 60), "break_due", std::string(200, 'r')));
        }
        std::filesystem::remove(path + "-wal");
        std::filesystem::resize_file(path, 4096 * 3);
    }
    SqliteStore store(path);
    REQUIRE(store.recovered_from());
    CHECK(store.recovered_from()->string().starts_with(path + ".corrupt-"));
    CHECK(std::filesystem::exists(*store.recovered_from()));
    store.append(record(stamp(2026, 11, 23, 9, 0), "break_due"));
    CHECK(store.records(all_first, all_last).size() == 1);
}

TEST_CASE("a database that cannot be opened is a loud error with the path")
{
    limber::test::TempDir dir;
    std::ofstream(dir.path() / "file") << "x";
    const auto path = (dir.path() / "file" / "limber.db").string();
    CHECK_THROWS_WITH(SqliteStore(path), Catch::Contains(path + ": cannot open the database"));
}

TEST_CASE("a database locked by another writer is waited for")
{
    limber::test::TempDir dir;
    const auto path = (dir.path() / "limber.db").string();
    SqliteStore store(path);
    SQLite::Database other(path, SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    std::thread release([&] {
        std::this_thread::sleep_for(300ms);
        other.exec("COMMIT");
    });
    CHECK_NOTHROW(store.append(record(stamp(2026, 11, 23, 9, 0), "break_due")));
    release.join();
}

TEST_CASE("a failed write is kept in memory, reported, and written when the database recovers")
{
    Backing b(GENERATE(false, true));
    SqliteStore store(b.path);
    std::vector<std::string> errors;
    limber::ResilientStore resilient(store, [&](const std::string& m) { errors.push_back(m); });
    resilient.append(record(stamp(2026, 11, 23, 9, 0), "break_due"));

    SECTION("read-only")
    {
        store.database().exec("PRAGMA query_only = 1");
        CHECK_THROWS_AS(store.append(record(stamp(2026, 11, 23, 9, 1), "x")), StoreError);
        resilient.append(record(stamp(2026, 11, 23, 9, 1), "snoozed"));
        resilient.append(limber::Feedback{stamp(2026, 11, 23, 9, 2), "cat-cow", limber::Rating::Ok});
        CHECK(resilient.pending() == 2);
        REQUIRE(errors.size() == 2);
        CHECK_THAT(errors[0], Catch::Contains("recording snoozed") && Catch::Contains("kept in memory and retried"));
        CHECK_FALSE(resilient.flush());
        store.database().exec("PRAGMA query_only = 0");
    }
    SECTION("disk full")
    {
        const int pages = store.database().execAndGet("PRAGMA page_count").getInt();
        store.database().exec("PRAGMA max_page_count = " + std::to_string(pages));
        Record big = record(stamp(2026, 11, 23, 9, 1), "snoozed");
        big.detail = std::string(6000, 'f');  // needs pages the database may not grow to
        CHECK_THROWS_MATCHES(store.append(big), StoreError,
                             Catch::Matchers::Predicate<StoreError>([](const StoreError& e) { return e.code() == SQLITE_FULL; }));
        resilient.append(big);
        CHECK(resilient.pending() == 1);
        REQUIRE(errors.size() == 1);
        CHECK_THAT(errors[0], Catch::Contains("full"));
        store.database().exec("PRAGMA max_page_count = 1000000");
    }
    const std::size_t before = errors.size();
    REQUIRE(resilient.flush());
    CHECK(resilient.pending() == 0);
    CHECK(errors.size() == before + 1);
    CHECK(errors.back() == "the database accepts writes again; everything that was waiting is saved");
    std::vector<std::string> kinds;
    for (const auto& r : store.records(all_first, all_last)) kinds.push_back(r.kind);
    CHECK(kinds == std::vector<std::string>{"break_due", "snoozed"});
}

TEST_CASE("a database that cannot be opened yet is opened by a later write, and nothing waiting is lost")
{
    limber::test::TempDir dir;
    std::ofstream(dir.path() / "data") << "a file where the directory should be";
    const auto path = (dir.path() / "data" / "limber.db").string();
    limber::OpeningStore store(path);
    CHECK_FALSE(store.is_open());
    CHECK_THAT(store.error(), Catch::Contains(path + ": cannot open the database"));

    std::vector<std::string> errors;
    limber::ResilientStore resilient(store, [&](const std::string& m) { errors.push_back(m); });
    resilient.append(record(stamp(2026, 11, 23, 9, 0), "break_due"));
    resilient.append(record(stamp(2026, 11, 23, 9, 1), "snoozed"));
    CHECK(resilient.pending() == 2);
    REQUIRE(errors.size() == 2);
    CHECK_THAT(errors[0], Catch::Contains(path) && Catch::Contains("kept in memory and retried"));
    CHECK_THROWS_AS(store.records(all_first, all_last), StoreError);

    std::filesystem::remove(dir.path() / "data");  // the disk comes back
    REQUIRE(resilient.flush());
    CHECK(store.is_open());
    CHECK(store.error().empty());
    std::vector<std::string> kinds;
    for (const auto& r : store.records(all_first, all_last)) kinds.push_back(r.kind);
    CHECK(kinds == std::vector<std::string>{"break_due", "snoozed"});
}

TEST_CASE("a database from a newer version is refused at once by the opening store too")
{
    limber::test::TempDir dir;
    const auto path = (dir.path() / "limber.db").string();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA user_version = 99");
    }
    CHECK_THROWS_WITH(limber::OpeningStore(path), Catch::Contains("newer Limber"));
}
