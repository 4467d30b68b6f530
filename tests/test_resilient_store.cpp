// The store that keeps failed writes in memory, against a store that fails on demand: a write
// refused at any point is neither lost nor written twice, and the order holds.
#include "limber/store.hpp"
#include "support/catch.hpp"
#include "support/failing_store.hpp"
#include "support/stamps.hpp"

#include <sqlite3.h>

#include <string>
#include <vector>

using limber::Record;
using limber::ResilientStore;
using limber::test::FailingStore;
using limber::test::record;
using limber::test::stamp;

namespace {

const limber::LocalDay all_first = std::chrono::local_days{std::chrono::year{2000} / 1 / 1}.time_since_epoch().count();
const limber::LocalDay all_last = std::chrono::local_days{std::chrono::year{2100} / 1 / 1}.time_since_epoch().count();

// The n-th of a day's records, a minute apart.
Record nth(int n) { return record(stamp(2026, 12, 7, 9, n), "event " + std::to_string(n)); }

std::vector<std::string> kinds(FailingStore& store)
{
    std::vector<std::string> out;
    for (const Record& r : store.records(all_first, all_last)) out.push_back(r.kind);
    return out;
}

std::vector<std::string> first_kinds(int n)
{
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) out.push_back("event " + std::to_string(i));
    return out;
}

}  // namespace

TEST_CASE("the test store fails when told, changes nothing then, and says it was full")
{
    FailingStore store;
    store.fail_after(1);
    store.append(nth(0));
    CHECK_THROWS_MATCHES(store.append(nth(1)), limber::StoreError,
                         Catch::Matchers::Predicate<limber::StoreError>([](const limber::StoreError& e) { return e.code() == SQLITE_FULL; }));
    CHECK_THROWS_AS(store.set_value("k", "v"), limber::StoreError);
    CHECK(kinds(store) == first_kinds(1));
    CHECK_FALSE(store.value("k"));
    CHECK(store.writes() == 1);
    CHECK(store.failures() == 2);
    store.recover();
    store.append(nth(1));
    CHECK(kinds(store) == first_kinds(2));
}

TEST_CASE("a write refused at any point is kept, retried in order, and written exactly once")
{
    const int good = GENERATE(range(0, 8));
    const int total = 8;
    FailingStore inner;
    std::vector<std::string> errors;
    ResilientStore store(inner, [&](const std::string& m) { errors.push_back(m); });
    inner.fail_after(static_cast<std::size_t>(good));
    for (int i = 0; i < total; ++i) store.append(nth(i));
    CHECK(kinds(inner) == first_kinds(good));
    CHECK(store.pending() == static_cast<std::size_t>(total - good));
    // Each write while the store is full tries the oldest waiting one first, and says so.
    REQUIRE(errors.size() == static_cast<std::size_t>(total - good));
    CHECK_THAT(errors.back(), Catch::Contains("recording event " + std::to_string(good)) &&
                                  Catch::Contains(std::to_string(total - good) + " waiting, kept in memory and retried"));
    CHECK_FALSE(store.flush());

    inner.recover();
    REQUIRE(store.flush());
    CHECK(store.pending() == 0);
    CHECK(kinds(inner) == first_kinds(total));
    CHECK(errors.back() == "the database accepts writes again; everything that was waiting is saved");
    CHECK(inner.writes() == static_cast<std::size_t>(total));
}

TEST_CASE("a store that fails again halfway through the backlog keeps the rest waiting, in order")
{
    FailingStore inner;
    std::vector<std::string> errors;
    ResilientStore store(inner, [&](const std::string& m) { errors.push_back(m); });
    inner.fail_now();
    for (int i = 0; i < 5; ++i) store.append(nth(i));
    inner.fail_after(2);  // room for two rows, then full again
    CHECK_FALSE(store.flush());
    CHECK(kinds(inner) == first_kinds(2));
    CHECK(store.pending() == 3);
    store.append(nth(5));  // waits behind the three, never written before them
    CHECK(kinds(inner) == first_kinds(2));
    inner.recover();
    store.append(nth(6));
    CHECK(store.pending() == 0);
    CHECK(kinds(inner) == first_kinds(7));
}

TEST_CASE("a value saved again during an outage replaces the one waiting; records all wait")
{
    FailingStore inner;
    std::vector<std::string> errors;
    ResilientStore store(inner, [&](const std::string& m) { errors.push_back(m); });
    inner.fail_now();
    for (int i = 0; i < 100; ++i) {
        store.set_value("schedule", "state " + std::to_string(i));
        store.set_value("progression", "p" + std::to_string(i));
    }
    store.append(nth(0));
    store.set_value("schedule", "state 100");
    store.append(limber::Feedback{stamp(2026, 12, 7, 9, 1), "cat-cow", limber::Rating::Ok});
    // One value per key, and every record.
    CHECK(store.pending() == 4);
    inner.recover();
    REQUIRE(store.flush());
    CHECK(inner.value("schedule") == "state 100");
    CHECK(inner.value("progression") == "p99");
    CHECK(kinds(inner) == first_kinds(1));
    CHECK(inner.feedback(all_first, all_last).size() == 1);
    CHECK(inner.writes() == 4);
}
