// Building time stamps from local calendar times, for store and summary fixtures.
#pragma once

#include "limber/store.hpp"

namespace limber::test {

// Local date and time with its UTC offset in minutes (Europe/Berlin: 60 in winter, 120 in summer).
inline Stamp stamp(int y, unsigned mo, unsigned d, int h, int mi, int offset_minutes = 60)
{
    const std::chrono::local_days day{std::chrono::year{y} / mo / d};
    const auto local = day.time_since_epoch() + std::chrono::hours{h} + std::chrono::minutes{mi};
    return Stamp{WallTime{local - std::chrono::minutes{offset_minutes}}, std::chrono::minutes{offset_minutes}};
}

inline Record record(Stamp at, std::string kind, std::string routine = {}, bool was_due = false)
{
    Record r;
    r.at = at;
    r.kind = std::move(kind);
    r.routine = std::move(routine);
    r.was_due = was_due;
    return r;
}

inline Span span(ActivityKind kind, Stamp start, Stamp end) { return Span{kind, start, end.utc}; }

}  // namespace limber::test
