#include "support/failing_store.hpp"

#include <sqlite3.h>

namespace limber::test {
namespace {

template <typename T, typename DayOf>
std::vector<T> within(const std::vector<T>& all, LocalDay first, LocalDay last, DayOf day_of)
{
    std::vector<T> out;
    for (const T& item : all)
        if (const LocalDay d = day_of(item); d >= first && d <= last) out.push_back(item);
    return out;
}

}  // namespace

void FailingStore::write(const std::string& what)
{
    if (good_left_) {
        if (*good_left_ == 0) {
            ++failures_;
            throw StoreError("test store: recording " + what + ": database or disk is full", SQLITE_FULL);
        }
        --*good_left_;
    }
    ++writes_;
}

void FailingStore::append(const Record& record)
{
    write(record.kind);
    records_.push_back(record);
}

void FailingStore::append(const Feedback& feedback)
{
    write("feedback");
    feedback_.push_back(feedback);
}

void FailingStore::append(const Span& span)
{
    write("activity");
    spans_.push_back(span);
}

void FailingStore::set_value(const std::string& key, const std::string& value)
{
    write(key);
    values_[key] = value;
}

std::vector<Record> FailingStore::records(LocalDay first, LocalDay last)
{
    return within(records_, first, last, [](const Record& r) { return r.at.local_day(); });
}

std::vector<Feedback> FailingStore::feedback(LocalDay first, LocalDay last)
{
    return within(feedback_, first, last, [](const Feedback& f) { return f.at.local_day(); });
}

std::vector<Span> FailingStore::spans(LocalDay first, LocalDay last)
{
    return within(spans_, first, last, [](const Span& s) { return s.start.local_day(); });
}

std::optional<std::string> FailingStore::value(const std::string& key)
{
    const auto it = values_.find(key);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

}  // namespace limber::test
