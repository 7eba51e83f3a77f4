// LocationText -> LocationQuery -> Location, with argument-named errors. A name given to
// the wrong argument (a cloud region to --region, a country to --cloud) is sent to the
// right one instead of getting edit-distance suggestions.
#include "accounting/location_text.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "carbonscope/name_match.h"

namespace carbonscope {
namespace {

// "--cloud aws:us-east-1", "cloud='aws:us-east-1'" or "cloud = \"aws:us-east-1\"".
std::string use(ArgStyle style, std::string_view arg, std::string_view value) {
  switch (style) {
    case ArgStyle::kFlag: return fmt::format("{} {}", arg_name(style, arg), value);
    case ArgStyle::kKeyword: return fmt::format("{}='{}'", arg_name(style, arg), value);
    case ArgStyle::kFileKey: break;
  }
  return fmt::format("{} = \"{}\"", arg_name(style, arg), value);
}

// Letters and digits only, lower case: "us-east-1" and "us-east1" both read "useast1".
std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// provider:region keys whose region id is `name`; failing that, those whose id differs
// from it only in punctuation ("useast1" finds aws:us-east-1 and gcp:us-east1); failing
// that, by one typo ("us-eest-1").
std::vector<std::string> cloud_regions_named(const DataSet& data, std::string_view name, bool& typo) {
  const std::string q = squeeze(name);
  typo = false;
  if (q.size() < 4) return {};
  std::vector<std::string> tiers[3];
  for (const CloudRegion& c : data.cloud_regions()) {
    const std::string key = c.key();
    const std::string r = squeeze(c.region);
    const int tier = normalise_name(c.region) == normalise_name(name) ? 0
                     : r == q                                         ? 1
                     : r.size() >= 6 && edit_distance(r, q) <= 1      ? 2
                                                                      : -1;
    if (tier < 0) continue;
    auto& keys = tiers[tier];
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  for (auto& keys : tiers) {
    if (keys.empty()) continue;
    if (keys.size() > 5) keys.resize(5);
    typo = &keys == &tiers[2];
    return keys;
  }
  return {};
}

// The error for a --region that names no zone: a cloud region goes to --cloud.
Status region_error(const DataSet& data, const std::string& region, ArgStyle style, const Status& not_found) {
  bool typo = false;
  const std::vector<std::string> clouds =
      data.find_zone(region).ok() ? std::vector<std::string>{} : cloud_regions_named(data, region, typo);
  if (clouds.empty()) return not_found.with_context(arg_name(style, "region"));
  std::vector<std::string> uses;
  for (const std::string& k : clouds) uses.push_back(use(style, "cloud", k));
  return Status::not_found(fmt::format("{}: '{}' {}, not a grid zone: use {}{}", arg_name(style, "region"), region,
                                       typo ? "looks like a cloud region" : "is a cloud region", uses.front(),
                                       uses.size() > 1 ? fmt::format(" (or {})", fmt::join(uses.begin() + 1,
                                                                                           uses.end(), ", "))
                                                       : ""));
}

// The error for a --cloud that names no cloud region: a grid zone goes to --region.
Status cloud_error(const DataSet& data, const std::string& cloud, ArgStyle style, const Status& not_found) {
  if (cloud.find(':') == std::string::npos && !data.find_cloud_region(cloud, 0).ok()) {
    auto zone = data.find_zone(cloud);
    if (zone.ok()) {
      return Status::not_found(fmt::format("{}: '{}' is a grid zone ({}), not a cloud region: use {}",
                                           arg_name(style, "cloud"), cloud, (*zone)->name,
                                           use(style, "region", (*zone)->code)));
    }
  }
  return not_found.with_context(arg_name(style, "cloud"));
}

}  // namespace

Result<Location> resolve_location_text(const DataSet& data, const LocationText& t, ArgStyle style) {
  LocationQuery q;
  q.region = t.region;
  q.cloud = t.cloud;
  q.year = t.year;
  // The region/cloud conflict is resolve_location's check, named below (explain_location_error).
  if (t.year != 0 && (t.year < 1990 || t.year > 2100)) {
    return Status::invalid_argument(fmt::format("{}: {} is not a year such as 2023", arg_name(style, "year"), t.year));
  }
  if (!t.intensity.empty()) {
    auto ci = parse_intensity(t.intensity);
    if (!ci.ok()) return ci.status().with_context(arg_name(style, "intensity"));
    q.intensity = *ci;
  }
  if (!t.pue.empty()) {
    const std::string name = arg_name(style, "pue");
    auto p = parse_number(t.pue);
    if (!p.ok()) return p.status().with_context(name + " (a number such as 1.58)");
    CS_RETURN_IF_ERROR(check_pue(*p).with_context(name));
    q.pue = *p;
  }
  auto loc = resolve_location(data, q);
  if (!loc.ok()) return explain_location_error(data, t.region, t.cloud, loc.status(), style);
  return loc;
}

Status explain_location_error(const DataSet& data, const std::string& region, const std::string& cloud,
                              const Status& error, ArgStyle style) {
  if (!region.empty() && !cloud.empty()) {
    return Status::invalid_argument(fmt::format("{} and {} conflict: a cloud region already names its grid zone; "
                                                "give one of them", arg_name(style, "region"),
                                                arg_name(style, "cloud")));
  }
  if (error.code() == StatusCode::kNotFound && !cloud.empty()) return cloud_error(data, cloud, style, error);
  if (error.code() == StatusCode::kNotFound && !region.empty()) return region_error(data, region, style, error);
  const std::string what = !cloud.empty() ? arg_name(style, "cloud") : !region.empty() ? arg_name(style, "region")
                                                                                       : "location";
  return error.with_context(what);
}

}  // namespace carbonscope
