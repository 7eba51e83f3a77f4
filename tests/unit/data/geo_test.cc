// Great-circle distance on known city pairs, --near parsing, the gazetteer's lookup
// (ambiguity, country codes, ASCII spellings) and the region coordinates' coverage.
#include "data/geo.h"

#include <cmath>
#include <numbers>

#include <gtest/gtest.h>

#include "carbonscope/data.h"

namespace carbonscope {
namespace {

const GeoTables& geo() { return **GeoTables::builtin(); }

TEST(GreatCircle, KnownCityPairs) {
  const GeoPoint london{51.5085, -0.1257}, paris{48.8534, 2.3488}, new_york{40.7143, -74.006},
      los_angeles{34.0522, -118.2437}, sydney{-33.8679, 151.2073}, tokyo{35.6895, 139.6917};
  // Reference distances from the spherical law of cosines (an independent formula) on
  // the same sphere: London-Paris 343.8 km, New York-Los Angeles 3,935.7 km,
  // London-Sydney 16,993.6 km, Tokyo-Sydney 7,826.5 km.
  EXPECT_NEAR(great_circle_km(london, paris), 343.8, 0.1);
  EXPECT_NEAR(great_circle_km(new_york, los_angeles), 3935.7, 0.5);
  EXPECT_NEAR(great_circle_km(london, sydney), 16993.6, 1);
  EXPECT_NEAR(great_circle_km(tokyo, sydney), 7826.5, 1);
  EXPECT_DOUBLE_EQ(great_circle_km(paris, london), great_circle_km(london, paris));
  EXPECT_DOUBLE_EQ(great_circle_km(tokyo, tokyo), 0);
}

TEST(GreatCircle, PolesAntipodesAndTheDateLine) {
  EXPECT_NEAR(great_circle_km({90, 0}, {-90, 0}), std::numbers::pi * kEarthRadiusKm, 1e-6);
  EXPECT_NEAR(great_circle_km({0, 0}, {0, 180}), std::numbers::pi * kEarthRadiusKm, 1e-6);
  // One degree of longitude across the date line, on the equator: 111.2 km, not 40,000.
  EXPECT_NEAR(great_circle_km({0, 179.5}, {0, -179.5}), 111.19, 0.01);
}

TEST(ParseLatLon, DecimalDegreesAndRanges) {
  auto p = parse_lat_lon("51.5,-0.12");
  ASSERT_TRUE(p.ok() && *p);
  EXPECT_DOUBLE_EQ((*p)->lat, 51.5);
  EXPECT_DOUBLE_EQ((*p)->lon, -0.12);
  p = parse_lat_lon(" -33.87 , 151.2 ");
  ASSERT_TRUE(p.ok() && *p);
  EXPECT_DOUBLE_EQ((*p)->lat, -33.87);
  EXPECT_TRUE(parse_lat_lon("London").ok() && !*parse_lat_lon("London"));  // a name, not coordinates

  auto bad = parse_lat_lon("91,0");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("latitude 91 is outside -90..90"), std::string::npos);
  bad = parse_lat_lon("45,200");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("longitude 200 is outside -180..180"), std::string::npos);
  for (const char* text : {"51.5", "51.5,", "51.5,x", "1,2,3", "1,nan", "51.5;0.1"}) {
    bad = parse_lat_lon(text);
    ASSERT_FALSE(bad.ok()) << text;
    EXPECT_NE(bad.status().message().find("latitude,longitude in decimal degrees"), std::string::npos) << text;
  }
}

TEST(Gazetteer, NameCountryAndDivision) {
  auto london = geo().resolve("London,GB");
  ASSERT_TRUE(london.ok()) << london.status().to_string();
  EXPECT_EQ(london->label, "London, GB-ENG");
  EXPECT_NEAR(london->point.lat, 51.51, 0.01);
  EXPECT_TRUE(geo().resolve("london, gb").ok());

  auto kc = geo().resolve("Kansas City,US-MO");
  ASSERT_TRUE(kc.ok()) << kc.status().to_string();
  EXPECT_NEAR(kc->point.lon, -94.58, 0.01);
  // ASCII spelling and a name with a comma of its own.
  auto sp = geo().resolve("Sao Paulo");
  ASSERT_TRUE(sp.ok()) << sp.status().to_string();
  EXPECT_EQ(sp->label, "São Paulo, BR-27");
  EXPECT_TRUE(geo().resolve("Washington, D.C.").ok());
  auto coords = geo().resolve("48.85,2.35");
  ASSERT_TRUE(coords.ok());
  EXPECT_EQ(coords->label, "48.85, 2.35");
}

TEST(Gazetteer, AmbiguousNamesListTheCandidatesAndAskWhich) {
  auto london = geo().resolve("London");
  ASSERT_FALSE(london.ok());
  EXPECT_EQ(london.status().code(), StatusCode::kAmbiguous);
  const std::string m = london.status().message();
  // Most populous first, with populations, and the form that picks one.
  EXPECT_NE(m.find("2 cities have that name: London, GB-ENG (pop. 7.6M); London, CA-08 (pop. 347k)"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("--near \"London,GB\""), std::string::npos) << m;

  auto kc = geo().resolve("Kansas City,US");  // both in the US: the division picks
  ASSERT_FALSE(kc.ok());
  EXPECT_NE(kc.status().message().find("--near \"Kansas City,US-MO\""), std::string::npos)
      << kc.status().message();
}

TEST(Gazetteer, UnknownNamesAndCountries) {
  auto none = geo().resolve("Atlantis");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
  EXPECT_NE(none.status().message().find("no city of 100,000 people or more"), std::string::npos);
  auto wrong = geo().resolve("Paris,DE");
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find("no Paris in DE; the gazetteer has Paris, FR-11"), std::string::npos)
      << wrong.status().message();
  auto suffix = geo().resolve("Paris,France");
  ASSERT_FALSE(suffix.ok());
  EXPECT_NE(suffix.status().message().find("give a country code (Paris,FR)"), std::string::npos);
}

TEST(Gazetteer, FromTextsNamesTheBadRow) {
  auto bad = GeoTables::from_texts("name,country,lat,lon,population\nX,FR,95,0,1\n",
                                   "provider,region,city,country,lat,lon\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("cities.csv:2"), std::string::npos) << bad.status().message();
}

TEST(RegionLocations, EveryCloudRegionHasCoordinatesInItsCountry) {
  const DataSet& data = **DataSet::builtin();
  std::size_t n = 0;
  for (const CloudRegion& c : data.cloud_regions()) {
    const RegionLocation* l = geo().region(c.provider, c.region);
    ASSERT_NE(l, nullptr) << c.key() << " has no row in region_locations.csv";
    EXPECT_EQ(l->country, c.zone.substr(0, 2)) << c.key();
    ++n;
  }
  EXPECT_GT(n, 150u);
  const RegionLocation* va = geo().region("aws", "us-east-1");
  ASSERT_NE(va, nullptr);
  EXPECT_EQ(va->city, "Ashburn");
}

}  // namespace
}  // namespace carbonscope
