// Location resolution: given figures win, then a cloud region's own figure, then its
// zone's, then the zone's parent's; PUE from the user, the region, the provider, else
// 1.0 for a private machine. Every fallback is written into the notes.
#include "carbonscope/location.h"

#include <algorithm>

#include <fmt/format.h>

#include "accounting/location_text.h"

namespace carbonscope {
namespace {

constexpr const char* kWorld = "WORLD";

const Zone* zone_by_code(const DataSet& data, std::string_view code) {
  for (const Zone& z : data.zones()) {
    if (z.code == code) return &z;
  }
  return nullptr;
}

Result<IntensityFigure> zone_intensity(const DataSet& data, const std::string& zone, int year,
                                       std::vector<std::string>& notes) {
  CS_ASSIGN_OR_RETURN(IntensityLookup l, data.intensity(zone, year));
  if (!l.note.empty()) notes.push_back(l.note);
  IntensityFigure f;
  f.value = Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(l.row->g_per_kwh));
  f.provenance = {Method::kReference, l.row->source_id, "annual average of the grid", l.row->zone, l.row->year};
  return f;
}

PueFigure provider_pue(const DataSet& data, const std::string& provider, const CloudRegion* region) {
  PueFigure p;
  if (region != nullptr && region->pue) {
    p.value = Range<double>::exact(*region->pue);
    p.provenance = {Method::kReference, region->source_id, "the region's published PUE", region->key(), region->year};
    return p;
  }
  const std::string key = provider.empty() ? "private" : provider;
  if (const PueRow* row = data.provider_pue(key)) {
    p.value = Range<double>::of(row->pue, row->low, row->high);
    p.provenance = {provider.empty() ? Method::kDefault : Method::kReference, row->source_id,
                    provider.empty() ? "private machine: no data-centre overhead assumed"
                                     : fmt::format("{}'s fleet-wide PUE", provider),
                    "", row->year};
    return p;
  }
  p.value = Range<double>::exact(1.0);
  p.provenance = {Method::kDefault, "", provider.empty() ? "private machine: no data-centre overhead assumed"
                                                         : fmt::format("no PUE published for {}; 1.0 assumed", provider),
                  "", 0};
  return p;
}

// The zone's country (itself, or its parent for a sub-national zone) and, for a
// sub-national zone, its own name as the region.
void fill_place(const DataSet& data, const std::string& zone, Place& place) {
  place.zone = zone;
  const Zone* z = zone_by_code(data, zone);
  if (z == nullptr || z->kind == "world") return;
  const Zone* country = z->kind == "country" ? z : zone_by_code(data, z->parent);
  if (country != nullptr) {
    place.country_name = country->name;
    place.country_iso3 = country->iso3;
  }
  if (z != country && place.subregion.empty()) place.subregion = z->name;
}

}  // namespace

Status check_pue(double pue) {
  if (pue >= 1.0 && pue <= 3.0) return Status();
  return Status::invalid_argument(fmt::format("{} is outside 1.0 to 3.0 (PUE is facility energy over IT energy, so "
                                              "never below 1)", pue));
}

