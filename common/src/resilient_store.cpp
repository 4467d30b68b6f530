#include "limber/store.hpp"

namespace limber {

ResilientStore::ResilientStore(Store& inner, ErrorHandler on_error) : inner_(inner), on_error_(std::move(on_error)) {}

void ResilientStore::submit(Waiting waiting)
{
    if (!waiting.value_key.empty())
        std::erase_if(pending_, [&](const Waiting& w) { return w.value_key == waiting.value_key; });
    pending_.push_back(std::move(waiting));
    flush();
}

bool ResilientStore::flush()
{
    // In order: a later event is never written before an earlier one that is waiting.
    while (!pending_.empty()) {
        try {
            pending_.front().write(inner_);
        } catch (const StoreError& e) {
            last_error_ = e.what();
            on_error_(std::string(e.what()) + " (" + std::to_string(pending_.size()) +
                      " waiting, kept in memory and retried)");
            return false;
        }
        pending_.pop_front();
    }
    if (!last_error_.empty()) {
        on_error_("the database accepts writes again; everything that was waiting is saved");
        last_error_.clear();
    }
    return true;
}

void ResilientStore::append(const Record& record)
{
    submit({[record](Store& s) { s.append(record); }, record.kind, {}});
}

void ResilientStore::append(const Feedback& feedback)
{
    submit({[feedback](Store& s) { s.append(feedback); }, "feedback", {}});
}

void ResilientStore::append(const Span& span)
{
    submit({[span](Store& s) { s.append(span); }, "activity", {}});
}

void ResilientStore::set_value(const std::string& key, const std::string& value)
{
    submit({[key, value](Store& s) { s.set_value(key, value); }, key, key});
}

}  // namespace limber
