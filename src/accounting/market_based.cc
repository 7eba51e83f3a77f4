// Market-based emissions = location-based x (1 - carbon-free-energy share).
#include "accounting/market_based.h"

#include <cctype>

#include <fmt/format.h>

#include "carbonscope/parse.h"

namespace carbonscope {
namespace {

// The provider's published CFE share of the region, for the year of the grid figure used
// (the provider's own figure), else of the year asked for (0 = latest).
const CloudRegion* published_share(const DataSet& data, const std::string& cloud, int year, const Location& location) {
  if (cloud.empty() || location.provider.empty()) return nullptr;
  const Provenance& pv = location.intensity.provenance;
  auto c = data.find_cloud_region(cloud, pv.region.find(':') != std::string::npos ? pv.year : year);
  if (!c.ok() || !(*c)->cfe_share) return nullptr;
  return *c;
}

}  // namespace

Result<std::optional<MarketBased>> market_based_emissions(const DataSet& data, const EstimateRequest& request,
                                                          const LocationText& where, const Location& location,
                                                          const Footprint& footprint) {
  std::string mode;
  for (char c : request.market_based) mode += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string flag = arg_name(request.style, "market-based");
  if (mode == "none" || mode == "off") return std::optional<MarketBased>();
  MarketBased m;
  if (mode.empty() || mode == "provider") {
    const CloudRegion* c = published_share(data, where.cloud, where.year, location);
    if (c == nullptr) {
      if (mode.empty()) return std::optional<MarketBased>();
      return Status::invalid_argument(fmt::format(
          "{} provider: no carbon-free-energy share is published for {} (Google publishes one per GCP region); "
          "give the share yourself ({} 90%)",
          flag, location.label, flag));
    }
    m.cfe_share = *c->cfe_share;
    const std::string sid = c->source_id.substr(0, c->source_id.find('|'));
    m.provenance = {Method::kReference, sid,
                    fmt::format("{}'s hourly carbon-free-energy share of {} in {}", c->provider, c->region, c->year),
                    c->key(), c->year};
  } else {
    auto f = parse_fraction(request.market_based);
    if (!f.ok()) {
      return Status::invalid_argument(fmt::format("{}: '{}' is not a carbon-free-energy share; write 90%, 0.9, "
                                                  "provider or none",
                                                  flag, request.market_based));
    }
    m.cfe_share = *f;
    m.provenance = {Method::kGiven, "", flag + " (carbon-free-energy share)", "", 0};
  }
  m.emissions = footprint.emissions.scaled(1.0 - m.cfe_share);
  return std::optional<MarketBased>(m);
}

}  // namespace carbonscope
