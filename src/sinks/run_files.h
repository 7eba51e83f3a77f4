// Where a run's files go: OUTPUT_DIR/emissions.csv (one row per run, CodeCarbon's
// layout) and OUTPUT_DIR/<run id>/{run.json, samples.csv, report.json}. run.json
// without report.json marks a run in progress, or one whose tracker died.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "carbonscope/status.h"
#include "platform/file_writer.h"

namespace carbonscope {

inline constexpr const char* kDefaultOutputDir = "carbonscope-runs";
inline constexpr const char* kEmissionsCsv = "emissions.csv";
inline constexpr const char* kRunJson = "run.json";
inline constexpr const char* kSamplesCsv = "samples.csv";
inline constexpr const char* kReportJson = "report.json";

Status make_dirs(const std::string& path, FileWriter& files = system_file_writer());
// Writes PATH.tmp then renames it over PATH, so readers never see half a file
// (FileWriter::write_atomic).
Status write_file_atomic(const std::string& path, const std::string& text, FileWriter& files = system_file_writer());
Status write_json_atomic(const std::string& path, const nlohmann::json& j, FileWriter& files = system_file_writer());

}  // namespace carbonscope
