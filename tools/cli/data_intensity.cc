// `carbonscope data intensity ZONE --date D [--hourly]`: a day of a zone's hourly
// series with a small terminal chart; `carbonscope data import-intensity FILE`: an
// export of another tool into the user's data directory, where `plan` finds it.
#include "data_intensity.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "carbonscope/intensity_import.h"
#include "carbonscope/svg_chart.h"
#include "hourly_options.h"
#include "json_print.h"

namespace carbonscope::cli {
namespace {

struct IntensityOptions {
  std::string zone, date, svg;
  int days = 1;
  bool hourly = false, json = false;
};

struct ImportOptions {
  std::string file, zone, format = "auto";
};

// A zone's series: the series' own zone name, a cloud region's mapped grid zone, or a
// zones.csv zone (by name too).
Result<std::vector<const HourlySeries*>> series_for(const DataSet& data, const HourlyData& hourly,
                                                    const std::string& zone, std::string& label) {
  label = zone;
  auto direct = hourly.series_of(zone);
  if (!direct.empty()) return direct;
  if (const auto colon = zone.find(':'); colon != std::string::npos) {
    if (const RegionGridZone* g = hourly.region_zone(zone.substr(0, colon), zone.substr(colon + 1))) {
      label = fmt::format("{} (grid zone {}: {})", zone, g->grid_zone, g->note);
      return hourly.series_of(g->grid_zone);
    }
  } else if (auto z = data.find_zone(zone); z.ok()) {
    auto s = hourly.series_of((*z)->code);
    if (!s.empty()) return s;
  }
  std::vector<std::string> names;
  for (const HourlySeries& s : hourly.all()) {
    if (std::find(names.begin(), names.end(), s.zone) == names.end()) names.push_back(s.zone);
  }
  return Status::not_found(
      fmt::format("no hourly series for '{}': the zones with one are {} (and cloud regions mapped "
                  "to them, e.g. aws:us-east-1); import one with 'carbonscope data "
                  "import-intensity FILE --zone {}'. Without one, carbonscope uses the annual "
                  "figure ('carbonscope data regions {}')",
                  zone, fmt::join(names, ", "), zone, zone));
}

// "▁▂▃▅▇" for the values, scaled between the smallest and the largest.
std::string sparkline(const std::vector<double>& v) {
  static const char* kBars[] = {"\u2581", "\u2582", "\u2583", "\u2584",
                                "\u2585", "\u2586", "\u2587", "\u2588"};
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  std::string out;
  for (double x : v) {
    const double t = *hi > *lo ? (x - *lo) / (*hi - *lo) : 0.5;
    out += kBars[std::clamp(static_cast<int>(std::lround(t * 7)), 0, 7)];
  }
  return out;
}

int show_intensity(const DataSet& data, const HourlyData& hourly, const IntensityOptions& o) {
  std::string label;
  auto all = series_for(data, hourly, o.zone, label);
  if (!all.ok()) return report_error(all.status());
  auto t = parse_utc_time(o.date, false, true);
  if (!t.ok()) return report_error(t.status().with_context("--date (a UTC day such as 2022-07-01)"));
  if (*t % 86400 != 0) {
    return report_error(
        Status::invalid_argument("--date: give a day (2022-07-01); the day runs 00:00 to 24:00 UTC"));
  }
  if (o.days < 1 || o.days > 31) return report_error(Status::invalid_argument("--days must be 1 to 31"));
  const UnixHour first = *t / 3600;
  const std::int64_t n = 24 * o.days;
  const HourlySeries* s = nullptr;
  for (const HourlySeries* c : *all) {
    if (c->at(first) || c->at(first + n - 1)) {
      s = c;
      break;
    }
  }
  if (s == nullptr) {
    std::string spans;
    for (const HourlySeries* c : *all) {
      spans += fmt::format("{}{} to {}", spans.empty() ? "" : ", ", format_utc_date(c->first),
                           format_utc_date(c->end() - 1));
    }
    return report_error(
        Status::not_found(fmt::format("{} has hourly data for {} only, not {}; pick a date in that "
                                      "span or import a series",
                                      label, spans, o.date)));
  }
  std::vector<double> values;
  std::vector<UnixHour> at;
  for (UnixHour h = first; h < first + n; ++h) {
    if (const auto v = s->at(h)) {
      values.push_back(*v);
      at.push_back(h);
    }
  }
  const auto lo = std::min_element(values.begin(), values.end());
  const auto hi = std::max_element(values.begin(), values.end());
  double mean = 0;
  for (double v : values) mean += v / static_cast<double>(values.size());
  const std::string source = s->source_id.empty() ? "imported from " + s->origin : s->source_id;
  if (!o.svg.empty()) {
    ChartSeries line{s->zone, {}};
    for (std::size_t i = 0; i < values.size(); ++i) {
      line.points.emplace_back(static_cast<double>(at[i] - first), values[i]);
    }
    std::ofstream f(o.svg, std::ios::binary | std::ios::trunc);
    f << svg_line_chart({line}, fmt::format("{} carbon intensity from {} UTC [{}]", label, o.date, source),
                        "hours (UTC)", "gCO2e/kWh");
    if (!f) return report_error(Status::io_error(fmt::format("--svg: cannot write {}", o.svg)));
  }
  if (o.json) {
    nlohmann::json hours = nlohmann::json::array();
    for (std::size_t i = 0; i < values.size(); ++i)
      hours.push_back({{"hour", format_utc_hour(at[i])}, {"g_per_kwh", values[i]}});
    nlohmann::json j = {{"zone", s->zone},  {"label", label},
                        {"source", source}, {"date", o.date},
                        {"days", o.days},   {"mean_g_per_kwh", mean},
                        {"hours", hours},   {"missing_hours", n - static_cast<std::int64_t>(values.size())}};
    std::cout << json_print(j) << "\n";
    return kExitOk;
  }
  std::ostringstream out;
  out << fmt::format("{} hourly carbon intensity, {} UTC{} [{}]\n\n", label, o.date,
                     o.days > 1 ? fmt::format(" + {} days", o.days - 1) : "", source);
  out << fmt::format("  mean {:.0f} g/kWh; lowest {:.0f} at {}; highest {:.0f} at {}\n", mean, *lo,
                     format_utc_hour(at[static_cast<std::size_t>(lo - values.begin())]).substr(11), *hi,
                     format_utc_hour(at[static_cast<std::size_t>(hi - values.begin())]).substr(11));
  if (static_cast<std::int64_t>(values.size()) < n) {
    out << fmt::format("  {} hours missing\n", n - static_cast<std::int64_t>(values.size()));
  }
  out << "\n  " << sparkline(values) << "\n  00h"
      << std::string(values.size() > 6 ? values.size() - 6 : 0, ' ') << "24h\n";
  if (o.hourly) {
    out << "\n";
    for (std::size_t i = 0; i < values.size(); ++i) {
      const int width = *hi > 0 ? static_cast<int>(std::lround(40 * values[i] / *hi)) : 0;
      out << fmt::format("  {}  {:>5.0f}  {}\n", format_utc_hour(at[i]), values[i], std::string(width, '#'));
    }
  }
  std::cout << out.str();
  return kExitOk;
}

bool zone_name_ok(const std::string& z) {
  return !z.empty() && z.size() <= 64 && std::all_of(z.begin(), z.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

int import_file(const DataSet& data, const HourlyData& hourly, const Context& ctx, const ImportOptions& o) {
  auto format = parse_format_name(o.format);
  if (!format.ok()) return report_error(format.status());
  std::ifstream in(o.file, std::ios::binary);
  if (!in) return report_error(Status::io_error(fmt::format("cannot read {}", o.file)));
  std::stringstream ss;
  ss << in.rdbuf();
  auto imported = import_intensity(o.file, ss.str(), *format);
  if (!imported.ok()) return report_error(imported.status());
  std::string zone = o.zone.empty() ? imported->zone_hint : o.zone;
  if (zone.empty()) {
    return report_error(Status::invalid_argument(fmt::format(
        "{} does not say its zone: give --zone (a zone such as FR or US-CA, or a grid zone such as PJM)",
        o.file)));
  }
  std::string renamed;
  if (o.zone.empty()) {
    // Electricity Maps names US balancing authorities "US-MIDA-PJM", "US-NW-BPAT": the
    // last part is the EIA code the shipped series and the region mapping use.
    const auto dash = zone.rfind('-');
    if (zone.rfind("US-", 0) == 0 && dash != std::string::npos && dash > 2 &&
        !hourly.series_of(zone.substr(dash + 1)).empty()) {
      renamed = zone;
      zone = zone.substr(dash + 1);
    }
  }
  if (!zone_name_ok(zone)) {
    return report_error(Status::invalid_argument(
        fmt::format("--zone '{}': use letters, digits, '-' and '_' only (FR, US-CA, PJM)", zone)));
  }
  if (auto z = data.find_zone(zone); z.ok() && (*z)->code != zone && hourly.series_of(zone).empty()) {
    zone = (*z)->code;  // "France" -> "FR"
  }
  const std::string dir = import_dir(user_data_dir(ctx));
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return report_error(Status::io_error(fmt::format("cannot create {}: {}", dir, ec.message())));
  const std::string path = dir + "/" + zone + ".csv";
  HourlySeries merged = imported->series;
  bool replaced_some = false;
  if (std::filesystem::exists(path)) {
    auto old = read_imported_series(path, zone);
    if (!old.ok()) return report_error(old.status().with_context("the series already imported"));
    const UnixHour a = std::min(old->first, merged.first), b = std::max(old->end(), merged.end());
    HourlySeries out = merged;
    out.first = a;
    out.g_per_kwh.assign(static_cast<std::size_t>(b - a), NAN);
    for (const HourlySeries* s : {&*old, &merged}) {  // the new file wins where both have a value
      for (UnixHour h = s->first; h < s->end(); ++h) {
        if (const auto v = s->at(h)) {
          replaced_some = replaced_some || (s == &merged && out.at(h).has_value());
          out.g_per_kwh[static_cast<std::size_t>(h - a)] = static_cast<float>(*v);
        }
      }
    }
    merged = std::move(out);
  }
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << series_csv(merged);
  if (!f) return report_error(Status::io_error(fmt::format("cannot write {}", path)));
  std::cout << fmt::format("imported {} values ({}) as zone {}: {} to {} in {}\n", imported->rows,
                           format_name(imported->format), zone, format_utc_hour(imported->series.first),
                           format_utc_hour(imported->series.end() - 1), path);
  if (!renamed.empty()) {
    std::cout << fmt::format("  - the file's zone {} is the balancing authority {}: imported as {}\n",
                             renamed, zone, zone);
  }
  for (const std::string& n : imported->notes) std::cout << "  - " << n << "\n";
  if (replaced_some)
    std::cout << "  - hours already imported for this zone were replaced by this file's values\n";
  bool used = !hourly.series_of(zone).empty() || data.find_zone(zone).ok();
  if (!used) {
    std::cout << fmt::format(
        "  - no zone or cloud region is called {}: 'plan' will not use it; import it as a zone "
        "code (FR, US-CA) or a grid zone (PJM, MISO)\n",
        zone);
  }
  return kExitOk;
}

}  // namespace

void add_data_intensity_commands(CLI::App* data_cmd, Context& ctx) {
  auto io = std::make_shared<IntensityOptions>();
  CLI::App* show =
      data_cmd->add_subcommand("intensity", "A day of a zone's hourly carbon intensity, with a chart");
  show->add_option("zone", io->zone, "Grid zone (PJM, GB), cloud region (aws:us-east-1) or an imported zone")
      ->required();
  show->add_option("--date", io->date, "UTC day (2022-07-01)")->required();
  show->add_option("--days", io->days, "Number of days from --date (default 1)");
  show->add_flag("--hourly", io->hourly, "List every hour with a bar");
  show->add_flag("--json", io->json, "Print JSON");
  show->add_option("--svg", io->svg, "Also write the chart as an SVG file");
  show->callback([io, &ctx] {
    auto data = load_data(ctx);
    auto hourly = load_hourly(ctx);
    if (!data.ok() || !hourly.ok()) {
      ctx.exit_code = report_error(!data.ok() ? data.status() : hourly.status());
      return;
    }
    ctx.exit_code = show_intensity(**data, **hourly, *io);
  });

  auto im = std::make_shared<ImportOptions>();
  CLI::App* imp = data_cmd->add_subcommand(
      "import-intensity", "Import an hourly intensity export into your data directory, for 'plan'");
  imp->add_option("file", im->file,
                  "Electricity Maps CSV, WattTime CSV, UK Carbon Intensity API JSON, Carbon Aware "
                  "SDK emissions JSON, or timestamp,g_per_kwh CSV")
      ->required();
  imp->add_option("--zone", im->zone,
                  "Zone the series belongs to (FR, US-CA, PJM); default: the one the file names");
  imp->add_option("--format", im->format,
                  "auto (default), plain, electricitymaps, watttime, uk-carbon-intensity, carbon-aware-sdk");
  imp->callback([im, &ctx] {
    auto data = load_data(ctx);
    auto hourly = load_hourly(ctx);
    if (!data.ok() || !hourly.ok()) {
      ctx.exit_code = report_error(!data.ok() ? data.status() : hourly.status());
      return;
    }
    ctx.exit_code = import_file(**data, **hourly, ctx, *im);
  });
}

}  // namespace carbonscope::cli
