// The run's figures at its own hours, at the best start within a day, and in the best
// allowed place.
#include "accounting/counterfactual.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "carbonscope/footprint.h"

namespace carbonscope {
namespace {

constexpr int kShiftHours = 24;

Range<Emissions> emissions_of(const Report& r, const Range<double>& pue, const Range<CarbonIntensity>& ci) {
  return carbonscope::emissions_of(r.footprint.it_energy, pue, ci);
}

CounterfactualFigure annual_figure(const Report& r, const PlanPlace& p) {
  CounterfactualFigure f;
  f.place = p.label;
  f.intensity = p.annual.value;
  f.emissions = emissions_of(r, p.pue.value, f.intensity);
  f.basis = "annual";
  f.data = fmt::format("annual intensity, {} {} [{}]", p.annual.provenance.region, p.annual.provenance.year,
                       p.annual.provenance.source_id);
  return f;
}

// The place over the timeline: its series if it has one for those hours (or a profile
// of them), else its annual figure.
CounterfactualFigure at_place(const Report& r, const PlanPlace& p, const std::vector<EnergyPiece>& timeline) {
  if (p.hourly != nullptr && !timeline.empty()) {
    if (const std::optional<HourlyIntensity> h = hourly_intensity(*p.hourly, timeline)) {
      CounterfactualFigure f;
      f.place = p.label;
      f.intensity = h->intensity;
      f.emissions = emissions_of(r, p.pue.value, f.intensity);
      f.basis = h->basis;
      f.data = h->data;
      return f;
    }
  }
  return annual_figure(r, p);
}

std::optional<CounterfactualFigure> best_time(const Report& r, const PlanPlace& p,
                                              const std::vector<EnergyPiece>& timeline,
                                              const Range<double>& pue) {
  if (p.hourly == nullptr || timeline.empty()) return std::nullopt;
  // One reading for every shift, so that the starts are compared on the same hours.
  const double day = 3600.0 * kShiftHours;
  const std::optional<SeriesReading> reading = reading_for(
      *p.hourly, std::vector<EnergyPiece>{{timeline.front().t0 - day, timeline.back().t1 + day, 1}});
  if (!reading) return std::nullopt;
  std::optional<HourlyIntensity> best;
  int best_k = 0;
  for (int k = -kShiftHours; k <= kShiftHours; ++k) {
    const std::optional<HourlyIntensity> v = hourly_intensity(*reading, shifted(timeline, 3600.0 * k));
    if (v && (!best || v->intensity.central < best->intensity.central ||
              (v->intensity.central == best->intensity.central && std::abs(k) < std::abs(best_k)))) {
      best = v;
      best_k = k;
    }
  }
  if (!best) return std::nullopt;
  CounterfactualFigure f;
  f.place = p.label;
  f.start_unix = r.run.start_unix + 3600.0 * best_k;
  f.intensity = best->intensity;
  f.emissions = emissions_of(r, pue, f.intensity);
  f.basis = best->basis;
  f.data = best->data;
  return f;
}

}  // namespace

std::vector<EnergyPiece> energy_timeline(const Report& r, std::vector<std::pair<double, double>> t_watts) {
  std::vector<EnergyPiece> out;
  const double start = r.run.start_unix;
  const double end = std::max(r.run.end_unix, start + r.run.duration.count());
  std::sort(t_watts.begin(), t_watts.end());
  double prev = 0;
  for (std::size_t i = 0; i < t_watts.size();) {
    double t = t_watts[i].first, w = 0;
    for (; i < t_watts.size() && t_watts[i].first == t; ++i) w += t_watts[i].second;
    if (t > prev && w > 0) out.push_back({start + prev, start + t, w * (t - prev)});
    prev = std::max(prev, t);
  }
  if (out.empty() && end > start) out.push_back({start, end, 1});
  return out;
}

Counterfactual counterfactual(const Report& r, const std::vector<EnergyPiece>& timeline, const PlanPlace* own,
                              const std::vector<PlanPlace>& allowed) {
  Counterfactual c;
  const bool has_hours = r.run.kind != RunKind::kEstimate && !timeline.empty();
  const std::vector<EnergyPiece> none;
  const std::vector<EnergyPiece>& hours = has_hours ? timeline : none;
  if (own != nullptr && own->hourly != nullptr && has_hours) {
    CounterfactualFigure f = at_place(r, *own, hours);
    if (f.basis != "annual") {
      // The run's own PUE: only the intensity changes.
      f.emissions = emissions_of(r, r.footprint.pue.value, f.intensity);
      c.own_hours = f;
      if (const std::optional<SeriesReading> rd = reading_for(*own->hourly, hours)) {
        const auto first = static_cast<UnixHour>(std::floor(timeline.front().t0 / 3600));
        const auto last = static_cast<UnixHour>(std::ceil(timeline.back().t1 / 3600));
        for (UnixHour h = first; h < last; ++h) {
          if (const auto v = rd->series->at(h - rd->shift_h))
            c.series.emplace_back(3600.0 * static_cast<double>(h), *v);
        }
      }
    }
    c.best_time = best_time(r, *own, hours, r.footprint.pue.value);
  } else if (own != nullptr && own->hourly == nullptr && has_hours) {
    c.notes.push_back(fmt::format(
        "no hourly series for {}: its annual figure is used, which cannot show the best time", own->label));
  } else if (own == nullptr) {
    c.notes.push_back("the run's place is not in the tables: no counterfactual at another time");
  }
  for (const PlanPlace& p : allowed) {
    CounterfactualFigure f = at_place(r, p, hours);
    if (!c.best_region || f.emissions.central < c.best_region->emissions.central)
      c.best_region = std::move(f);
  }
  if (!has_hours && c.best_region) {
    c.notes.push_back("an estimate has no recorded hours: other places are compared on their annual figures");
  }
  return c;
}

}  // namespace carbonscope
