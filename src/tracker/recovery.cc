// Finishing the records of runs whose tracker died: run.json without report.json.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "carbonscope/tracker.h"
#include "platform/system_info.h"
#include "sinks/codecarbon_csv.h"
#include "sinks/report_json.h"
#include "tracker/ledger_record.h"
#include "sinks/samples_csv.h"
#include "tracker/run_files.h"

namespace carbonscope {
namespace {

Status recover_one(const std::string& output_dir, const std::string& dir, const nlohmann::json& run,
                   const std::string& ledger_path) {
  CS_ASSIGN_OR_RETURN(Report report, report_from_json(run.at("report")));
  trim_samples_csv(fmt::format("{}/{}", dir, kSamplesCsv));  // the space a killed tracker reserved
  auto table = read_samples_csv(fmt::format("{}/{}", dir, kSamplesCsv));
  const std::vector<double> last = table.ok() && !table->rows.empty() ? table->rows.back() : std::vector<double>{};
  const auto cell = [&](const std::string& name) {
    const int c = table.ok() ? table->column(name) : -1;
    return c >= 0 && !last.empty() ? last[static_cast<std::size_t>(c)] : 0.0;
  };
  std::vector<ComponentEnergy> comps;
  const nlohmann::json& cols = run.at("columns");
  const std::vector<ComponentEnergy>& skeleton = report.footprint.components;
  for (std::size_t k = 0; k < cols.size() && k < skeleton.size(); ++k) {
    const std::string key = cols[k].at("key").get<std::string>();
    const Energy e = Energy::joules(cell(key + "_j"));
    if (cols[k].value("standby", false) && e.joules() <= 0) continue;
    ComponentEnergy c = skeleton[k];
    c.energy = Range<Energy>::of(e, e * cols[k].value("range_low", 1.0), e * cols[k].value("range_high", 1.0));
    comps.push_back(std::move(c));
    double peak = 0;
    if (table.ok()) {
      const int col = table->column(key + "_w");
      for (const auto& row : table->rows) {
        if (col >= 0) peak = std::max(peak, row[static_cast<std::size_t>(col)]);
      }
    }
    const double secs = cell("elapsed_s");
    report.power.push_back({key, secs > 0 ? e / Duration(secs) : Power{}, Power::watts(peak),
                            table.ok() ? static_cast<std::int64_t>(table->rows.size()) : 0});
  }
  report.footprint = compute_footprint(std::move(comps), report.footprint.pue, report.footprint.intensity);
  report.run.duration = Duration(cell("elapsed_s"));
  report.run.end_unix = last.empty() ? report.run.start_unix : cell("unix_time");
  report.run.complete = false;
  report.notes.push_back(fmt::format(
      "incomplete: the tracker (pid {}) stopped without finishing this run; energy is counted up to its last flushed "
      "sample (t={:.2f} s) and was finished later by carbonscope (pid {})",
      run.value("tracker_pid", 0), cell("elapsed_s"), current_pid()));
  CS_RETURN_IF_ERROR(write_json_atomic(fmt::format("{}/{}", dir, kReportJson), to_json(report)));
  CS_RETURN_IF_ERROR(append_codecarbon_csv(fmt::format("{}/{}", output_dir, kEmissionsCsv), report));
  if (ledger_path.empty()) return {};
  return record_run_in_ledger(report, dir, ledger_path);
}

}  // namespace

Result<std::vector<std::string>> recover_incomplete_runs(const std::string& output_dir, const std::string& ledger_path) {
  namespace fs = std::filesystem;
  std::vector<std::string> done;
  std::error_code ec;
  if (!fs::is_directory(output_dir, ec)) return done;  // nothing recorded yet
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(output_dir, ec)) {
    if (entry.is_directory(ec)) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    const std::string dir = fmt::format("{}/{}", output_dir, name);
    if (!fs::exists(fmt::format("{}/{}", dir, kRunJson), ec) || fs::exists(fmt::format("{}/{}", dir, kReportJson), ec)) {
      continue;
    }
    std::ifstream in(fmt::format("{}/{}", dir, kRunJson));
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json run = nlohmann::json::parse(text.str(), nullptr, false);
    if (run.is_discarded() || !run.contains("report") || !run.contains("columns")) continue;
    const int pid = run.value("tracker_pid", 0);
    if (pid != current_pid() && process_alive(pid)) continue;  // still running
    try {
      Status st = recover_one(output_dir, dir, run, ledger_path);
      if (!st.ok()) return st.with_context(fmt::format("recovering run {}", name));
    } catch (const std::exception& e) {
      return Status::data_error(fmt::format("recovering run {}: {}", name, e.what()));
    }
    done.push_back(name);
  }
  return done;
}

}  // namespace carbonscope
