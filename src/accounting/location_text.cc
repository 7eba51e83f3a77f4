// LocationText -> LocationQuery -> Location, with argument-named errors.
#include "accounting/location_text.h"

#include <fmt/format.h>

namespace carbonscope {

Result<Location> resolve_location_text(const DataSet& data, const LocationText& t, ArgStyle style) {
  LocationQuery q;
  q.region = t.region;
  q.cloud = t.cloud;
  q.year = t.year;
  if (!t.region.empty() && !t.cloud.empty()) {
    return Status::invalid_argument(fmt::format("{} and {} conflict: a cloud region already names its grid zone; "
                                                "give one of them", arg_name(style, "region"), arg_name(style, "cloud")));
  }
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
    if (*p < 1.0 || *p > 3.0) {
      return Status::invalid_argument(fmt::format("{}: {} is outside 1.0 to 3.0 (PUE is facility energy over IT "
                                                  "energy, so never below 1)", name, t.pue));
    }
    q.pue = *p;
  }
  auto loc = resolve_location(data, q);
  if (!loc.ok()) {
    const std::string what = !t.cloud.empty()    ? arg_name(style, "cloud")
                             : !t.region.empty() ? arg_name(style, "region")
                                                 : "location";
    return loc.status().with_context(what);
  }
  return loc;
}

}  // namespace carbonscope
