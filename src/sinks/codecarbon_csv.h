// One run as a row of CodeCarbon's emissions.csv (v3, 38 columns, same order and
// units: kWh with PUE applied, kg CO2e, W, GB), so existing CodeCarbon tooling reads
// carbonscope runs. The header is written once; rows are appended.
#pragma once

#include <string>
#include <vector>

#include "carbonscope/report.h"
#include "carbonscope/status.h"

namespace carbonscope {

inline constexpr int kCodecarbonColumns = 38;

// Facts CodeCarbon records that a Report does not carry.
struct CodecarbonExtras {
  std::string tracking_mode = "machine";  // "machine" or "process"
  double cpu_utilization_percent = -1;   // -1: left empty
  double ram_utilization_percent = -1;
  double ram_used_gb = -1;
  std::string country_name;
  std::string country_iso_code;
  std::string cloud_provider;
  std::string cloud_region;
};

std::string codecarbon_header();
std::string codecarbon_row(const Report& report, const CodecarbonExtras& extras);
// Appends a row to `path`, writing the header first when the file is new or empty. A
// file with another header is renamed to PATH.bak first (as CodeCarbon does).
Status append_codecarbon_csv(const std::string& path, const Report& report, const CodecarbonExtras& extras);
// Header plus one row per report (export of ledger runs; extras from the reports).
std::string codecarbon_csv(const std::vector<Report>& reports);

}  // namespace carbonscope
