#include "limber/store.hpp"

namespace limber {

namespace {
// A failure of the file system rather than of SQLite (moving a damaged file aside on a
// read-only directory, say): worth trying again later, like SQLite's own.
constexpr int file_system_error = -1;
}  // namespace

OpeningStore::OpeningStore(std::string path, std::chrono::milliseconds busy_timeout)
    : path_(std::move(path)), busy_timeout_(busy_timeout)
{
    try {
        open();
    } catch (const StoreError& e) {
        if (e.code() == 0) throw;  // not a file or SQLite error (a newer schema): no retry mends it
    }
}

SqliteStore& OpeningStore::open()
{
    if (db_) return *db_;
    try {
        auto db = std::make_unique<SqliteStore>(path_);
        db->set_busy_timeout(busy_timeout_);
        db_ = std::move(db);
        error_.clear();
        return *db_;
    } catch (const StoreError& e) {
        error_ = e.what();
        throw;
    } catch (const std::exception& e) {
        error_ = path_ + ": cannot open the database: " + e.what();
        throw StoreError(error_, file_system_error);
    }
}

}  // namespace limber
