// A profile forecast of hourly intensity for the days after a series ends: the mean of
// the same hour on the same kind of day (weekday or weekend) over the last four weeks
// (the current season), shifted by how far the last 24 hours sat from that profile, the
// shift fading over a day. The range comes from the same model's errors on the weeks
// before the origin (an 80% range: the 10th to 90th percentile, widened by a factor
// calibrated on held-out weeks, by forecast horizon).
#pragma once

#include <optional>
#include <vector>

#include "carbonscope/hourly.h"
#include "carbonscope/provenance.h"

namespace carbonscope {

struct ForecastOptions {
  int profile_days = 28;      // history used for the hour x day-type profile
  double level_decay_h = 24;  // e-folding time of the recent-level shift
  int backtest_weeks = 6;     // earlier origins whose errors give the range
  // The range is the 10th to 90th percentile of the back-test errors, times this factor,
  // so that it covers about 80% of actual hours: six weeks of errors give too narrow
  // tails. Calibrated on the first half of each shipped series' held-out weeks and
  // checked on the second half (bench/forecast_skill_main.cc, docs/validation.md).
  double range_scale = 1.25;
};

// Central forecast for [origin, origin + hours) from the hours of `s` before `origin`;
// nullopt when fewer than `profile_days` days of history precede it.
std::optional<std::vector<double>> profile_forecast(const HourlySeries& s, UnixHour origin,
                                                    std::int64_t hours, const ForecastOptions& o = {});

// The forecast with a range from back-tests at origin - 7 d, - 14 d, ... (needs
// profile_days + 7 x backtest_weeks days of history; else the range is the central value).
std::optional<std::vector<Range<double>>> profile_forecast_range(const HourlySeries& s, UnixHour origin,
                                                                 std::int64_t hours,
                                                                 const ForecastOptions& o = {});

// A series of `hours` forecast values starting at `origin`, for the planner (central
// values; `zone` and `source_id` from `s`, origin "forecast").
std::optional<HourlySeries> forecast_series(const HourlySeries& s, UnixHour origin, std::int64_t hours);

}  // namespace carbonscope
