#include "limber/summary.hpp"

namespace limber {

WeekFigures week_figures(WeekQueries& store, IsoWeek week, const SummaryOptions& options)
{
    return store.week_figures(week, options);
}

WeeklySummary weekly_summary(WeekQueries& store, IsoWeek week, const SummaryOptions& options)
{
    return {store.week_figures(week, options), store.week_figures(week.previous(), options)};
}

}  // namespace limber
