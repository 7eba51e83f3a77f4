// HourlyData: the built-in hourly tables (one row per zone-day, 24 '|'-separated
// integers), parsed on first use; imported series from the user's data directory; the
// region -> grid-zone mapping. Errors name file:line.
#include "carbonscope/hourly.h"

#include <dirent.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <mutex>
#include <sstream>

#include <fmt/format.h>

#include "data/csv.h"
#include "data/embedded.h"
#include "data/row_reader.h"

namespace carbonscope {
namespace {

constexpr float kMissing = std::numeric_limits<float>::quiet_NaN();

bool iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

Result<CsvTable> table(const std::map<std::string, std::string>& files, const std::string& name,
                       std::initializer_list<std::string_view> columns, bool& present) {
  const auto it = files.find(name);
  present = it != files.end();
  CS_ASSIGN_OR_RETURN(CsvTable t, CsvTable::parse(name, present ? std::string_view(it->second) : "x\n"));
  if (present) CS_RETURN_IF_ERROR(t.require_columns(columns));
  return t;
}

// "632|626|..." -> 24 values; an empty item is a missing hour.
Status parse_day(const RowReader& r, std::string_view text, std::vector<float>& out) {
  std::size_t n = 0;
  std::size_t pos = 0;
  while (true) {
    const std::size_t bar = text.find('|', pos);
    const std::string_view item =
        text.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos);
    if (n == 24) return r.error("column 'g_per_kwh' has more than 24 values");
    if (item.empty()) {
      out.push_back(kMissing);
    } else {
      int v = 0;
      const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), v);
      if (ec != std::errc() || end != item.data() + item.size() || v < 0 || v > 2000) {
        return r.error(fmt::format("column 'g_per_kwh': '{}' is not an integer g/kWh from 0 to 2000", item));
      }
      out.push_back(static_cast<float>(v));
    }
    ++n;
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  if (n != 24) return r.error(fmt::format("column 'g_per_kwh' has {} values, need 24 (one per UTC hour)", n));
  return {};
}

std::map<std::string, std::string> builtin_texts() {
  std::map<std::string, std::string> files;
  for (const embedded::File& f : embedded::files()) {
    if (f.name == "hourly_zones.csv" || f.name == "hourly_intensity.csv" ||
        f.name == "region_grid_zones.csv") {
      files.emplace(std::string(f.name), std::string(f.contents));
    }
  }
  return files;
}

}  // namespace

std::optional<double> HourlySeries::at(UnixHour hour) const {
  if (hour < first || hour >= end()) return std::nullopt;
  const float v = g_per_kwh[static_cast<std::size_t>(hour - first)];
  if (std::isnan(v)) return std::nullopt;
  return v;
}

bool HourlySeries::covers(UnixHour from, std::int64_t count) const {
  if (count <= 0 || from < first || from + count > end()) return false;
  const auto b = g_per_kwh.begin() + (from - first);
  return std::none_of(b, b + count, [](float v) { return std::isnan(v); });
}

Result<HourlyData> HourlyData::from_texts(const std::map<std::string, std::string>& files) {
  HourlyData out;
  bool present = false;
  CS_ASSIGN_OR_RETURN(CsvTable zones,
                      table(files, "hourly_zones.csv", {"zone", "name", "source_id"}, present));
  std::map<std::string, std::size_t, std::less<>> index;
  for (std::size_t i = 0; present && i < zones.size(); ++i) {
    RowReader r(zones, i);
    HourlySeries s;
    CS_ASSIGN_OR_RETURN(s.zone, r.required("zone"));
    if (index.count(s.zone)) return r.error(fmt::format("duplicate zone '{}'", s.zone));
    CS_ASSIGN_OR_RETURN(s.name, r.required("name"));
    s.parent = r.text("parent");
    CS_ASSIGN_OR_RETURN(s.source_id, r.required("source_id"));
    s.origin = "built-in";
    index.emplace(s.zone, out.series_.size());
    out.add(std::move(s), false);
  }
  CS_ASSIGN_OR_RETURN(CsvTable days,
                      table(files, "hourly_intensity.csv", {"zone", "date", "g_per_kwh"}, present));
  for (std::size_t i = 0; present && i < days.size(); ++i) {
    RowReader r(days, i);
    const auto it = index.find(r.text("zone"));
    if (it == index.end())
      return r.error(fmt::format("zone '{}' is not in hourly_zones.csv", r.text("zone")));
    HourlySeries& s = out.series_[it->second];
    auto t = parse_utc_time(r.text("date"), true, true);
    if (!t.ok()) return r.error(t.status().message());
    const UnixHour hour = *t / 3600;
    if (s.g_per_kwh.empty()) {
      s.first = hour;
    } else if (hour != s.end()) {
      return r.error(fmt::format("{} does not follow {} for zone {}: days must be consecutive and sorted",
                                 r.text("date"), format_utc_date(s.end() - 24), s.zone));
    }
    CS_RETURN_IF_ERROR(parse_day(r, r.text("g_per_kwh"), s.g_per_kwh));
  }
  CS_ASSIGN_OR_RETURN(CsvTable map,
                      table(files, "region_grid_zones.csv", {"provider", "region", "grid_zone"}, present));
  for (std::size_t i = 0; present && i < map.size(); ++i) {
    RowReader r(map, i);
    RegionGridZone g;
    CS_ASSIGN_OR_RETURN(g.provider, r.required("provider"));
    CS_ASSIGN_OR_RETURN(g.region, r.required("region"));
    CS_ASSIGN_OR_RETURN(g.grid_zone, r.required("grid_zone"));
    if (!index.count(g.grid_zone))
      return r.error(fmt::format("grid_zone '{}' has no hourly series", g.grid_zone));
    g.source_id = r.text("source_id");
    g.note = r.text("note");
    out.regions_.push_back(std::move(g));
  }
  return out;
}

