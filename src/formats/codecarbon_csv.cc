// CodeCarbon emissions.csv rows.
#include "formats/codecarbon_csv.h"

#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "carbonscope/ledger.h"
#include "carbonscope/version.h"
#include "core/text.h"
#include "core/utc_time.h"

namespace carbonscope {
namespace {

constexpr const char* kColumns[kCodecarbonColumns] = {
    "timestamp", "project_name", "run_id", "experiment_id", "duration", "emissions", "emissions_rate",
    "cpu_power", "gpu_power", "ram_power", "cpu_energy", "gpu_energy", "ram_energy", "energy_consumed",
    "water_consumed", "country_name", "country_iso_code", "region", "cloud_provider", "cloud_region", "os",
    "python_version", "codecarbon_version", "cpu_count", "cpu_model", "gpu_count", "gpu_model", "longitude",
    "latitude", "ram_total_size", "tracking_mode", "cpu_utilization_percent", "gpu_utilization_percent",
    "ram_utilization_percent", "ram_used_gb", "on_cloud", "pue", "wue"};

std::string quote(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string num(double v) { return fmt::format("{}", v); }

// Runs recorded before the Place was stored carry only the label "aws:us-east-1 (...)".
Place place_of(const RunInfo& run) {
  Place p = run.place;
  if (p.zone.empty() && p.cloud_provider.empty()) {
    const auto colon = run.region.find(':');
    const auto space = run.region.find(' ');
    if (colon != std::string::npos && (space == std::string::npos || colon < space)) {
      p.cloud_provider = run.region.substr(0, colon);
      p.cloud_region = run.region.substr(colon + 1, space == std::string::npos ? std::string::npos : space - colon - 1);
    }
  }
  return p;
}

}  // namespace

std::string codecarbon_header() {
  std::string out;
  for (int i = 0; i < kCodecarbonColumns; ++i) {
    if (i > 0) out += ',';
    out += kColumns[i];
  }
  return out;
}

std::string codecarbon_timestamp(double unix_seconds) { return format_utc(unix_seconds, UtcFormat::kOffset); }

std::string codecarbon_row(const Report& r) {
  const Footprint& f = r.footprint;
  const double pue = f.pue.value.central;
  double cpu = 0, gpu = 0, ram = 0;  // IT energy, kWh
  for (const ComponentEnergy& c : f.components) {
    const double kwh = c.energy.central.kwh();
    if (c.component == "gpu") {
      gpu += kwh;
    } else if (c.component == "ram") {
      ram += kwh;
    } else {
      cpu += kwh;  // cpu, psys (a platform counter that includes the CPU) and others
    }
  }
  const double secs = r.run.duration.count();
  const auto watts = [&](double kwh) { return secs > 0 ? kwh * kJoulesPerKwh / secs : 0.0; };
  const double kg = f.emissions.central.kg();
  const Place place = place_of(r.run);
  // CodeCarbon: a private machine's region is lower-case ("quebec"); a cloud region's is
  // the state or city of its data centre as published ("Iowa").
  const std::string region = place.on_cloud() ? place.subregion : ascii_lower(place.subregion);
  std::string experiment;
  for (const std::string& tag : r.run.tags) experiment += (experiment.empty() ? "" : ";") + tag;
  const double util = r.run.cpu_utilisation;
  const std::string fields[kCodecarbonColumns] = {
      codecarbon_timestamp(r.run.end_unix != 0 ? r.run.end_unix : r.run.start_unix),
      quote(r.run.project), quote(r.run.id), quote(experiment), num(secs), num(kg), num(secs > 0 ? kg / secs : 0),
      num(watts(cpu)), num(watts(gpu)), num(watts(ram)), num(cpu * pue), num(gpu * pue), num(ram * pue),
      num(f.facility_energy.central.kwh()), "0", quote(place.country_name), quote(place.country_iso3),
      quote(region), quote(place.cloud_provider), quote(place.cloud_region), quote(r.run.os), "",
      fmt::format("carbonscope-{}", version()), std::to_string(r.run.cpu_count), quote(r.run.cpu_model),
      std::to_string(r.run.gpu_count), quote(r.run.gpu_model), "", "", fmt::format("{:.3f}", r.run.ram_gb),
      r.run.machine_scope ? "machine" : "process", util < 0 ? "" : fmt::format("{:.2f}", 100 * util), "", "", "",
      place.on_cloud() ? "Y" : "N", num(pue), "0"};
  std::string out;
  for (int i = 0; i < kCodecarbonColumns; ++i) {
    if (i > 0) out += ',';
    out += fields[i];
  }
  return out;
}

Status append_codecarbon_csv(const std::string& path, const Report& report, FileWriter& files) {
  {
    std::ifstream in(path);
    std::string first;
    if (in && std::getline(in, first) && !first.empty() && first != codecarbon_header() &&
        std::rename(path.c_str(), (path + ".bak").c_str()) != 0) {
      return Status::io_error(fmt::format("cannot move {} (another header) to {}.bak", path, path));
    }
  }
  // The header when the file is empty (decided under the file's lock: another process
  // may be appending its row at the same moment) and the row, in one append.
  return files.append_with_header(path, codecarbon_header() + "\n", codecarbon_row(report) + "\n");
}

std::string codecarbon_csv(const std::vector<Report>& reports) {
  std::string out = codecarbon_header() + "\n";
  for (const Report& r : reports) out += codecarbon_row(r) + "\n";
  return out;
}

}  // namespace carbonscope
