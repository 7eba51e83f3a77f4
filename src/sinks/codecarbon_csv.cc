// CodeCarbon-compatible CSV rows from Reports.
#include "sinks/codecarbon_csv.h"

#include <cmath>
#include <ctime>

#include <fmt/format.h>

namespace carbonscope {
namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string num(double v) { return fmt::format("{}", v); }

std::string timestamp(double unix_seconds) {
  if (unix_seconds == 0) return "";
  const auto t = static_cast<std::time_t>(std::floor(unix_seconds));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  return buf;
}

}  // namespace

const std::vector<std::string>& codecarbon_columns() {
  static const std::vector<std::string> kColumns = {
      "timestamp", "project_name", "run_id", "experiment_id", "duration", "emissions", "emissions_rate",
      "cpu_power", "gpu_power", "ram_power", "cpu_energy", "gpu_energy", "ram_energy", "energy_consumed",
      "water_consumed", "country_name", "country_iso_code", "region", "cloud_provider", "cloud_region", "os",
      "python_version", "codecarbon_version", "cpu_count", "cpu_model", "gpu_count", "gpu_model", "longitude",
      "latitude", "ram_total_size", "tracking_mode", "cpu_utilization_percent", "gpu_utilization_percent",
      "ram_utilization_percent", "ram_used_gb", "on_cloud", "pue", "wue"};
  return kColumns;
}

std::string codecarbon_csv(const std::vector<Report>& reports) {
  std::string out = fmt::format("{}\n", fmt::join(codecarbon_columns(), ","));
  for (const Report& r : reports) {
    const RunInfo& run = r.run;
    const Footprint& f = r.footprint;
    const double pue = f.pue.value.central;
    auto energy = [&](const char* component) {
      double kwh = 0;
      for (const auto& c : f.components) {
        if (c.component == component) kwh += c.energy.central.kwh();
      }
      return num(kwh * pue);
    };
    auto power = [&](const char* component) {
      for (const auto& p : r.power) {
        if (p.component == component) return num(p.mean.watts());
      }
      return std::string("0");
    };
    const double seconds = run.duration.count();
    const double kg = f.emissions.central.kg();
    const auto colon = run.region.find(':');
    const bool cloud = colon != std::string::npos;
    const std::vector<std::string> row = {
        timestamp(run.end_unix != 0 ? run.end_unix : run.start_unix), run.project, run.id, "", num(seconds),
        num(kg), num(seconds > 0 ? kg / seconds : 0), power("cpu"), power("gpu"), power("ram"), energy("cpu"),
        energy("gpu"), energy("ram"), num(f.facility_energy.central.kwh()), "", "", cloud ? "" : run.region, "",
        cloud ? run.region.substr(0, colon) : "", cloud ? run.region.substr(colon + 1) : "", run.os, "", "",
        num(run.cpu_count), run.cpu_model, num(run.gpu_count), run.gpu_model, "", "", num(run.ram_gb),
        run.kind == RunKind::kMonitor ? "machine" : "process", "", "", "", "", cloud ? "Y" : "N", num(pue), ""};
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) line += (i ? "," : "") + csv_field(row[i]);
    out += line + "\n";
  }
  return out;
}

}  // namespace carbonscope
