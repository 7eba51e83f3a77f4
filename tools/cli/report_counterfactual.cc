// The run's place and its allowed alternatives, for the counterfactual.
#include "report_counterfactual.h"

#include <cmath>
#include <iostream>
#include <map>

#include "accounting/counterfactual.h"
#include "accounting/plan_places.h"
#include "carbonscope/location.h"
#include "hourly_options.h"

namespace carbonscope::cli {
namespace {

std::string place_key(const Place& p) {
  return p.on_cloud() ? p.cloud_provider + ":" + p.cloud_region : p.zone;
}

// The continent of a private machine's zone, as --within names it ("Europe"); "" if unknown.
std::string continent_of(const DataSet& data, const std::string& zone) {
  static const std::map<std::string, std::string> kNames{{"EU", "Europe"},        {"AS", "Asia"},
                                                         {"AF", "Africa"},        {"OC", "Oceania"},
                                                         {"NA", "North America"}, {"SA", "South America"}};
  auto z = data.find_zone(zone);
  if (!z.ok()) return "";
  const auto it = kNames.find((*z)->continent);
  return it == kNames.end() ? "" : it->second;
}

std::vector<std::pair<double, double>> total_power(const std::vector<PowerSample>& samples) {
  std::vector<std::pair<double, double>> out;
  out.reserve(samples.size());
  for (const PowerSample& s : samples) out.emplace_back(s.t_s, s.power.watts());
  return out;
}

}  // namespace

void add_counterfactuals(const Context& ctx, const DataSet& data, ReportBundle& b) {
  auto hourly = load_hourly(ctx);
  if (!hourly.ok()) {
    std::cerr << "carbonscope: warning: no counterfactuals in this report: " << hourly.status().message()
              << "\n";
    return;
  }
  std::size_t done = 0;
  for (const Report& r : b.runs) {
    if (done++ >= kMaxCounterfactualRuns) break;
    const auto it = b.samples.find(r.run.id);
    const std::vector<EnergyPiece> timeline = energy_timeline(
        r, it == b.samples.end() ? std::vector<std::pair<double, double>>{} : total_power(it->second));
    PlaceFilter f;
    if (!timeline.empty() && r.run.kind != RunKind::kEstimate) {
      f.window_first = static_cast<UnixHour>(std::floor(timeline.front().t0 / 3600)) - 24;
      f.window_hours = static_cast<std::int64_t>(std::ceil(timeline.back().t1 / 3600)) + 24 - f.window_first;
    }
    const Place place = r.run.place.zone.empty() && !r.run.place.on_cloud()
                            ? place_from_label(data, r.run.region)
                            : r.run.place;
    const std::string key = place_key(place);
    std::optional<PlanPlace> own;
    if (!key.empty()) {
      if (auto p = plan_place(data, **hourly, key, f); p.ok()) own = std::move(*p);
    }
    PlaceFilter allowed = f;
    std::string scope = "every region and zone";
    if (place.on_cloud()) {
      allowed.providers = {place.cloud_provider};
      scope = place.cloud_provider + " regions";
    } else if (const std::string continent = continent_of(data, place.zone); !continent.empty()) {
      allowed.within = {continent};
      scope = "the regions and zones in " + continent;
    }
    auto places = plan_places(data, **hourly, allowed);
    if (!places.ok()) continue;
    Counterfactual c = counterfactual(r, timeline, own ? &*own : nullptr, *places);
    c.region_scope = scope;
    b.counterfactuals[r.run.id] = std::move(c);
  }
}

}  // namespace carbonscope::cli
