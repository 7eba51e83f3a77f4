// run.json <-> RunStart, and report.json with its fallback directories.
#include "sinks/run_record.h"

#include <filesystem>

#include <fmt/format.h>

#include "carbonscope/environment.h"
#include "formats/report_json.h"
#include "sinks/run_files.h"

namespace carbonscope {
namespace {

std::string parent_of(const std::string& path) {
  const std::string p = std::filesystem::path(path).parent_path().string();
  return p.empty() ? "." : p;
}

}  // namespace

nlohmann::json run_start_json(const RunStart& s) {
  nlohmann::json cols = nlohmann::json::array();
  for (const SinkColumn& c : s.columns) {
    cols.push_back({{"key", c.key}, {"standby", c.standby}, {"range_low", c.range_low}, {"range_high", c.range_high}});
  }
  return {{"tracker_pid", s.tracker_pid},
          {"ledger", s.ledger},
          {"tracking_mode", s.tracking_mode},
          {"job_accounting", s.job_accounting},
          {"columns", cols},
          {"report", to_json(s.skeleton)}};
}

Result<RunStart> run_start_from_json(const nlohmann::json& j) {
  try {
    RunStart s;
    CS_ASSIGN_OR_RETURN(s.skeleton, report_from_json(j.at("report")));
    for (const nlohmann::json& c : j.at("columns")) {
      s.columns.push_back({c.at("key").get<std::string>(), c.value("standby", false), c.value("range_low", 1.0),
                           c.value("range_high", 1.0)});
    }
    s.tracker_pid = j.value("tracker_pid", 0);
    s.tracking_mode = j.value("tracking_mode", "");
    s.job_accounting = j.value("job_accounting", "");
    s.resumed = true;
    return s;
  } catch (const nlohmann::json::exception& e) {
    return Status::data_error(fmt::format("run.json: {}", e.what()));
  }
}

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

RunRecordSink::RunRecordSink(std::string dir, std::string ledger, FileWriter& files)
    : dir_(std::move(dir)), ledger_(std::move(ledger)), files_(files) {}

Status RunRecordSink::begin(const RunStart& start) {
  if (start.resumed) return {};
  return write_json_atomic(fmt::format("{}/{}", dir_, kRunJson), run_start_json(start), files_);
}

Status RunRecordSink::end(const Report& report) {
  report_path_.clear();
  const nlohmann::json j = to_json(report);
  const std::string json_path = fmt::format("{}/{}", dir_, kReportJson);
  const Status st = write_json_atomic(json_path, j, files_);
  if (st.ok()) {
    report_path_ = json_path;
    return st;
  }
  for (const std::string& dir : fallback_dirs(ledger_, report.run.id)) {
    if (!make_dirs(dir, files_).ok()) continue;
    const std::string path = fmt::format("{}/{}", dir, kReportJson);
    if (write_json_atomic(path, j, files_).ok()) {
      report_path_ = path;
      return Status::io_error(
          fmt::format("{}; the report was written to {} instead, and the next run moves it back "
                      "to {} when that disk has room",
                      st.message(), path, dir_));
    }
  }
  return Status::io_error(fmt::format("{}, and no fallback directory could take it either", st.message()));
}

}  // namespace carbonscope
