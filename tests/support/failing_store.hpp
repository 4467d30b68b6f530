// A Store in memory whose writes fail when a test says so, the way a full disk fails them:
// storage faults are tested without tricks on a real database.
#pragma once

#include "limber/store.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace limber::test {

class FailingStore final : public Store {
public:
    // The next `good_writes` writes succeed; every write after them throws StoreError with
    // SQLITE_FULL's code, and changes nothing, until recover().
    void fail_after(std::size_t good_writes) { good_left_ = good_writes; }
    void fail_now() { fail_after(0); }
    void recover() { good_left_.reset(); }

    void append(const Record& record) override;
    void append(const Feedback& feedback) override;
    void append(const Span& span) override;
    // Reads never fail. Spans are kept as written (not merged or cut at midnight).
    std::vector<Record> records(LocalDay first, LocalDay last) override;
    std::vector<Feedback> feedback(LocalDay first, LocalDay last) override;
    std::vector<Span> spans(LocalDay first, LocalDay last) override;
    std::optional<std::string> value(const std::string& key) override;
    void set_value(const std::string& key, const std::string& value) override;

    // Every write that succeeded and every one that was refused.
    [[nodiscard]] std::size_t writes() const { return writes_; }
    [[nodiscard]] std::size_t failures() const { return failures_; }

private:
    // Throws when this write is to fail; counts it otherwise.
    void write(const std::string& what);

    std::optional<std::size_t> good_left_;
    std::size_t writes_ = 0;
    std::size_t failures_ = 0;
    std::vector<Record> records_;
    std::vector<Feedback> feedback_;
    std::vector<Span> spans_;
    std::map<std::string, std::string> values_;
};

}  // namespace limber::test
