// How long the weekly summary takes on five years of history.
// Usage: limber_bench_summary [DATABASE]  (created on first use; default five-years.db)
#include "generate_history.hpp"
#include "limber/summary.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

int main(int argc, char** argv)
{
    using clock = std::chrono::steady_clock;
    const std::string path = argc > 1 ? argv[1] : "five-years.db";
    const bool fresh = !std::filesystem::exists(path);
    limber::SqliteStore store(path);
    const limber::LocalDay first = std::chrono::local_days{std::chrono::year{2021} / 1 / 4}.time_since_epoch().count();
    if (fresh) {
        const auto t0 = clock::now();
        const auto n = limber::bench::generate_history(store, {first, 5 * 365, 42});
        std::printf("generated %zu events in %.1f s\n", n,
                    std::chrono::duration<double>(clock::now() - t0).count());
    }
    const auto events = store.database().execAndGet("SELECT count(*) FROM events").getInt64();
    const auto spans = store.database().execAndGet("SELECT count(*) FROM activity").getInt64();
    std::printf("database: %s, %lld events, %lld activity spans\n", path.c_str(), static_cast<long long>(events),
                static_cast<long long>(spans));

    const limber::IsoWeek week = limber::iso_week_of(first + 3 * 365 + 100);
    // 30 weekly summaries of the same week, sorted by time taken; empty when the week is.
    auto measure = [&](const limber::SummaryOptions& options) {
        std::vector<double> ms;
        for (int i = 0; i < 30; ++i) {
            const auto t0 = clock::now();
            const auto s = limber::weekly_summary(store, week, options);
            ms.push_back(std::chrono::duration<double, std::milli>(clock::now() - t0).count());
            if (s.week.due == 0) return std::vector<double>{};
        }
        std::sort(ms.begin(), ms.end());
        return ms;
    };
    const auto ms = measure({});
    // The same week with night shifts in the working hours, which decide each row's day as it is read.
    limber::SummaryOptions nights;
    for (unsigned d = 1; d <= 5; ++d) nights.working_hours.days[d] = {{limber::Minutes{22 * 60}, limber::Minutes{26 * 60}}};
    const auto night_ms = measure(nights);
    if (ms.empty() || night_ms.empty()) {
        std::fprintf(stderr, "the benchmark week %s is empty\n", week.to_string().c_str());
        return 1;
    }
    std::printf("weekly summary (%s, with last week): median %.2f ms, best %.2f ms, worst %.2f ms (30 runs)\n",
                week.to_string().c_str(), ms[ms.size() / 2], ms.front(), ms.back());
    std::printf("the same with night shifts Monday to Friday: median %.2f ms, best %.2f ms, worst %.2f ms (30 runs)\n",
                night_ms[night_ms.size() / 2], night_ms.front(), night_ms.back());

    const auto t0 = clock::now();
    limber::IsoWeek w = limber::iso_week_of(first + 4 * 365);
    for (int i = 0; i < 52; ++i, w = w.previous()) limber::weekly_summary(store, w, {});
    const double year_ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
    std::printf("52 weekly summaries of a year: %.1f ms\n", year_ms);
    std::printf("{\"summary_ms\":%.3f,\"summary_night_ms\":%.3f,\"summary_year_ms\":%.1f}\n", ms[ms.size() / 2],
                night_ms[night_ms.size() / 2], year_ms);  // for bench/compare.py
    return 0;
}