Result<Location> resolve_location(const DataSet& data, const LocationQuery& q) {
  if (!q.region.empty() && !q.cloud.empty()) {
    return Status::invalid_argument("region and cloud conflict: a cloud region already names its grid zone; "
                                    "give one of them");
  }
  if (q.pue) CS_RETURN_IF_ERROR(check_pue(*q.pue).with_context("pue"));
  Location loc;
  const CloudRegion* cloud = nullptr;
  if (!q.cloud.empty()) {
    CS_ASSIGN_OR_RETURN(cloud, data.find_cloud_region(q.cloud, q.year));
    if (q.year != 0 && cloud->year != 0 && cloud->year != q.year) {
      loc.notes.push_back(fmt::format("no {} figure for {}; using {}", q.year, cloud->key(), cloud->year));
    }
    loc.provider = cloud->provider;
    loc.zone = cloud->zone;
    loc.label = cloud->location.empty() ? cloud->key() : fmt::format("{} ({})", cloud->key(), cloud->location);
  } else if (!q.region.empty()) {
    CS_ASSIGN_OR_RETURN(const Zone* z, data.find_zone(q.region));
    loc.zone = z->code;
    loc.label = fmt::format("{} ({})", z->name, z->code);
  }
  if (const Zone* z = zone_by_code(data, loc.zone)) loc.continent = z->continent;
  if (cloud != nullptr) {
    loc.place.cloud_provider = cloud->provider;
    loc.place.cloud_region = cloud->region;
    loc.place.subregion = cloud->location;
  }
  fill_place(data, loc.zone, loc.place);

  if (q.intensity) {
    loc.intensity.value = Range<CarbonIntensity>::exact(*q.intensity);
    loc.intensity.provenance = {Method::kGiven, "", "--intensity", loc.zone, 0};
    if (loc.label.empty()) loc.label = "given intensity";
  } else if (cloud != nullptr && cloud->g_per_kwh) {
    loc.intensity.value = Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(*cloud->g_per_kwh));
    loc.intensity.provenance = {Method::kReference, cloud->source_id, "the provider's published grid intensity",
                                cloud->key(), cloud->year};
  } else if (!loc.zone.empty()) {
    CS_ASSIGN_OR_RETURN(loc.intensity, zone_intensity(data, loc.zone, q.year, loc.notes));
  } else {
    CS_ASSIGN_OR_RETURN(loc.intensity, zone_intensity(data, kWorld, q.year, loc.notes));
    loc.intensity.provenance.method = Method::kDefault;
    loc.intensity.provenance.detail = "no location given: world average (give --region, --cloud or --intensity)";
    loc.label = "world average";
  }

  if (q.pue) {
    loc.pue.value = Range<double>::exact(*q.pue);
    loc.pue.provenance = {Method::kGiven, "", "--pue", "", 0};
  } else {
    loc.pue = provider_pue(data, loc.provider, cloud);
  }
  return loc;
}

Place place_from_label(const DataSet& data, const std::string& label) {
  Place place;
  const std::string head = label.substr(0, label.find(' '));
  if (head.find(':') != std::string::npos) {
    if (auto cloud = data.find_cloud_region(head); cloud.ok()) {
      place.cloud_provider = (*cloud)->provider;
      place.cloud_region = (*cloud)->region;
      place.subregion = (*cloud)->location;
      fill_place(data, (*cloud)->zone, place);
    }
    return place;
  }
  std::string code = label;
  if (const auto open = label.rfind('('); open != std::string::npos && label.back() == ')') {
    code = label.substr(open + 1, label.size() - open - 2);
  }
  if (const Zone* z = zone_by_code(data, code); z != nullptr && z->kind != "world") fill_place(data, z->code, place);
  return place;
}

std::vector<Alternative> cleaner_alternatives(const DataSet& data, const Location& here, const Range<Energy>& it_energy,
                                              std::size_t count) {
  std::vector<Alternative> out;
  std::vector<std::string> notes;
  if (!here.provider.empty()) {
    std::vector<std::string> seen;
    for (const CloudRegion& c : data.cloud_regions()) {
      if (c.provider != here.provider || std::find(seen.begin(), seen.end(), c.key()) != seen.end()) continue;
      seen.push_back(c.key());
      LocationQuery q;
      q.cloud = c.key();
      auto loc = resolve_location(data, q);
      if (!loc.ok()) continue;
      out.push_back({loc->label, loc->intensity, loc->pue, {}});
    }
  } else if (!here.continent.empty()) {
    for (const Zone& z : data.zones()) {
      if (z.kind != "country" || z.continent != here.continent) continue;
      auto f = zone_intensity(data, z.code, 0, notes);
      if (!f.ok() || f->provenance.year < 2020) continue;  // only current figures
      out.push_back({fmt::format("{} ({})", z.name, z.code), *f, here.pue, {}});
    }
  }
  // Cleanest first: by the emissions of one IT kWh there (the order holds for any energy,
  // and is defined when the job's energy is zero).
  const auto per_kwh = [](const Alternative& a) { return emissions_of(Energy::kwh(1), a.pue, a.intensity); };
  std::sort(out.begin(), out.end(),
            [&](const Alternative& a, const Alternative& b) { return per_kwh(a) < per_kwh(b); });
  if (out.size() > count) out.resize(count);
  for (Alternative& a : out) a.emissions = emissions_of(it_energy, a.pue.value, a.intensity.value);
  return out;
}

}  // namespace carbonscope
