// finish_run: the order is report.json, emissions.csv, ledger, marker, so a process
// killed at any point leaves a state recovery completes: no report.json (rebuilt from
// samples.csv), or report.json without the marker (queued: recorded then, once).
#include "tracker/run_finish.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "carbonscope/environment.h"
#include "sinks/codecarbon_csv.h"
#include "sinks/report_json.h"
#include "tracker/ledger_record.h"
#include "tracker/run_files.h"

namespace carbonscope {
namespace {

std::string parent_of(const std::string& path) {
  const std::string p = std::filesystem::path(path).parent_path().string();
  return p.empty() ? "." : p;
}

// True when `path` already has a row for `id` (a recovery after a kill that came after
// the row was written).
bool has_row_for(const std::string& path, const std::string& id) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find(id) != std::string::npos) return true;
  }
  return false;
}

// report.json in the run's directory, else in the first fallback that takes it.
FileWriter& files_of(const RunPaths& p) { return p.files != nullptr ? *p.files : system_file_writer(); }

Status write_report(const Report& report, const RunPaths& p, FinishOutcome& o) {
  FileWriter& files = files_of(p);
  const std::string json_path = fmt::format("{}/{}", p.dir, kReportJson);
  const Status st = write_json_atomic(json_path, to_json(report), files);
  if (st.ok()) {
    o.report_path = json_path;
    return st;
  }
  for (const std::string& dir : fallback_dirs(p.ledger, report.run.id)) {
    if (!make_dirs(dir, files).ok()) continue;
    const std::string path = fmt::format("{}/{}", dir, kReportJson);
    if (write_json_atomic(path, to_json(report), files).ok()) {
      o.report_path = path;
      return Status::io_error(
          fmt::format("{}; the report was written to {} instead, and the next run moves it back "
                      "to {} when that disk has room",
                      st.message(), path, p.dir));
    }
  }
  return Status::io_error(fmt::format("{}, and no fallback directory could take it either", st.message()));
}

}  // namespace

std::vector<std::string> fallback_dirs(const std::string& ledger_path, const std::string& run_id) {
  const Environment env = Environment::current();
  std::vector<std::string> roots;
  if (const char* d = env.find("CARBONSCOPE_FALLBACK_DIR")) roots.emplace_back(d);
  if (!ledger_path.empty()) roots.push_back(parent_of(ledger_path));
  if (const char* t = env.find("TMPDIR")) roots.emplace_back(t);
  roots.emplace_back("/tmp");
  std::vector<std::string> out;
  for (const std::string& r : roots) out.push_back(fmt::format("{}/carbonscope-unsaved/{}", r, run_id));
  return out;
}

FinishOutcome finish_run(Report& report, const RunPaths& p) {
  FinishOutcome o;
  const std::string first_id = report.run.id;
  if (!p.dir.empty()) {
    o.files = write_report(report, p, o);
    const std::string csv =
        p.emissions_csv.empty() ? fmt::format("{}/{}", p.output_dir, kEmissionsCsv) : p.emissions_csv;
    if (p.own_run || !has_row_for(csv, report.run.id)) {
      const Status st = append_codecarbon_csv(csv, report, files_of(p));
      if (!st.ok() && o.files.ok()) o.files = st;
    }
  }
  if (!p.ledger.empty()) {
    o.ledger = record_run_in_ledger(report, p.dir, p.ledger, p.style);
    if (!o.ledger.ok() && !p.dir.empty()) {
      o.queued = true;
      o.ledger = o.ledger.with_context(
          fmt::format("run {} is queued: its record is kept in {}, and the next 'carbonscope run' or "
                      "'carbonscope monitor' "
                      "with --output-dir {} (or Python's track() with that output_dir) adds it to the ledger",
                      first_id, p.dir, p.output_dir));
    }
  }
  if (!p.dir.empty() && o.ledger.ok()) {
    if (report.run.id != first_id)
      (void)write_json_atomic(fmt::format("{}/{}", p.dir, kReportJson), to_json(report), files_of(p));
    if (o.files.ok() &&
        write_file_atomic(fmt::format("{}/{}", p.dir, kRecordedMarker), p.ledger + "\n", files_of(p)).ok()) {
      clear_run_pending(p.output_dir, std::filesystem::path(p.dir).filename().string());
    }
  }
  return o;
}

}  // namespace carbonscope
