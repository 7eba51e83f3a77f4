// One run as a row of CodeCarbon's emissions.csv (v3, 38 columns, same order and
// units: kWh with PUE applied, kg CO2e, W, GB; location columns filled as CodeCarbon
// fills them), so existing CodeCarbon tooling reads carbonscope runs. A row is a pure
// function of the Report: the live file and `runs export` write the same row.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "carbonscope/report.h"
#include "carbonscope/status.h"
#include "platform/file_writer.h"

namespace carbonscope {

inline constexpr int kCodecarbonColumns = 38;

std::string codecarbon_header();
// One column of a row: its text, whether the CSV quotes it when it needs quoting (the
// free-text columns), and the number behind a numeric column.
struct CodecarbonField {
  std::string text;
  bool quoted = false;
  std::optional<double> number;
};
std::array<CodecarbonField, kCodecarbonColumns> codecarbon_fields(const Report& report);
const char* codecarbon_column(int i);  // 0 <= i < kCodecarbonColumns
std::string codecarbon_row(const Report& report);
// Appends a row to `path`, writing the header first when the file is new or empty. A
// file with another header is renamed to PATH.bak first (as CodeCarbon does).
Status append_codecarbon_csv(const std::string& path, const Report& report,
                             FileWriter& files = system_file_writer());
// "2026-12-02T01:31:10+00:00": ISO 8601 in UTC with an explicit offset.
std::string codecarbon_timestamp(double unix_seconds);

}  // namespace carbonscope
