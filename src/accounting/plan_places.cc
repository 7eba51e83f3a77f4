// Candidate places from the data tables, through the same location resolution as
// `estimate`, plus the hourly series of each: the region's mapped grid zone
// (region_grid_zones.csv), else its own zone, else its country.
#include "accounting/plan_places.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "carbonscope/location.h"
#include "core/text.h"

namespace carbonscope {
namespace {

const Zone* zone_by_code(const DataSet& data, std::string_view code) {
  for (const Zone& z : data.zones()) {
    if (z.code == code) return &z;
  }
  return nullptr;
}

// The first series that has data for the zone, its parent, in that order.
// With a window, the series that covers it (an imported one first), else the first.
const HourlySeries* pick(const HourlyData& hourly, const std::string& zone, const PlaceFilter& f) {
  if (f.window_hours > 0) {
    if (const HourlySeries* s = hourly.find(zone, f.window_first, f.window_hours)) return s;
  }
  const auto all = hourly.series_of(zone);
  return all.empty() ? nullptr : all.front();
}

void attach_hourly(const DataSet& data, const HourlyData& hourly, PlanPlace& p, const RegionGridZone* mapped,
                   const PlaceFilter& f) {
  if (mapped != nullptr) {
    if (const HourlySeries* s = pick(hourly, mapped->grid_zone, f)) {
      p.hourly = s;
      p.hourly_note =
          fmt::format("{} hourly series: {} [{}]", mapped->grid_zone, mapped->note, mapped->source_id);
      return;
    }
  }
  std::vector<std::string> zones = {p.zone};
  if (const Zone* z = zone_by_code(data, p.zone); z != nullptr && !z->parent.empty()) {
    // A country's series applies to a sub-national zone only for single-grid countries
    // (GB); the US has many grids, so no parent fallback there.
    if (z->parent != "US" && z->parent != "CA" && z->parent != "AU") zones.push_back(z->parent);
  }
  for (const std::string& zone : zones) {
    if (const HourlySeries* s = pick(hourly, zone, f)) {
      p.hourly = s;
      p.hourly_note =
          fmt::format("{} hourly series ({})", s->zone,
                      s->origin == "built-in" ? "the zone's own grid" : "imported from " + s->origin);
      return;
    }
  }
}

Result<PlanPlace> cloud_place(const DataSet& data, const HourlyData& hourly, const CloudRegion& c,
                              const PlaceFilter& f) {
  LocationQuery q;
  q.cloud = c.key();
  q.year = f.year;
  CS_ASSIGN_OR_RETURN(Location loc, resolve_location(data, q));
  PlanPlace p;
  p.key = c.key();
  p.label = loc.label;
  p.provider = c.provider;
  p.zone = loc.zone;
  p.annual = loc.intensity;
  p.pue = loc.pue;
  p.notes = loc.notes;
  attach_hourly(data, hourly, p, hourly.region_zone(c.provider, c.region), f);
  return p;
}

// The zone's annual figure as resolve_location() gives it for --region, without its
// name search (which costs ~50 us per call: too much for every zone of the table).
Result<PlanPlace> zone_place(const DataSet& data, const HourlyData& hourly, const Zone& z,
                             const PlaceFilter& f) {
  CS_ASSIGN_OR_RETURN(IntensityLookup l, data.intensity(z.code, f.year));
  PlanPlace p;
  p.key = z.code;
  p.label = fmt::format("{} ({})", z.name, z.code);
  p.provider = "private";
  p.zone = z.code;
  p.annual.value = Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(l.row->g_per_kwh));
  p.annual.provenance = {Method::kReference, l.row->source_id, "annual average of the grid", l.row->zone,
                         l.row->year};
  if (!l.note.empty()) p.notes.push_back(l.note);
  // An unknown data centre in the zone, not a desk-side machine: the industry average.
  if (const PueRow* row = data.provider_pue("industry")) {
    p.pue.value = Range<double>::of(row->pue, row->low, row->high);
    p.pue.provenance = {Method::kReference, row->source_id,
                        "industry-average PUE (a data centre in this zone)", "", row->year};
  }
  attach_hourly(data, hourly, p, nullptr, f);
  return p;
}

// A private data centre in a grid zone that has an hourly series but is not in
// zones.csv (a balancing authority such as PJM): its annual fallback is the parent's.
Result<PlanPlace> grid_zone_place(const DataSet& data, const HourlyData& hourly, const HourlySeries& s,
                                  const PlaceFilter& f) {
  const Zone* parent = zone_by_code(data, s.parent);
  if (parent == nullptr) return Status::not_found(fmt::format("grid zone {} has no parent zone", s.zone));
  CS_ASSIGN_OR_RETURN(PlanPlace p, zone_place(data, hourly, *parent, f));
  p.key = s.zone;
  p.label = fmt::format("{} grid ({})", s.zone, s.name);
  p.notes.push_back(
      fmt::format("{} is a grid zone, not in zones.csv: its annual figure is {}'s", s.zone, s.parent));
  const auto all = hourly.series_of(s.zone);
  p.hourly = f.window_hours > 0 ? hourly.find(s.zone, f.window_first, f.window_hours) : nullptr;
  if (p.hourly == nullptr && !all.empty()) p.hourly = all.front();
  p.hourly_note = fmt::format("{} hourly series (the zone's own grid)", s.zone);
  return p;
}

constexpr std::pair<std::string_view, std::string_view> kContinents[] = {
    {"eu", "EU"},      {"europe", "EU"},        {"asia", "AS"},          {"africa", "AF"},
    {"oceania", "OC"}, {"north america", "NA"}, {"south america", "SA"}, {"antarctica", "AN"},
};

// One --within value: a continent (code "EU" or name) or a zone and what lies in it.
struct Area {
  std::string continent;
  std::string zone;
};

Result<Area> parse_area(const DataSet& data, std::string_view text) {
  const std::string l = ascii_lower(text);
  for (const auto& [name, code] : kContinents) {
    if (l == name) return Area{std::string(code), ""};
  }
  auto z = data.find_zone(text);
  if (!z.ok()) {
    return z.status().with_context(
        fmt::format("--within {} (a continent: Europe or EU, Asia, Africa, Oceania, "
                    "\"North America\", \"South America\"; or a zone: US, GB, US-VA)",
                    text));
  }
  return Area{"", (*z)->code};
}

bool in_area(const DataSet& data, const std::string& zone, const Area& a) {
  const Zone* z = zone_by_code(data, zone);
  if (z == nullptr) return false;
  if (!a.continent.empty()) return z->continent == a.continent;
  return z->code == a.zone || z->parent == a.zone;
}

}  // namespace

