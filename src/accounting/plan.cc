// The planner's arithmetic: window means of an hourly series by prefix sums, the best
// start per place, and the ranking. emissions = IT energy x PUE x mean intensity.
#include "accounting/plan.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "carbonscope/footprint.h"

namespace carbonscope {
namespace {

Range<Emissions> emissions_of(const PlanPlace& p, const PlanJob& job, const Range<CarbonIntensity>& ci) {
  return carbonscope::emissions_of(job.it_energy, p.pue.value, ci);
}

Range<CarbonIntensity> annual_range(const PlanPlace& p) { return p.annual.value; }

// Window means for every start in [from, to] of one series, by prefix sums; NaN where
// a needed hour is missing or outside the series.
std::vector<double> window_means(const HourlySeries& s, UnixHour from, UnixHour to, Duration duration) {
  const double d = hours(duration);
  const auto full = static_cast<std::int64_t>(std::floor(d));
  const double frac = d - static_cast<double>(full);
  const std::int64_t span = full + (frac > 1e-9 ? 1 : 0);
  const UnixHour lo = from, hi = to + span;  // hours needed: [lo, hi)
  std::vector<double> prefix(static_cast<std::size_t>(hi - lo + 1), 0.0);
  std::vector<int> missing(prefix.size(), 0);
  for (UnixHour h = lo; h < hi; ++h) {
    const auto i = static_cast<std::size_t>(h - lo);
    const std::optional<double> v = s.at(h);
    prefix[i + 1] = prefix[i] + v.value_or(0.0);
    missing[i + 1] = missing[i] + (v ? 0 : 1);
  }
  std::vector<double> out;
  out.reserve(static_cast<std::size_t>(to - from + 1));
  for (UnixHour st = from; st <= to; ++st) {
    const auto a = static_cast<std::size_t>(st - lo);
    const auto b = a + static_cast<std::size_t>(span);
    if (missing[b] - missing[a] > 0) {
      out.push_back(NAN);
      continue;
    }
    double sum = prefix[a + static_cast<std::size_t>(full)] - prefix[a];
    if (span > full) sum += frac * (prefix[b] - prefix[b - 1]);
    out.push_back(sum / d);
  }
  return out;
}

// Central = the mean at `i`; low/high over i-1, i, i+1 where they exist.
Range<CarbonIntensity> with_neighbours(const std::vector<double>& means, std::size_t i) {
  double lo = means[i], hi = means[i];
  for (std::size_t j : {i - 1, i + 1}) {
    if (j < means.size() && !std::isnan(means[j])) {
      lo = std::min(lo, means[j]);
      hi = std::max(hi, means[j]);
    }
  }
  return Range<CarbonIntensity>::of(CarbonIntensity::g_per_kwh(means[i]), CarbonIntensity::g_per_kwh(lo),
                                    CarbonIntensity::g_per_kwh(hi));
}

// A forecast-extended series: widen the range to the forecast's own low/high means and
// say whether the job's hours reach into the forecast.
void add_forecast_range(const HourlySeries& s, UnixHour start, Duration duration, PlanOption& o) {
  if (s.forecast_from == 0 || s.low.size() != s.g_per_kwh.size()) return;
  if (static_cast<double>(start) + hours(duration) <= static_cast<double>(s.forecast_from)) return;
  o.forecast = true;
  HourlySeries bound = s;
  bound.g_per_kwh = s.low;
  if (const auto lo = window_mean(bound, start, duration)) {
    o.intensity.low = std::min(o.intensity.low, CarbonIntensity::g_per_kwh(*lo));
  }
  bound.g_per_kwh = s.high;
  if (const auto hi = window_mean(bound, start, duration)) {
    o.intensity.high = std::max(o.intensity.high, CarbonIntensity::g_per_kwh(*hi));
  }
}

std::string no_hourly_note(const PlanPlace& p, const std::optional<PlanWindow>& w, const PlanJob& job) {
  if (!w) return "";
  const std::string when = fmt::format("{} to {}", format_utc_hour(w->earliest),
                                       format_utc_hour(w->latest_start + job_hours(job)));
  if (p.hourly == nullptr)
    return fmt::format("no hourly series for this place: annual figure, any start in {}", when);
  return fmt::format("{} hourly series ({} to {}) does not cover {}: annual figure", p.hourly->zone,
                     format_utc_date(p.hourly->first), format_utc_date(p.hourly->end() - 1), when);
}

}  // namespace

std::int64_t job_hours(const PlanJob& job) {
  return static_cast<std::int64_t>(std::ceil(hours(job.duration) - 1e-9));
}

std::optional<double> window_mean(const HourlySeries& series, UnixHour start, Duration duration) {
  const std::vector<double> m = window_means(series, start, start, duration);
  if (m.empty() || std::isnan(m[0])) return std::nullopt;
  return m[0];
}

PlanOption evaluate_place(const PlanPlace& place, const PlanJob& job, std::optional<UnixHour> start) {
  PlanOption o;
  o.place = &place;
  o.start = start;
  if (start && place.hourly != nullptr && hours(job.duration) > 0) {
    const std::vector<double> m = window_means(*place.hourly, *start - 1, *start + 1, job.duration);
    if (!std::isnan(m[1])) {
      o.hourly = true;
      o.intensity = with_neighbours(m, 1);
      add_forecast_range(*place.hourly, *start, job.duration, o);
    }
  }
  if (!o.hourly) {
    o.intensity = annual_range(place);
    if (start) o.note = no_hourly_note(place, PlanWindow{*start, *start}, job);
  }
  o.emissions = emissions_of(place, job, o.intensity);
  return o;
}

std::vector<PlanOption> rank_places(const std::vector<PlanPlace>& places, const PlanJob& job,
                                    const std::optional<PlanWindow>& window) {
  std::vector<PlanOption> out;
  out.reserve(places.size());
  for (const PlanPlace& p : places) {
    PlanOption o;
    o.place = &p;
    if (window && p.hourly != nullptr && hours(job.duration) > 0) {
      // Means from one hour before the window to one after, for the +-1 h range.
      const std::vector<double> m =
          window_means(*p.hourly, window->earliest - 1, window->latest_start + 1, job.duration);
      std::size_t best = 0;
      for (std::size_t i = 1; i + 1 < m.size(); ++i) {
        if (!std::isnan(m[i]) && (best == 0 || m[i] < m[best])) best = i;
      }
      // Every start must be covered for the choice to be a real one.
      bool all = true;
      for (std::size_t i = 1; i + 1 < m.size(); ++i) all = all && !std::isnan(m[i]);
      if (best != 0 && all) {
        o.hourly = true;
        o.start = window->earliest + static_cast<UnixHour>(best) - 1;
        o.intensity = with_neighbours(m, best);
        add_forecast_range(*p.hourly, *o.start, job.duration, o);
        PlanOption first;
        first.intensity = with_neighbours(m, 1);
        add_forecast_range(*p.hourly, window->earliest, job.duration, first);
        o.at_earliest = emissions_of(p, job, first.intensity);
      }
    }
    if (!o.hourly) {
      o.intensity = annual_range(p);
      if (window) {
        o.start = window->earliest;
        o.note = no_hourly_note(p, window, job);
        o.at_earliest = emissions_of(p, job, o.intensity);
      }
    }
    o.emissions = emissions_of(p, job, o.intensity);
    out.push_back(std::move(o));
  }
  std::stable_sort(out.begin(), out.end(), [](const PlanOption& a, const PlanOption& b) {
    return a.emissions.central < b.emissions.central;
  });
  return out;
}

}  // namespace carbonscope
