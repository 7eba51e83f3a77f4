// Finishing the records of runs whose tracker stopped before the end of their record.
// Recovery keys on "is this run's record finished" (the `recorded` marker), not on
// "has report.json": a run killed between report.json and the ledger commit, or whose
// ledger was locked, full or damaged, is queued and recorded here. Each run directory
// is claimed with its lock (tracker/run_claim.cc), so one process recovers it, and only
// once its tracker is gone, in whatever PID namespace it ran. Only the runs of the
// output directory's index of unfinished runs are looked at (run_finish.h).
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "carbonscope/tracker.h"
#include "platform/system_info.h"
#include "formats/report_json.h"
#include "sinks/run_files.h"
#include "sinks/run_record.h"
#include "formats/samples_csv.h"
#include "tracker/report_builder.h"
#include "tracker/run_finish.h"

namespace carbonscope {
namespace {

namespace fs = std::filesystem;

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The report of a run whose tracker died: run.json's skeleton with the energy up to the
// last complete line of samples.csv, marked incomplete, through the tracker's builder.
Result<Report> rebuild_from_samples(const RunStart& start, const Result<SamplesTable>& table) {
  const Report& skeleton = start.skeleton;
  const std::vector<double> last =
      table.ok() && !table->rows.empty() ? table->rows.back() : std::vector<double>{};
  const auto cell = [&](const std::string& name) {
    const int c = table.ok() ? table->column(name) : -1;
    return c >= 0 && !last.empty() ? last[static_cast<std::size_t>(c)] : 0.0;
  };
  RunInfo run = skeleton.run;
  run.duration = Duration(cell("elapsed_s"));
  run.end_unix = last.empty() ? run.start_unix : cell("unix_time");
  run.complete = false;
  ReportBuilder b(std::move(run), skeleton.footprint.pue, skeleton.footprint.intensity, skeleton.notes);
  const std::vector<ComponentEnergy>& comps = skeleton.footprint.components;
  for (std::size_t k = 0; k < start.columns.size() && k < comps.size(); ++k) {
    const SinkColumn& col = start.columns[k];
    const Energy e = Energy::joules(cell(col.key + "_j"));
    if (col.standby && e.joules() <= 0) continue;
    ComponentEnergy c = comps[k];
    c.energy = Range<Energy>::of(e, e * col.range_low, e * col.range_high);
    double peak = 0;
    if (table.ok()) {
      const int w = table->column(col.key + "_w");
      for (const auto& row : table->rows) {
        if (w >= 0) peak = std::max(peak, row[static_cast<std::size_t>(w)]);
      }
    }
    const double secs = cell("elapsed_s");
    b.add(std::move(c), {col.key, secs > 0 ? e / Duration(secs) : Power{}, Power::watts(peak),
                         table.ok() ? static_cast<std::int64_t>(table->rows.size()) : 0});
  }
  b.note(fmt::format(
      "incomplete: the tracker (pid {}) stopped without finishing this run; energy is counted up "
      "to its last flushed "
      "sample (t={:.2f} s) and was finished later by carbonscope (pid {})",
      start.tracker_pid, cell("elapsed_s"), current_pid()));
  return std::move(b).build();
}

// samples.csv's lines as the points they were, for the sinks that keep the series.
void replay_samples(const SamplesTable& table, const RunStart& start, RunOutputs& outputs) {
  const auto col = [&](const std::string& name) { return table.column(name); };
  const int t = col("elapsed_s"), unix_time = col("unix_time"), power = col("power_w"), energy = col("energy_j"),
            grams = col("emissions_g"), util = col("node_utilisation"), machine = col("machine_power_w");
  if (t < 0) return;
  std::vector<int> w, j;
  for (const SinkColumn& c : start.columns) {
    w.push_back(col(c.key + "_w"));
    j.push_back(col(c.key + "_j"));
  }
  std::vector<double> watts(w.size()), joules(j.size());
  for (const std::vector<double>& row : table.rows) {
    const auto at = [&](int c) { return c >= 0 ? row[static_cast<std::size_t>(c)] : 0.0; };
    for (std::size_t k = 0; k < w.size(); ++k) {
      watts[k] = at(w[k]);
      joules[k] = at(j[k]);
    }
    (void)outputs.on_point(
        {at(t), at(unix_time), at(power), at(energy), at(grams), at(util), at(machine), watts, joules});
  }
}

// A report.json that went to a fallback directory because the run's disk was full:
// moved back into the run's directory. True when the run directory has one now.
bool restore_fallback(const std::string& dir, const std::string& ledger, const std::string& id) {
  for (const std::string& f : fallback_dirs(ledger, id)) {
    const std::string saved = fmt::format("{}/{}", f, kReportJson);
    std::error_code ec;
    if (!fs::exists(saved, ec)) continue;
    if (!write_file_atomic(fmt::format("{}/{}", dir, kReportJson), slurp(saved)).ok()) return false;
    fs::remove_all(f, ec);
    return true;
  }
  return false;
}

// kSkipped: its tracker (or another recoverer) holds it; kDone: nothing left to do.
// With the index, the runs of its entries: one readdir of OUTPUT_DIR, names compared
// and nothing else per past run; without it, every directory.
std::vector<std::string> runs_to_look_at(const std::string& output_dir, bool indexed) {
  std::vector<std::string> names;
  DIR* d = ::opendir(output_dir.c_str());
  if (d == nullptr) return names;
  while (const dirent* e = ::readdir(d)) {
    const std::string_view name = e->d_name;
    if (indexed) {
      if (name.starts_with(kPendingPrefix)) names.emplace_back(name.substr(kPendingPrefix.size()));
      continue;
    }
    if (name.starts_with('.')) continue;
    bool dir = e->d_type == DT_DIR;
    if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
      struct stat st {};
      dir = ::stat(fmt::format("{}/{}", output_dir, name).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
    }
    if (dir) names.emplace_back(name);
  }
  ::closedir(d);
  return names;
}

enum class Outcome { kSkipped, kDone, kFinished, kRecorded, kFailed };

// One run directory, claimed: finish what its tracker left undone.
Outcome recover_dir(const std::string& output_dir, const std::string& dir, const std::string& caller_ledger,
                    std::string& problem) {
  std::error_code ec;
  const std::string marker = fmt::format("{}/{}", dir, kRecordedMarker);
  const std::string report_path = fmt::format("{}/{}", dir, kReportJson);
  if (fs::exists(marker, ec)) return Outcome::kDone;
  const std::string run_path = fmt::format("{}/{}", dir, kRunJson);
  if (!fs::exists(run_path, ec)) {  // not a run directory, or a tracker starting (it holds the lock)
    if (!fs::is_directory(dir, ec)) return Outcome::kDone;
    const int fd = try_lock_run(dir);
    if (fd < 0) return Outcome::kSkipped;
    ::close(fd);
    return fs::exists(run_path, ec) ? Outcome::kSkipped : Outcome::kDone;
  }
  const nlohmann::json run = nlohmann::json::parse(slurp(run_path), nullptr, false);
  if (run.is_discarded() || !run.is_object() || !run.contains("report") || !run.contains("columns")) {
    return Outcome::kDone;
  }
  // Run directories of older carbonscopes have no "ledger" field: their report.json
  // means done (they may have been removed from the ledger on purpose since).
  const bool tracked_here = run.contains("ledger") && run["ledger"].is_string();
  if (!tracked_here && fs::exists(report_path, ec)) return Outcome::kDone;
  const int fd = try_lock_run(dir);
  if (fd < 0) return Outcome::kSkipped;  // its tracker is alive, or another process recovers it
  struct Release {
    int fd;
    ~Release() { ::close(fd); }
  } release{fd};
  if (!tracked_here) {  // an older tracker held no lock: its pid says whether it lives
    const int pid = run.value("tracker_pid", 0);
    if (pid != current_pid() && process_alive(pid)) return Outcome::kSkipped;
  }
  if (fs::exists(marker, ec)) return Outcome::kDone;  // finished while we waited for the claim
  const std::string ledger = tracked_here ? run["ledger"].get<std::string>() : caller_ledger;
  const std::string name = fs::path(dir).filename().string();
  try {
    bool finished = false;
    if (!fs::exists(report_path, ec)) restore_fallback(dir, ledger, name);
    Result<Report> report = Status::internal("unset");
    if (fs::exists(report_path, ec)) {
      const nlohmann::json j = nlohmann::json::parse(slurp(report_path), nullptr, false);
      report = j.is_discarded() ? Result<Report>(Status::data_error(report_path + ": not JSON"))
                                : report_from_json(j);
    }
    const std::string samples_path = fmt::format("{}/{}", dir, kSamplesCsv);
    if (!report.ok()) trim_samples_csv(samples_path);  // the space a killed tracker reserved
    const Result<SamplesTable> table = read_samples_csv(samples_path);
    const Result<RunStart> start = run_start_from_json(run);
    // The same sinks as the tracker's (but samples.csv, which is read here), given the
    // run's points again from its samples.csv, then its report.
    RunOutputs outputs({output_dir, dir, ledger, ArgStyle::kFlag, "", false});
    if (start.ok()) {
      (void)outputs.begin(*start);
      if (table.ok()) replay_samples(*table, *start, outputs);
    }
    if (!report.ok()) {  // no report (or a torn one): rebuilt from the samples
      report = start.ok() ? rebuild_from_samples(*start, table) : Result<Report>(start.status());
      finished = true;
    }
    if (!report.ok()) {
      problem = fmt::format("recovering run {}: {}", name, report.status().message());
      return Outcome::kFailed;
    }
    const FinishOutcome o = outputs.finish(*report);
    const Status& st = !o.ledger.ok() ? o.ledger : o.files;
    if (!st.ok()) {
      problem = fmt::format("recovering run {}: {}", name, st.message());
      return Outcome::kFailed;
    }
    return finished ? Outcome::kFinished : Outcome::kRecorded;
  } catch (const std::exception& e) {
    problem = fmt::format("recovering run {}: {}", name, e.what());
    return Outcome::kFailed;
  }
}

}  // namespace

RecoveryResult recover_runs(const std::string& output_dir, const std::string& ledger_path) {
  RecoveryResult out;
  std::error_code ec;
  if (!fs::is_directory(output_dir, ec)) return out;  // nothing recorded yet
  // The runs of the index (run_finish.h), else every run directory, once.
  const std::string index = fmt::format("{}/{}", output_dir, kPendingIndex);
  const bool indexed = fs::exists(index, ec);
  std::vector<std::string> names = runs_to_look_at(output_dir, indexed);
  std::sort(names.begin(), names.end());
  bool all_indexed = true;
  for (const std::string& name : names) {
    std::string problem;
    const Outcome o = recover_dir(output_dir, fmt::format("{}/{}", output_dir, name), ledger_path, problem);
    switch (o) {
      case Outcome::kFinished:
        out.finished.push_back(name);
        break;
      case Outcome::kRecorded:
        out.recorded.push_back(name);
        break;
      case Outcome::kFailed:
        out.problems.push_back(problem);
        break;
      case Outcome::kDone:
        if (indexed) clear_run_pending(output_dir, name);  // finished by a process killed before clearing it
        break;
      case Outcome::kSkipped:
        break;
    }
    // Scanning: what is still unfinished (its tracker alive, failed, queued, or its marker
    // unwritten) joins the index; a stale entry is cleared by the next recovery.
    if (!indexed && o != Outcome::kDone &&
        (o == Outcome::kSkipped || o == Outcome::kFailed ||
         !fs::exists(fmt::format("{}/{}/{}", output_dir, name, kRecordedMarker), ec))) {
      all_indexed = mark_run_pending(output_dir, name) && all_indexed;
    }
  }
  if (!indexed && all_indexed) {
    const int fd = ::open(index.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd >= 0) ::close(fd);
  }
  return out;
}

Result<std::vector<std::string>> recover_incomplete_runs(const std::string& output_dir,
                                                         const std::string& ledger_path) {
  RecoveryResult r = recover_runs(output_dir, ledger_path);
  if (!r.problems.empty()) return Status::io_error(r.problems.front());
  std::vector<std::string> done = std::move(r.finished);
  done.insert(done.end(), r.recorded.begin(), r.recorded.end());
  return done;
}

}  // namespace carbonscope
