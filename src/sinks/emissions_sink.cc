// EmissionsCsvSink: a Report -> one emissions.csv row, unless the file has it.
#include "sinks/emissions_sink.h"

#include <fstream>

#include "formats/codecarbon_csv.h"

namespace carbonscope {
namespace {

// True when `path` already has a row for `id`.
bool has_row_for(const std::string& path, const std::string& id) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find(id) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

Status EmissionsCsvSink::prepare(Report& report) {
  first_id_ = report.run.id;
  return {};
}

Status EmissionsCsvSink::end(const Report& report) {
  if (!own_run_ && ((!first_id_.empty() && has_row_for(path_, first_id_)) || has_row_for(path_, report.run.id))) return {};
  return append_codecarbon_csv(path_, report, files_);
}

}  // namespace carbonscope
