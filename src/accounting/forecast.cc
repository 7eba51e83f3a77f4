// Profile forecast: hour-of-day x day-type means of the last weeks plus a fading
// recent-level shift; the range from back-tests on earlier weeks.
#include "accounting/forecast.h"

#include <algorithm>
#include <cmath>

namespace carbonscope {
namespace {

int hour_of_day(UnixHour h) { return static_cast<int>(((h % 24) + 24) % 24); }

// 1970-01-01 was a Thursday: day index 0 -> weekday 4 (Monday = 1 ... Sunday = 7).
bool weekend(UnixHour h) {
  const std::int64_t day = (h >= 0 ? h / 24 : (h - 23) / 24);
  const int dow = static_cast<int>(((day + 3) % 7 + 7) % 7);  // Monday = 0
  return dow >= 5;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const double pos = p * static_cast<double>(v.size() - 1);
  const auto i = static_cast<std::size_t>(std::floor(pos));
  const std::size_t j = std::min(i + 1, v.size() - 1);
  return v[i] + (pos - static_cast<double>(i)) * (v[j] - v[i]);
}

}  // namespace

std::optional<std::vector<double>> profile_forecast(const HourlySeries& s, UnixHour origin,
                                                    std::int64_t hours, const ForecastOptions& o) {
  const UnixHour from = origin - 24LL * o.profile_days;
  double sum[24][2] = {}, n[24][2] = {};
  double all = 0, all_n = 0;
  for (UnixHour h = from; h < origin; ++h) {
    const auto v = s.at(h);
    if (!v) continue;
    sum[hour_of_day(h)][weekend(h)] += *v;
    n[hour_of_day(h)][weekend(h)] += 1;
    all += *v;
    all_n += 1;
  }
  if (all_n < 0.75 * 24 * o.profile_days) return std::nullopt;  // too little history
  const double mean = all / all_n;
  double profile[24][2];
  for (int hd = 0; hd < 24; ++hd) {
    for (int w = 0; w < 2; ++w) {
      // A missing hour x day-type falls back to the same hour on the other day type.
      profile[hd][w] = n[hd][w] > 0       ? sum[hd][w] / n[hd][w]
                       : n[hd][1 - w] > 0 ? sum[hd][1 - w] / n[hd][1 - w]
                                          : mean;
    }
  }
  // Recent level: the last day's mean departure from the profile.
  double dev = 0, dev_n = 0;
  for (UnixHour h = origin - 24; h < origin; ++h) {
    if (const auto v = s.at(h)) {
      dev += *v - profile[hour_of_day(h)][weekend(h)];
      dev_n += 1;
    }
  }
  const double shift = dev_n > 0 ? dev / dev_n : 0;
  std::vector<double> out;
  out.reserve(static_cast<std::size_t>(hours));
  for (std::int64_t k = 0; k < hours; ++k) {
    const UnixHour h = origin + k;
    const double fade = std::exp(-static_cast<double>(k) / o.level_decay_h);
    out.push_back(std::max(0.0, profile[hour_of_day(h)][weekend(h)] + shift * fade));
  }
  return out;
}

std::optional<std::vector<Range<double>>> profile_forecast_range(const HourlySeries& s, UnixHour origin,
                                                                 std::int64_t hours,
                                                                 const ForecastOptions& o) {
  const auto central = profile_forecast(s, origin, hours, o);
  if (!central) return std::nullopt;
  // Errors (actual - forecast) by horizon day, from back-tests whose targets are known.
  std::vector<std::vector<double>> errors(static_cast<std::size_t>((hours + 23) / 24));
  for (int w = 1; w <= o.backtest_weeks; ++w) {
    const UnixHour past = origin - 168LL * w;
    const auto f = profile_forecast(s, past, hours, o);
    if (!f) continue;
    for (std::int64_t k = 0; k < hours && past + k < origin; ++k) {
      if (const auto v = s.at(past + k)) errors[static_cast<std::size_t>(k / 24)].push_back(*v - (*f)[k]);
    }
  }
  std::vector<Range<double>> out;
  for (std::int64_t k = 0; k < hours; ++k) {
    const double c = (*central)[static_cast<std::size_t>(k)];
    // Use this horizon day's errors, else the nearest earlier day that has some.
    std::size_t d = static_cast<std::size_t>(k / 24);
    while (d > 0 && errors[d].size() < 12) --d;
    if (errors[d].size() < 12) {
      out.push_back(Range<double>::exact(c));
      continue;
    }
    const double lo = std::clamp(c + o.range_scale * percentile(errors[d], 0.1), 0.0, c);
    out.push_back(Range<double>::of(c, lo, std::max(c, c + o.range_scale * percentile(errors[d], 0.9))));
  }
  return out;
}

std::optional<HourlySeries> forecast_series(const HourlySeries& s, UnixHour origin, std::int64_t hours) {
  const auto f = profile_forecast(s, origin, hours);
  if (!f) return std::nullopt;
  HourlySeries out;
  out.zone = s.zone;
  out.name = s.name;
  out.parent = s.parent;
  out.source_id = s.source_id;
  out.origin = "forecast";
  out.first = origin;
  for (double v : *f) out.g_per_kwh.push_back(static_cast<float>(v));
  return out;
}

}  // namespace carbonscope
