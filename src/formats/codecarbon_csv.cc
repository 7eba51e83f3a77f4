// CodeCarbon emissions.csv rows.
#include "formats/codecarbon_csv.h"

#include <array>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "carbonscope/json.h"
#include "carbonscope/ledger.h"
#include "carbonscope/version.h"
#include "core/text.h"
#include "core/utc_time.h"
#include "formats/json_text.h"

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

std::array<CodecarbonField, kCodecarbonColumns> codecarbon_fields(const Report& r) {
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
  const auto text = [](std::string t) { return CodecarbonField{std::move(t), true, {}}; };
  const auto number = [](double v) { return CodecarbonField{num(v), false, v}; };
  const auto plain = [](std::string t) { return CodecarbonField{std::move(t), false, {}}; };
  return {plain(codecarbon_timestamp(r.run.end_unix != 0 ? r.run.end_unix : r.run.start_unix)),
          text(r.run.project), text(r.run.id), text(experiment), number(secs), number(kg),
          number(secs > 0 ? kg / secs : 0), number(watts(cpu)), number(watts(gpu)), number(watts(ram)),
          number(cpu * pue), number(gpu * pue), number(ram * pue), number(f.facility_energy.central.kwh()),
          plain("0"), text(place.country_name), text(place.country_iso3), text(region),
          text(place.cloud_provider), text(place.cloud_region), text(r.run.os), plain(""),
          plain(fmt::format("carbonscope-{}", version())), plain(std::to_string(r.run.cpu_count)),
          text(r.run.cpu_model), plain(std::to_string(r.run.gpu_count)), text(r.run.gpu_model), plain(""),
          plain(""), plain(fmt::format("{:.3f}", r.run.ram_gb)), plain(r.run.machine_scope ? "machine" : "process"),
          plain(util < 0 ? "" : fmt::format("{:.2f}", 100 * util)), plain(""), plain(""), plain(""),
          plain(place.on_cloud() ? "Y" : "N"), number(pue), plain("0")};
}

const char* codecarbon_column(int i) { return kColumns[i]; }

std::string codecarbon_row(const Report& r) {
  const auto fields = codecarbon_fields(r);
  std::string out;
  for (int i = 0; i < kCodecarbonColumns; ++i) {
    if (i > 0) out += ',';
    out += fields[i].quoted ? quote(fields[i].text) : fields[i].text;
  }
  return out;
}

std::string codecarbon_record_json(const Report& report, int indent) {
  const auto fields = codecarbon_fields(report);
  nlohmann::json out = nlohmann::json::object();
  for (int i = 0; i < kCodecarbonColumns; ++i) {
    if (fields[i].number) {
      out[kColumns[i]] = *fields[i].number;
    } else {
      out[kColumns[i]] = fields[i].text;
    }
  }
  return json_text(out, indent);
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
