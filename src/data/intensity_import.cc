// Importers of hourly intensity exports. Each format yields timed points (with the
// file line, or JSON element, they came from); the points are checked for duplicates
// and averaged into UTC hours.
#include "carbonscope/intensity_import.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "carbonscope/parse.h"
#include "data/csv.h"

namespace carbonscope {
namespace {

constexpr double kGPerKwhPerLbPerMwh = 0.45359237;  // 1 lb/MWh = 0.4536 g/kWh

struct Point {
  std::int64_t unix = 0;
  double g = 0;
  std::string where;  // "file:12" or "file: data[3]"
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int find_column(const CsvTable& t, const std::vector<std::string_view>& must_contain) {
  for (std::size_t i = 0; i < t.header().size(); ++i) {
    const std::string h = lower(t.header()[i]);
    if (std::all_of(must_contain.begin(), must_contain.end(),
                    [&](std::string_view w) { return h.find(w) != std::string::npos; })) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

Status value_error(const std::string& where, std::string_view text, std::string_view unit) {
  return Status::data_error(fmt::format(
      "{}: '{}' is not a carbon intensity in {} (a number from 0 to 2000 g/kWh)", where, text, unit));
}

Result<double> value_of(const std::string& where, std::string_view text, double scale,
                        std::string_view unit) {
  auto v = parse_number(text);
  if (!v.ok()) return value_error(where, text, unit);
  const double g = *v * scale;
  if (g < 0 || g > 2000) return value_error(where, text, unit);
  return g;
}

// CSV formats: which columns hold the time and the value, and how to read them.
struct CsvLayout {
  IntensityFormat format;
  int time = -1, value = -1, zone = -1;
  bool assume_utc = false;
  double scale = 1;
  std::string unit = "g/kWh";
};

Result<CsvLayout> csv_layout(const CsvTable& t, IntensityFormat want, std::string_view path) {
  CsvLayout l{want};
  const bool em = find_column(t, {"datetime (utc)"}) >= 0 && find_column(t, {"carbon intensity"}) >= 0;
  const bool wt =
      find_column(t, {"point_time"}) >= 0 || (t.column("timestamp") >= 0 && t.column("MOER") >= 0);
  if (want == IntensityFormat::kAuto) {
    l.format = em   ? IntensityFormat::kElectricityMaps
               : wt ? IntensityFormat::kWattTime
                    : IntensityFormat::kPlain;
  }
  switch (l.format) {
    case IntensityFormat::kElectricityMaps:
      l.time = find_column(t, {"datetime"});
      // Life-cycle first (the column is "(LCA)" or "(Life cycle)" by export version).
      l.value = find_column(t, {"carbon intensity", "lca"});
      if (l.value < 0) l.value = find_column(t, {"carbon intensity", "life cycle"});
      if (l.value < 0) l.value = find_column(t, {"carbon intensity"});
      l.zone = find_column(t, {"zone id"});
      l.assume_utc = true;  // the column is "Datetime (UTC)"
      break;
    case IntensityFormat::kWattTime:
      l.time = t.column("point_time") >= 0 ? t.column("point_time") : t.column("timestamp");
      l.value = t.column("value") >= 0 ? t.column("value") : t.column("MOER");
      l.zone = t.column("ba") >= 0 ? t.column("ba") : t.column("region");
      l.scale = kGPerKwhPerLbPerMwh;
      l.unit = "lb/MWh";
      break;
    case IntensityFormat::kPlain:
      l.time = t.column("timestamp");
      l.value = t.column("g_per_kwh");
      break;
    default:
      return Status::invalid_argument(
          fmt::format("{}: a CSV file cannot be {}", path, format_name(l.format)));
  }
  if (l.time < 0 || l.value < 0) {
    return Status::data_error(
        fmt::format("{}:1: not a {} file: expected {} (header is '{}')", path, format_name(l.format),
                    l.format == IntensityFormat::kPlain ? "columns timestamp,g_per_kwh"
                    : l.format == IntensityFormat::kWattTime
                        ? "columns point_time (or timestamp) and value (or MOER)"
                        : "columns 'Datetime (UTC)' and 'Carbon Intensity gCO2eq/kWh (LCA)'",
                    fmt::join(t.header(), ",")));
  }
  return l;
}

Status read_csv(std::string_view path, std::string_view text, IntensityFormat want, ImportedSeries& out,
                std::vector<Point>& points) {
  CS_ASSIGN_OR_RETURN(CsvTable t, CsvTable::parse(path, text));
  CS_ASSIGN_OR_RETURN(CsvLayout l, csv_layout(t, want, path));
  out.format = l.format;
  std::size_t empty = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::string where = fmt::format("{}:{}", path, t.line(i));
    const std::string_view v = t.cell(i, static_cast<std::size_t>(l.value));
    if (v.empty()) {
      ++empty;
      continue;
    }
    auto when = parse_utc_time(t.cell(i, static_cast<std::size_t>(l.time)), l.assume_utc);
    if (!when.ok()) return Status::data_error(fmt::format("{}: {}", where, when.status().message()));
    CS_ASSIGN_OR_RETURN(const double g, value_of(where, v, l.scale, l.unit));
    points.push_back({*when, g, where});
    if (l.zone >= 0 && out.zone_hint.empty())
      out.zone_hint = std::string(t.cell(i, static_cast<std::size_t>(l.zone)));
  }
  if (empty > 0) out.notes.push_back(fmt::format("{} rows without a value left as gaps", empty));
  if (l.format == IntensityFormat::kElectricityMaps) {
    out.notes.push_back(fmt::format("column '{}' used", t.header()[static_cast<std::size_t>(l.value)]));
  }
  if (l.format == IntensityFormat::kWattTime) {
    out.notes.push_back(
        "WattTime values are marginal emission rates (MOER) in lb/MWh, converted x 0.4536 to g/kWh; "
        "they are not average intensities");
  }
  return {};
}

Status read_json(std::string_view path, std::string_view text, IntensityFormat want, ImportedSeries& out,
                 std::vector<Point>& points) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) return Status::data_error(fmt::format("{}: not valid JSON", path));
  IntensityFormat f = want;
  if (f == IntensityFormat::kAuto) {
    f = j.is_object() && j.contains("data") ? IntensityFormat::kUkCarbonIntensity
        : j.is_array()                      ? IntensityFormat::kCarbonAwareSdk
                                            : IntensityFormat::kAuto;
  }
  out.format = f;
  if (f == IntensityFormat::kUkCarbonIntensity) {
    if (!j.is_object() || !j.contains("data") || !j["data"].is_array()) {
      return Status::data_error(
          fmt::format("{}: expected {{\"data\": [{{\"from\": ..., \"intensity\": ...}}]}}", path));
    }
    // Regional endpoints nest the slots one level deeper: data[i].data[k].
    std::vector<std::pair<std::string, const nlohmann::json*>> slots;
    for (std::size_t i = 0; i < j["data"].size(); ++i) {
      const nlohmann::json& e = j["data"][i];
      if (e.is_object() && e.contains("data") && e["data"].is_array()) {
        if (out.zone_hint.empty() && e.contains("shortname") && e["shortname"].is_string())
          out.zone_hint = e["shortname"].get<std::string>();
        for (std::size_t k = 0; k < e["data"].size(); ++k) {
          slots.emplace_back(fmt::format("{}: data[{}].data[{}]", path, i, k), &e["data"][k]);
        }
      } else {
        slots.emplace_back(fmt::format("{}: data[{}]", path, i), &e);
      }
    }
    std::size_t forecast = 0;
    for (const auto& [where, e] : slots) {
      if (!e->is_object() || !e->contains("from") || !e->contains("intensity") || !(*e)["from"].is_string()) {
        return Status::data_error(
            fmt::format("{}: expected an object with \"from\" and \"intensity\"", where));
      }
      const nlohmann::json& in = (*e)["intensity"];
      const nlohmann::json* v = in.contains("actual") && in["actual"].is_number() ? &in["actual"] : nullptr;
      if (v == nullptr && in.contains("forecast") && in["forecast"].is_number()) {
        v = &in["forecast"];
        ++forecast;
      }
      if (v == nullptr) continue;  // neither: a gap
      auto when = parse_utc_time((*e)["from"].get<std::string>());
      if (!when.ok()) return Status::data_error(fmt::format("{}: {}", where, when.status().message()));
      CS_ASSIGN_OR_RETURN(const double g, value_of(where, v->dump(), 1, "g/kWh"));
      points.push_back({*when, g, where});
    }
    if (forecast > 0)
      out.notes.push_back(fmt::format("{} slots had no actual value: their forecast was used", forecast));
    return {};
  }
  if (f == IntensityFormat::kCarbonAwareSdk) {
    if (!j.is_array())
      return Status::data_error(fmt::format("{}: expected [{{\"time\": ..., \"rating\": ...}}]", path));
    for (std::size_t i = 0; i < j.size(); ++i) {
      const std::string where = fmt::format("{}: [{}]", path, i);
      const nlohmann::json& e = j[i];
      if (!e.is_object() || !e.contains("time") || !e["time"].is_string() || !e.contains("rating") ||
          !e["rating"].is_number()) {
        return Status::data_error(
            fmt::format("{}: expected an object with \"time\" (text) and \"rating\" (number)", where));
      }
      auto when = parse_utc_time(e["time"].get<std::string>());
      if (!when.ok()) return Status::data_error(fmt::format("{}: {}", where, when.status().message()));
      CS_ASSIGN_OR_RETURN(const double g, value_of(where, e["rating"].dump(), 1, "g/kWh"));
      points.push_back({*when, g, where});
      if (out.zone_hint.empty() && e.contains("location") && e["location"].is_string()) {
        out.zone_hint = e["location"].get<std::string>();
      }
    }
    out.notes.push_back("Carbon Aware SDK 'rating' read as g/kWh");
    return {};
  }
  return Status::data_error(
      fmt::format("{}: unknown JSON layout; give --format uk-carbon-intensity or "
                  "carbon-aware-sdk",
                  path));
}

}  // namespace

std::string_view format_name(IntensityFormat f) {
  switch (f) {
    case IntensityFormat::kAuto:
      return "auto";
    case IntensityFormat::kPlain:
      return "plain";
    case IntensityFormat::kElectricityMaps:
      return "electricitymaps";
    case IntensityFormat::kWattTime:
      return "watttime";
    case IntensityFormat::kUkCarbonIntensity:
      return "uk-carbon-intensity";
    case IntensityFormat::kCarbonAwareSdk:
      return "carbon-aware-sdk";
  }
  return "auto";
}

Result<IntensityFormat> parse_format_name(std::string_view name) {
  for (IntensityFormat f :
       {IntensityFormat::kAuto, IntensityFormat::kPlain, IntensityFormat::kElectricityMaps,
        IntensityFormat::kWattTime, IntensityFormat::kUkCarbonIntensity, IntensityFormat::kCarbonAwareSdk}) {
    if (lower(name) == format_name(f)) return f;
  }
  return Status::invalid_argument(
      fmt::format("--format: '{}' is not one of auto, plain, electricitymaps, watttime, "
                  "uk-carbon-intensity, carbon-aware-sdk",
                  name));
}

Result<ImportedSeries> import_intensity(std::string_view path, std::string_view text,
                                        IntensityFormat format) {
  ImportedSeries out;
  std::vector<Point> points;
  std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  const bool json = first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
  if (json) {
    CS_RETURN_IF_ERROR(read_json(path, text, format, out, points));
  } else {
    CS_RETURN_IF_ERROR(read_csv(path, text, format, out, points));
  }
  if (points.empty()) return Status::data_error(fmt::format("{}: no intensity values found", path));
  std::map<std::int64_t, const Point*> seen;
  for (const Point& p : points) {
    const auto [it, fresh] = seen.emplace(p.unix, &p);
    if (!fresh) {
      return Status::data_error(fmt::format("{}: duplicate time {} (first at {}): keep one row per time",
                                            p.where, format_utc_hour(p.unix / 3600), it->second->where));
    }
  }
  std::map<UnixHour, std::pair<double, int>> hours;
  for (const Point& p : points) {
    const UnixHour h = p.unix >= 0 ? p.unix / 3600 : -((-p.unix + 3599) / 3600);
    hours[h].first += p.g;
    hours[h].second += 1;
  }
  HourlySeries& s = out.series;
  s.first = hours.begin()->first;
  const UnixHour last = hours.rbegin()->first;
  s.g_per_kwh.assign(static_cast<std::size_t>(last - s.first + 1), std::numeric_limits<float>::quiet_NaN());
  for (const auto& [h, sum] : hours) {
    s.g_per_kwh[static_cast<std::size_t>(h - s.first)] = static_cast<float>(sum.first / sum.second);
  }
  out.rows = points.size();
  if (points.size() > hours.size()) {
    out.notes.push_back(fmt::format("{} values averaged into {} hours", points.size(), hours.size()));
  }
  const std::size_t gaps = s.g_per_kwh.size() - hours.size();
  if (gaps > 0)
    out.notes.push_back(fmt::format("{} hours without data between the first and last: gaps", gaps));
  return out;
}

std::string series_csv(const HourlySeries& s) {
  std::string out = "timestamp,g_per_kwh\n";
  for (std::size_t i = 0; i < s.g_per_kwh.size(); ++i) {
    if (std::isnan(s.g_per_kwh[i])) continue;
    out += fmt::format("{},{}\n", format_utc_hour(s.first + static_cast<UnixHour>(i)),
                       std::round(s.g_per_kwh[i] * 10.0) / 10.0);
  }
  return out;
}

}  // namespace carbonscope
