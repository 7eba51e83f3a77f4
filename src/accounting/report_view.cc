// build_report_view: a bundle's totals, SCI, other regions and equivalents, once.
#include "accounting/report_view.h"

#include <algorithm>

#include "carbonscope/footprint.h"
#include "carbonscope/format.h"

namespace carbonscope {
namespace {

// "aws:us-east-1 (Northern Virginia)" -> "aws:us-east-1"; "FR" -> "FR".
std::string region_key(const std::string& label) { return label.substr(0, label.find(" (")); }

std::string provider_of(const std::string& region) {
  const auto colon = region.find(':');
  return colon == std::string::npos ? "" : region.substr(0, colon);
}

void add_regions(ReportView& v) {
  const RunTotals& t = v.totals;
  std::string provider = t.regions.empty() ? "" : provider_of(t.regions.front());
  for (const std::string& r : t.regions) {
    if (provider_of(r) != provider) provider.clear();
  }
  bool cloud = false;
  for (const RegionIntensity& r : v.bundle.regions) cloud = cloud || (!provider.empty() && r.provider == provider);
  std::vector<const RegionIntensity*> chosen;
  for (const RegionIntensity& r : v.bundle.regions) {
    if (r.provider != (cloud ? provider : "")) continue;
    const bool own = std::any_of(t.regions.begin(), t.regions.end(),
                                 [&](const std::string& here) { return region_key(here) == region_key(r.region); });
    if (!own) chosen.push_back(&r);
  }
  std::stable_sort(chosen.begin(), chosen.end(), [](const RegionIntensity* a, const RegionIntensity* b) {
    return a->intensity.g_per_kwh() < b->intensity.g_per_kwh();
  });
  constexpr std::size_t kMax = 10;  // a provider's 30 regions: an even spread, cleanest to dirtiest
  if (chosen.size() > kMax) {
    std::vector<const RegionIntensity*> spread;
    for (std::size_t i = 0; i < kMax; ++i) spread.push_back(chosen[i * (chosen.size() - 1) / (kMax - 1)]);
    chosen = std::move(spread);
  }
  v.provider_regions = cloud && !chosen.empty();
  for (const RegionIntensity* r : chosen) {
    Alternative a;
    a.label = r->region;
    a.intensity.value = Range<CarbonIntensity>::exact(r->intensity);
    a.intensity.provenance.method = Method::kReference;
    a.intensity.provenance.detail = r->source;
    // a.pue stays 1: the facility energy holds the PUE.
    a.emissions = emissions_of(t.facility_energy, a.pue.value, a.intensity.value);
    v.regions.push_back(std::move(a));
  }
}

}  // namespace

ReportView build_report_view(const ReportBundle& bundle) {
  ReportView v{bundle, compute_totals(bundle.runs), {}, {}, false, {}};
  v.sci = compute_sci(v.totals, bundle.sci);
  add_regions(v);
  for (const Equivalent& e : bundle.equivalents) {
    if (e.kg_per_unit <= 0) continue;
    const EquivalentValue value = equivalent_value(e, v.totals.emissions.central);
    if (is_readable_amount(value.amount)) v.equivalents.push_back(value);
  }
  return v;
}

}  // namespace carbonscope
