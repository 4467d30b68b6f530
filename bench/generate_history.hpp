// Fills a store with years of realistic use: a working day every weekday, breaks about every
// 45 minutes (some snoozed, skipped or missed), exercises, feedback, lunch away, activity spans.
#pragma once

#include "limber/store.hpp"

namespace limber::bench {

struct HistoryShape {
    LocalDay first_day = 0;
    int days = 5 * 365;
    unsigned seed = 42;
};

// Returns the number of event rows written.
std::size_t generate_history(SqliteStore& store, const HistoryShape& shape);

}  // namespace limber::bench