Result<std::shared_ptr<const HourlyData>> HourlyData::builtin() {
  static const Result<std::shared_ptr<const HourlyData>> kBuiltin =
      []() -> Result<std::shared_ptr<const HourlyData>> {
    CS_ASSIGN_OR_RETURN(HourlyData d, from_texts(builtin_texts()));
    return std::make_shared<const HourlyData>(std::move(d));
  }();
  return kBuiltin;
}

Result<std::shared_ptr<const HourlyData>> HourlyData::with_imports(const std::string& dir) {
  CS_ASSIGN_OR_RETURN(std::shared_ptr<const HourlyData> base, builtin());
  const std::string folder = import_dir(dir);
  DIR* d = ::opendir(folder.c_str());
  if (d == nullptr) return base;
  std::vector<std::string> names;
  while (const dirent* e = ::readdir(d)) {
    const std::string n = e->d_name;
    if (n.size() > 4 && n.ends_with(".csv")) names.push_back(n);
  }
  ::closedir(d);
  if (names.empty()) return base;
  std::sort(names.begin(), names.end());
  auto out = std::make_shared<HourlyData>(*base);
  for (const std::string& n : names) {
    CS_ASSIGN_OR_RETURN(HourlySeries s, read_imported_series(folder + "/" + n, n.substr(0, n.size() - 4)));
    out->add(std::move(s), true);
  }
  return std::shared_ptr<const HourlyData>(std::move(out));
}

void HourlyData::add(HourlySeries s, bool imported) {
  series_.push_back(std::move(s));
  imported_.push_back(imported);
}

std::vector<const HourlySeries*> HourlyData::series_of(std::string_view zone) const {
  std::vector<const HourlySeries*> out;
  for (bool pass : {true, false}) {
    for (std::size_t i = 0; i < series_.size(); ++i) {
      if (imported_[i] == pass && iequal(series_[i].zone, zone)) out.push_back(&series_[i]);
    }
  }
  return out;
}

const HourlySeries* HourlyData::find(std::string_view zone, UnixHour from, std::int64_t count) const {
  for (const HourlySeries* s : series_of(zone)) {
    if (s->covers(from, count)) return s;
  }
  return nullptr;
}

const RegionGridZone* HourlyData::region_zone(std::string_view provider, std::string_view region) const {
  for (const RegionGridZone& g : regions_) {
    if (iequal(g.provider, provider) && iequal(g.region, region)) return &g;
  }
  return nullptr;
}

std::string import_dir(const std::string& data_dir) { return data_dir + "/hourly"; }

Result<HourlySeries> read_imported_series(const std::string& path, std::string_view zone) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error(fmt::format("cannot read {}", path));
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  CS_ASSIGN_OR_RETURN(CsvTable t, CsvTable::parse(path, text));
  CS_RETURN_IF_ERROR(t.require_columns({"timestamp", "g_per_kwh"}));
  HourlySeries s;
  s.zone = std::string(zone);
  s.name = std::string(zone);
  s.origin = path;
  for (std::size_t i = 0; i < t.size(); ++i) {
    RowReader r(t, i);
    auto when = parse_utc_time(r.text("timestamp"));
    if (!when.ok()) return r.error(when.status().message());
    CS_ASSIGN_OR_RETURN(const double g, r.number("g_per_kwh", 0, 2000));
    const UnixHour hour = *when / 3600;
    if (*when % 3600 != 0) return r.error("timestamps must be whole UTC hours");
    if (s.g_per_kwh.empty()) {
      s.first = hour;
    } else if (hour < s.end()) {
      return r.error(fmt::format("{} is not after the previous row: rows must be sorted, one per hour",
                                 r.text("timestamp")));
    }
    while (!s.g_per_kwh.empty() && s.end() < hour) s.g_per_kwh.push_back(kMissing);
    s.g_per_kwh.push_back(static_cast<float>(g));
  }
  if (s.g_per_kwh.empty()) return Status::data_error(fmt::format("{}: no rows", path));
  return s;
}

}  // namespace carbonscope
