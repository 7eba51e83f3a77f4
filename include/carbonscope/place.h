// Place: where a run or estimate happened, as the identifiers other tools group by
// (CodeCarbon's country_name, country_iso_code, region, cloud_provider, cloud_region).
// Filled once when a location is resolved against the data tables, then carried by
// every Report so that sinks never need the tables.
#pragma once

#include <string>

namespace carbonscope {

struct Place {
  std::string zone;            // resolved grid zone: "FR", "US-VA"; "" when none
  std::string country_name;    // "France"; the zone's country for sub-national zones
  std::string country_iso3;    // ISO 3166-1 alpha-3: "FRA"
  std::string subregion;       // a sub-national zone's name or a cloud region's location
  std::string cloud_provider;  // "aws"; "" for a private machine
  std::string cloud_region;    // "us-east-1"
  bool on_cloud() const { return !cloud_provider.empty(); }
};

}  // namespace carbonscope