Result<PlanPlace> plan_place(const DataSet& data, const HourlyData& hourly, std::string_view key,
                             const PlaceFilter& f) {
  if (key.find(':') != std::string_view::npos) {
    CS_ASSIGN_OR_RETURN(const CloudRegion* c, data.find_cloud_region(key, f.year));
    return cloud_place(data, hourly, *c, f);
  }
  auto z = data.find_zone(key);
  if (!z.ok()) {
    // A grid zone with an hourly series (PJM): a private machine on that grid.
    const auto series = hourly.series_of(key);
    if (!series.empty() && zone_by_code(data, series.front()->zone) == nullptr) {
      return grid_zone_place(data, hourly, *series.front(), f);
    }
    return z.status();
  }
  return zone_place(data, hourly, **z, f);
}

Result<std::vector<PlanPlace>> plan_places(const DataSet& data, const HourlyData& hourly,
                                           const PlaceFilter& f) {
  std::set<std::string> known = {"private"};
  for (const CloudRegion& c : data.cloud_regions()) known.insert(c.provider);
  std::set<std::string> providers;
  for (const std::string& p : f.providers) {
    const std::string l = ascii_lower(p);
    if (!known.count(l)) {
      std::string list;
      for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
      return Status::invalid_argument(fmt::format("--providers: '{}' is not a provider; known: {}", p, list));
    }
    providers.insert(l);
  }
  std::vector<Area> areas;
  for (const std::string& w : f.within) {
    CS_ASSIGN_OR_RETURN(Area a, parse_area(data, w));
    areas.push_back(std::move(a));
  }
  std::set<std::string> excluded;
  for (const std::string& e : f.exclude) excluded.insert(ascii_lower(e));
  const auto allowed = [&](const std::string& provider, const std::string& key, const std::string& zone) {
    if (!providers.empty() && !providers.count(provider)) return false;
    if (excluded.count(ascii_lower(key)) || excluded.count(ascii_lower(zone))) return false;
    if (areas.empty()) return true;
    return std::any_of(areas.begin(), areas.end(), [&](const Area& a) { return in_area(data, zone, a); });
  };

  std::vector<PlanPlace> out;
  std::set<std::string> seen;
  for (const CloudRegion& c : data.cloud_regions()) {
    if (!seen.insert(c.key()).second || !allowed(c.provider, c.key(), c.zone)) continue;
    auto p = cloud_place(data, hourly, c, f);
    if (p.ok()) out.push_back(std::move(*p));
  }
  for (const Zone& z : data.zones()) {
    if ((z.kind != "country" && z.kind != "subnational") || !allowed("private", z.code, z.code)) continue;
    if (data.intensity_series(z.code).empty()) continue;  // no figure of its own
    auto p = zone_place(data, hourly, z, f);
    if (p.ok()) out.push_back(std::move(*p));
  }
  std::set<std::string> grid_zones;
  for (const HourlySeries& s : hourly.all()) {
    if (zone_by_code(data, s.zone) != nullptr || !grid_zones.insert(s.zone).second) continue;
    if (!allowed("private", s.zone, s.parent)) continue;
    auto p = grid_zone_place(data, hourly, s, f);
    if (p.ok()) out.push_back(std::move(*p));
  }
  if (out.empty()) {
    return Status::not_found("no place matches --providers/--within/--exclude-region: widen the filters");
  }
  return out;
}

}  // namespace carbonscope
