// Places on the globe for `plan --near`: great-circle distance, the cloud regions'
// coordinates (data/region_locations.csv) and a gazetteer of cities of 100,000 people
// or more (data/cities.csv), both GeoNames (CC BY 4.0). Parsed on first use only.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/status.h"

namespace carbonscope {

struct GeoPoint {
  double lat = 0;  // decimal degrees, -90..90
  double lon = 0;  // decimal degrees, -180..180
};

// Mean Earth radius (IUGG R1), km.
inline constexpr double kEarthRadiusKm = 6371.0088;

// Great-circle distance by the haversine formula on a sphere of kEarthRadiusKm
// (within 0.5% of the ellipsoidal distance).
double great_circle_km(GeoPoint a, GeoPoint b);

// "51.5,-0.12" (decimal degrees, latitude first) -> the point; kInvalidArgument for a
// latitude outside -90..90 or a longitude outside -180..180. nullopt (ok) when `text`
// is not two numbers, so the caller can try it as a city name.
Result<std::optional<GeoPoint>> parse_lat_lon(std::string_view text);

struct City {
  std::string name;     // GeoNames name ("São Paulo")
  std::string ascii;    // its ASCII spelling when it differs ("Sao Paulo"), else ""
  std::string country;  // ISO 3166-1 alpha-2
  std::string admin1;   // GeoNames first-level division code ("MO", "ENG", "27")
  GeoPoint point;
  long population = 0;
  // "Kansas City, US-MO"
  std::string label() const;
};

struct RegionLocation {
  std::string provider, region;
  std::string city, country;
  GeoPoint point;
};

// Where --near points: a city of the gazetteer or coordinates as given.
struct NearPoint {
  GeoPoint point;
  std::string label;  // "London, GB-ENG" or "48.85, 2.35"
};

class GeoTables {
 public:
  // From the CSV texts of cities.csv and region_locations.csv; errors name file:line.
  static Result<GeoTables> from_texts(std::string_view cities_csv, std::string_view regions_csv);
  // The embedded tables, parsed once.
  static Result<std::shared_ptr<const GeoTables>> builtin();

  // The region's coordinates, or nullptr.
  const RegionLocation* region(std::string_view provider, std::string_view region) const;

  // `text` as --near takes it: "lat,lon", "City", "City,CC" or "City,CC-ADMIN1"
  // (names without regard to case or accents' ASCII spelling). A name in several
  // places is refused, listing them with populations and the form that picks one.
  Result<NearPoint> resolve(std::string_view text) const;

  const std::vector<City>& cities() const { return cities_; }
  const std::vector<RegionLocation>& regions() const { return regions_; }

 private:
  std::vector<City> cities_;
  std::vector<RegionLocation> regions_;
};

}  // namespace carbonscope
