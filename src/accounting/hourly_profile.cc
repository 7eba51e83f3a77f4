// Reading a job's hours from an hourly series, directly or as a whole-week profile.
#include "accounting/hourly_profile.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

namespace carbonscope {
namespace {

constexpr std::int64_t kWeekH = 168;
constexpr double kYearDays = 365.2425;
// Score of a shift, in days: distance from the same date of year, plus this per year
// back (so last week beats the same week a year ago, and 2022 beats nothing).
constexpr double kDaysPerYearBack = 30;

double shift_score(std::int64_t weeks) {
  const double days = 7.0 * static_cast<double>(weeks);
  const double years = std::round(days / kYearDays);
  return std::abs(days - years * kYearDays) + kDaysPerYearBack * std::abs(years);
}

std::string years_of(const HourlySeries& s) {
  const std::string a = format_utc_date(s.first).substr(0, 4), b = format_utc_date(s.end() - 1).substr(0, 4);
  return a == b ? a : a + "-" + b;
}

std::string source_of(const HourlySeries& s) {
  return s.source_id.empty() ? "imported " + s.origin : s.source_id;
}

std::pair<double, double> hull(const std::vector<EnergyPiece>& pieces) {
  double lo = pieces.front().t0, hi = pieces.front().t1;
  for (const EnergyPiece& p : pieces) {
    lo = std::min(lo, p.t0);
    hi = std::max(hi, std::max(p.t0, p.t1));
  }
  return {lo, hi};
}

UnixHour hour_of(double t) { return static_cast<UnixHour>(std::floor(t / 3600.0)); }

}  // namespace

std::optional<SeriesReading> reading_for(const HourlySeries& s, UnixHour first, std::int64_t count) {
  count = std::max<std::int64_t>(count, 1);
  if (s.covers(first, count)) return SeriesReading{&s, 0};
  // Shifts k (weeks) with [first - 168k, first - 168k + count) inside the series.
  const double lo = std::ceil(static_cast<double>(first + count - s.end()) / kWeekH);
  const double hi = std::floor(static_cast<double>(first - s.first) / kWeekH);
  if (lo > hi) return std::nullopt;
  std::vector<std::int64_t> ks;
  for (auto k = static_cast<std::int64_t>(lo); k <= static_cast<std::int64_t>(hi); ++k) {
    if (k != 0) ks.push_back(k);
  }
  std::stable_sort(ks.begin(), ks.end(), [](std::int64_t a, std::int64_t b) {
    const double sa = shift_score(a), sb = shift_score(b);
    return sa != sb ? sa < sb : std::abs(a) < std::abs(b);
  });
  for (std::int64_t k : ks) {
    if (s.covers(first - k * kWeekH, count)) return SeriesReading{&s, k * kWeekH};
  }
  return std::nullopt;
}

std::optional<double> weighted_intensity(const SeriesReading& r, const std::vector<EnergyPiece>& pieces) {
  if (r.series == nullptr) return std::nullopt;
  double sum = 0, wsum = 0;
  for (const EnergyPiece& p : pieces) {
    if (p.weight <= 0) continue;
    if (p.t1 <= p.t0) {  // an instant: its hour
      const std::optional<double> v = r.series->at(hour_of(p.t0) - r.shift_h);
      if (!v) return std::nullopt;
      sum += p.weight * *v;
      wsum += p.weight;
      continue;
    }
    for (UnixHour h = hour_of(p.t0); static_cast<double>(h) * 3600.0 < p.t1; ++h) {
      const double a = std::max(p.t0, static_cast<double>(h) * 3600.0);
      const double b = std::min(p.t1, static_cast<double>(h + 1) * 3600.0);
      if (b <= a) continue;
      const std::optional<double> v = r.series->at(h - r.shift_h);
      if (!v) return std::nullopt;
      const double w = p.weight * (b - a) / (p.t1 - p.t0);
      sum += w * *v;
      wsum += w;
    }
  }
  if (wsum <= 0) return std::nullopt;
  return sum / wsum;
}

std::vector<EnergyPiece> shifted(const std::vector<EnergyPiece>& pieces, double seconds) {
  std::vector<EnergyPiece> out = pieces;
  for (EnergyPiece& p : out) {
    p.t0 += seconds;
    p.t1 += seconds;
  }
  return out;
}

std::optional<SeriesReading> reading_for(const HourlySeries& s, const std::vector<EnergyPiece>& pieces) {
  if (pieces.empty()) return std::nullopt;
  const auto [t0, t1] = hull(pieces);
  const UnixHour first = hour_of(t0);
  return reading_for(s, first, static_cast<std::int64_t>(std::ceil(t1 / 3600.0)) - first);
}

std::optional<HourlyIntensity> hourly_intensity(const HourlySeries& s,
                                                const std::vector<EnergyPiece>& pieces) {
  const std::optional<SeriesReading> r = reading_for(s, pieces);
  if (!r) return std::nullopt;
  return hourly_intensity(*r, pieces);
}

std::optional<HourlyIntensity> hourly_intensity(const SeriesReading& reading,
                                                const std::vector<EnergyPiece>& pieces) {
  if (reading.series == nullptr || pieces.empty()) return std::nullopt;
  const HourlySeries& s = *reading.series;
  const SeriesReading* r = &reading;
  const UnixHour first = hour_of(hull(pieces).first);
  const std::optional<double> central = weighted_intensity(*r, pieces);
  if (!central) return std::nullopt;
  double lo = *central, hi = *central;
  auto widen = [&](const SeriesReading& rr, const std::vector<EnergyPiece>& pp) {
    if (const std::optional<double> v = weighted_intensity(rr, pp)) {
      lo = std::min(lo, *v);
      hi = std::max(hi, *v);
    }
  };
  HourlyIntensity out;
  out.reading = *r;
  if (!r->profile()) {
    widen(*r, shifted(pieces, -3600));
    widen(*r, shifted(pieces, 3600));
    out.basis = "hourly";
    out.data = fmt::format("hourly intensity, {} {} [{}]", s.zone, years_of(s), source_of(s));
  } else {
    for (const std::int64_t dk : {-2, -1, 1, 2}) widen({&s, r->shift_h + dk * kWeekH}, pieces);
    const std::int64_t weeks = r->shift_h / kWeekH;
    out.basis = "profile";
    out.data = fmt::format(
        "profile estimate from {} {} [{}]: the same weekdays and UTC hours {} weeks {} (from {}), range over "
        "the 2 weeks either side; not the hours themselves",
        s.zone, years_of(s), source_of(s), std::abs(weeks), weeks > 0 ? "earlier" : "later",
        format_utc_date(first - r->shift_h));
  }
  out.intensity = Range<CarbonIntensity>::of(CarbonIntensity::g_per_kwh(*central),
                                             CarbonIntensity::g_per_kwh(lo), CarbonIntensity::g_per_kwh(hi));
  return out;
}

}  // namespace carbonscope
