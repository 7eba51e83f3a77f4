// Great-circle distance, --near parsing, and the two geographic tables (GeoNames).
#include "data/geo.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <numbers>
#include <optional>

#include <fmt/format.h>

#include "core/unit_match.h"
#include "data/csv.h"
#include "data/embedded.h"
#include "data/row_reader.h"

namespace carbonscope {
namespace {

bool iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::optional<double> number(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

bool looks_numeric(std::string_view s) {
  s = trim(s);
  return !s.empty() && (std::isdigit(static_cast<unsigned char>(s.front())) || s.front() == '-' ||
                        s.front() == '+' || s.front() == '.');
}

// "CC" or "CC-ADMIN1" after the last comma of --near.
bool country_suffix(std::string_view s) {
  if (s.size() < 2 || !std::isalpha(static_cast<unsigned char>(s[0])) ||
      !std::isalpha(static_cast<unsigned char>(s[1])))
    return false;
  if (s.size() == 2) return true;
  if (s[2] != '-' || s.size() < 4 || s.size() > 6) return false;
  return std::all_of(s.begin() + 3, s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

std::string population_text(long p) {
  if (p >= 1'000'000) return fmt::format("{:.1f}M", static_cast<double>(p) / 1e6);
  return fmt::format("{}k", (p + 500) / 1000);
}

double radians(double deg) { return deg * std::numbers::pi / 180.0; }

}  // namespace

double great_circle_km(GeoPoint a, GeoPoint b) {
  const double dlat = radians(b.lat - a.lat), dlon = radians(b.lon - a.lon);
  const double s = std::sin(dlat / 2), t = std::sin(dlon / 2);
  const double h = s * s + std::cos(radians(a.lat)) * std::cos(radians(b.lat)) * t * t;
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

Result<std::optional<GeoPoint>> parse_lat_lon(std::string_view text) {
  const std::size_t comma = text.find(',');
  const std::string_view first = text.substr(0, comma);
  if (!looks_numeric(first)) return std::optional<GeoPoint>();
  const std::string_view second = comma == std::string_view::npos ? "" : text.substr(comma + 1);
  const auto lat = number(first), lon = number(second);
  if (!lat || !lon || second.find(',') != std::string_view::npos) {
    return Status::invalid_argument(
        fmt::format("--near '{}': give latitude,longitude in decimal degrees (51.51,-0.13), or a city name "
                    "(London,GB)",
                    text));
  }
  if (*lat < -90 || *lat > 90) {
    return Status::invalid_argument(
        fmt::format("--near '{}': latitude {} is outside -90..90 (latitude comes first: 51.51,-0.13)", text, *lat));
  }
  if (*lon < -180 || *lon > 180) {
    return Status::invalid_argument(
        fmt::format("--near '{}': longitude {} is outside -180..180 (west is negative: -0.13)", text, *lon));
  }
  return std::optional<GeoPoint>(GeoPoint{*lat, *lon});
}

std::string City::label() const {
  return admin1.empty() ? fmt::format("{}, {}", name, country) : fmt::format("{}, {}-{}", name, country, admin1);
}

Result<GeoTables> GeoTables::from_texts(std::string_view cities_csv, std::string_view regions_csv) {
  GeoTables out;
  CS_ASSIGN_OR_RETURN(CsvTable cities, CsvTable::parse("cities.csv", cities_csv));
  CS_RETURN_IF_ERROR(cities.require_columns({"name", "country", "lat", "lon", "population"}));
  out.cities_.reserve(cities.size());
  for (std::size_t i = 0; i < cities.size(); ++i) {
    RowReader r(cities, i);
    City c;
    CS_ASSIGN_OR_RETURN(c.name, r.required("name"));
    c.ascii = r.text("ascii");
    CS_ASSIGN_OR_RETURN(c.country, r.required("country"));
    c.admin1 = r.text("admin1");
    CS_ASSIGN_OR_RETURN(c.point.lat, r.number("lat", -90, 90));
    CS_ASSIGN_OR_RETURN(c.point.lon, r.number("lon", -180, 180));
    CS_ASSIGN_OR_RETURN(const double pop, r.number("population", 0, 1e9));
    c.population = static_cast<long>(pop);
    out.cities_.push_back(std::move(c));
  }
  CS_ASSIGN_OR_RETURN(CsvTable regions, CsvTable::parse("region_locations.csv", regions_csv));
  CS_RETURN_IF_ERROR(regions.require_columns({"provider", "region", "city", "country", "lat", "lon"}));
  out.regions_.reserve(regions.size());
  for (std::size_t i = 0; i < regions.size(); ++i) {
    RowReader r(regions, i);
    RegionLocation l;
    CS_ASSIGN_OR_RETURN(l.provider, r.required("provider"));
    CS_ASSIGN_OR_RETURN(l.region, r.required("region"));
    CS_ASSIGN_OR_RETURN(l.city, r.required("city"));
    l.country = r.text("country");
    CS_ASSIGN_OR_RETURN(l.point.lat, r.number("lat", -90, 90));
    CS_ASSIGN_OR_RETURN(l.point.lon, r.number("lon", -180, 180));
    out.regions_.push_back(std::move(l));
  }
  return out;
}

Result<std::shared_ptr<const GeoTables>> GeoTables::builtin() {
  static const Result<std::shared_ptr<const GeoTables>> kBuiltin =
      []() -> Result<std::shared_ptr<const GeoTables>> {
    std::string_view cities, regions;
    for (const embedded::File& f : embedded::files()) {
      if (f.name == "cities.csv") cities = f.contents;
      if (f.name == "region_locations.csv") regions = f.contents;
    }
    CS_ASSIGN_OR_RETURN(GeoTables t, from_texts(cities, regions));
    return std::make_shared<const GeoTables>(std::move(t));
  }();
  return kBuiltin;
}

const RegionLocation* GeoTables::region(std::string_view provider, std::string_view region) const {
  for (const RegionLocation& l : regions_) {
    if (l.provider == provider && l.region == region) return &l;
  }
  return nullptr;
}

Result<NearPoint> GeoTables::resolve(std::string_view text) const {
  CS_ASSIGN_OR_RETURN(std::optional<GeoPoint> point, parse_lat_lon(text));
  if (point) return NearPoint{*point, fmt::format("{:.4g}, {:.4g}", point->lat, point->lon)};
  std::string_view name = trim(text), country, admin1;
  const auto same_name = [](const City& c, std::string_view n) {
    return iequal(c.name, n) || (!c.ascii.empty() && iequal(c.ascii, n));
  };
  // A name with a comma of its own ("Washington, D.C.") before "City,CC".
  const bool whole = std::any_of(cities_.begin(), cities_.end(), [&](const City& c) { return same_name(c, name); });
  if (const std::size_t comma = name.rfind(','); comma != std::string_view::npos && !whole) {
    const std::string_view suffix = trim(name.substr(comma + 1));
    if (!country_suffix(suffix)) {
      return Status::invalid_argument(fmt::format(
          "--near '{}': after the comma give a country code (Paris,FR) or country and division (Kansas "
          "City,US-MO); coordinates are two numbers (48.85,2.35)",
          text));
    }
    name = trim(name.substr(0, comma));
    country = suffix.substr(0, 2);
    if (suffix.size() > 3) admin1 = suffix.substr(3);
  }
  if (name.empty()) return Status::invalid_argument("--near: give a city (London,GB) or coordinates (51.51,-0.13)");
  std::vector<const City*> named, match;
  for (const City& c : cities_) {
    if (!same_name(c, name)) continue;
    named.push_back(&c);
    if ((country.empty() || iequal(c.country, country)) && (admin1.empty() || iequal(c.admin1, admin1)))
      match.push_back(&c);
  }
  const auto by_population = [](const City* a, const City* b) { return a->population > b->population; };
  std::sort(named.begin(), named.end(), by_population);
  std::sort(match.begin(), match.end(), by_population);
  const auto list = [](const std::vector<const City*>& cs) {
    std::string out;
    for (std::size_t i = 0; i < cs.size() && i < 8; ++i) {
      out += fmt::format("{}{} (pop. {})", i ? "; " : "", cs[i]->label(), population_text(cs[i]->population));
    }
    if (cs.size() > 8) out += fmt::format("; and {} more", cs.size() - 8);
    return out;
  };
  if (match.size() == 1) return NearPoint{match.front()->point, match.front()->label()};
  if (match.empty()) {
    if (!named.empty()) {
      return Status::not_found(fmt::format("--near '{}': no {} in {}; the gazetteer has {}", text, name,
                                           admin1.empty() ? std::string(country)
                                                          : fmt::format("{}-{}", country, admin1),
                                           list(named)));
    }
    return Status::not_found(fmt::format(
        "--near '{}': no city of 100,000 people or more by that name in the gazetteer (data/cities.csv, "
        "GeoNames); check the spelling (GeoNames' English names: Munich, Genève), or give coordinates "
        "(lat,lon in decimal degrees)",
        text));
  }
  const bool one_country = std::all_of(match.begin(), match.end(),
                                       [&](const City* c) { return c->country == match.front()->country; });
  const City& top = *match.front();
  const std::string pick = one_country && !top.admin1.empty()
                               ? fmt::format("{},{}-{}", name, top.country, top.admin1)
                               : fmt::format("{},{}", name, top.country);
  return Status::ambiguous(fmt::format("--near '{}': {} cities have that name: {}; say which, e.g. --near \"{}\"",
                                              text, match.size(), list(match), pick));
}

}  // namespace carbonscope
