// The public counterfactual of a run (carbonscope/counterfactual.h): the run's place and
// its allowed alternatives (plan_places.h) over its timeline, then the figures
// (counterfactual.h).
#include <cmath>
#include <map>

#include "accounting/counterfactual.h"
#include "accounting/plan_places.h"
#include "carbonscope/counterfactual.h"
#include "carbonscope/location.h"

namespace carbonscope {
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

}  // namespace

std::optional<Counterfactual> run_counterfactual(const DataSet& data, const HourlyData& hourly, const Report& r,
                                                 const std::vector<std::pair<double, double>>& t_watts) {
  const std::vector<EnergyPiece> timeline = energy_timeline(r, t_watts);
  PlaceFilter f;
  if (!timeline.empty() && r.run.kind != RunKind::kEstimate) {
    f.window_first = static_cast<UnixHour>(std::floor(timeline.front().t0 / 3600)) - 24;
    f.window_hours = static_cast<std::int64_t>(std::ceil(timeline.back().t1 / 3600)) + 24 - f.window_first;
  }
  const Place place =
      r.run.place.zone.empty() && !r.run.place.on_cloud() ? place_from_label(data, r.run.region) : r.run.place;
  const std::string key = place_key(place);
  std::optional<PlanPlace> own;
  if (!key.empty()) {
    if (auto p = plan_place(data, hourly, key, f); p.ok()) own = std::move(*p);
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
  auto places = plan_places(data, hourly, allowed);
  if (!places.ok()) return std::nullopt;
  Counterfactual c = counterfactual(r, timeline, own ? &*own : nullptr, *places);
  c.region_scope = scope;
  return c;
}

}  // namespace carbonscope
