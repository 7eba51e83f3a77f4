// samples.csv -> PowerSample rows (one per column per kept window, plus the job's
// total) -> Ledger.
#include "tracker/ledger_record.h"

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "carbonscope/environment.h"
#include "carbonscope/ledger.h"
#include "platform/system_info.h"
#include "sinks/json_text.h"
#include "sinks/ledger_import.h"
#include "sinks/samples_csv.h"
#include "tracker/run_files.h"

namespace carbonscope {
namespace {

// The series the ledger keeps: the job's power (samples.csv's power_w and <key>_w
// columns, all on the job's basis; machine_power_w is left out), without the baseline
// row (it has no interval), thinned to at most kMaxLedgerSamples windows. A kept
// window's power is the time-weighted mean of the rows it covers, so thinning keeps
// the energy under the curve.
std::vector<PowerSample> ledger_series(const SamplesTable& table) {
  std::vector<PowerSample> out;
  const int t = table.column("elapsed_s");
  if (t < 0 || table.rows.size() < 2) return out;
  std::vector<std::pair<std::string, int>> series;  // name, column
  if (const int total = table.column("power_w"); total >= 0) series.emplace_back("job total", total);
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const std::string& name = table.columns[c];
    if (name.size() <= 2 || !name.ends_with("_w") || name == "power_w" || name == "machine_power_w") continue;
    const std::string key = name.substr(0, name.size() - 2);
    if (table.column(key + "_j") < 0) continue;  // a component has both columns
    series.emplace_back(key, static_cast<int>(c));
  }
  const auto at = [&](std::size_t row, int col) { return table.rows[row][static_cast<std::size_t>(col)]; };
  const std::size_t n = table.rows.size() - 1;  // intervals after the baseline
  const std::size_t step = (n + kMaxLedgerSamples - 1) / kMaxLedgerSamples;
  std::vector<double> weighted(series.size(), 0.0);
  std::size_t from = 0;
  for (std::size_t r = 1; r <= n; ++r) {
    const double dt = at(r, t) - at(r - 1, t);
    for (std::size_t k = 0; k < series.size(); ++k) weighted[k] += at(r, series[k].second) * dt;
    if (r % step != 0 && r != n) continue;
    const double window = at(r, t) - at(from, t);
    if (window > 0) {
      for (std::size_t k = 0; k < series.size(); ++k) {
        out.push_back({at(r, t), series[k].first, Power::watts(weighted[k] / window), {}});
      }
    }
    std::fill(weighted.begin(), weighted.end(), 0.0);
    from = r;
  }
  return out;
}

// One run (with its series) as a carbonscope.runs/1 document, written atomically: a
// reader (runs import) never sees half a file, and no lock is needed.
Status write_record_file(const LedgerTarget& target, const Report& report, std::vector<PowerSample> samples) {
  CS_RETURN_IF_ERROR(make_dirs(target.records_dir));
  std::string host = host_name();
  for (char& c : host) {
    if (c == '/' || c == '\\' || c == '\0') c = '_';
  }
  const std::string path = fmt::format("{}/{}.{}.json", target.records_dir, report.run.id, host);
  RunRecord record;
  record.report = report;
  record.samples = std::move(samples);
  return write_file_atomic(path, json_text(runs_export_json({record})));
}

// The same run (recorded before, by its tracker or another recoverer): same start and host.
bool same_run(const Report& a, const Report& b) {
  return std::fabs(a.run.start_unix - b.run.start_unix) < 1e-3 && a.run.host == b.run.host &&
         a.run.kind == b.run.kind;
}

Status record_once(Report& report, const std::vector<PowerSample>& samples, const std::string& ledger_path,
                   ArgStyle style) {
  Ledger::Options options;
  options.style = style;
  CS_ASSIGN_OR_RETURN(Ledger ledger, Ledger::open(ledger_path, options));
  for (int attempt = 0; attempt < 4; ++attempt) {
    auto existing = ledger.get(report.run.id);
    if (!existing.ok() || existing->run.id != report.run.id) break;  // the id is free
    if (same_run(*existing, report)) return Status::ok_status();     // recorded already: nothing to do
    // Another run holds this id (an id from an older carbonscope, or an import): the
    // ledger's uniqueness must never be what loses a run, so this one gets a fresh id.
    const std::string old = report.run.id;
    report.run.id = new_run_id(report.run.start_unix);
    report.notes.push_back(
        fmt::format("recorded as {}: the id {} (its directory's name) was already taken in the "
                    "ledger by another run",
                    report.run.id, old));
  }
  return ledger.append_runs({RunRecord{report, samples}});
}

}  // namespace

std::string ledger_records_dir(const std::string& ledger_path) { return ledger_path + ".records"; }

LedgerTarget ledger_target(const std::string& ledger_path, const char* fs_override, const StatfsFn& statfs) {
  LedgerTarget t;
  const std::string forced = fs_override != nullptr ? fs_override : "";
  if (forced == "network") {
    t.filesystem = "forced";
  } else if (forced != "local") {
    t.filesystem = network_filesystem_of(ledger_path, statfs);
  }
  t.record_files = !t.filesystem.empty();
  if (t.record_files) t.records_dir = ledger_records_dir(ledger_path);
  return t;
}

Status record_run_in_ledger(Report& report, const std::string& run_dir, const std::string& ledger_path,
                            ArgStyle style) {
  std::vector<PowerSample> samples;
  if (!run_dir.empty()) {
    auto table = read_samples_csv(fmt::format("{}/{}", run_dir, kSamplesCsv));
    if (table.ok()) samples = ledger_series(*table);
  }
  const LedgerTarget target = ledger_target(ledger_path, Environment::current().find("CARBONSCOPE_LEDGER_FS"));
  if (target.record_files) {
    return write_record_file(target, report, std::move(samples))
        .with_context(
            fmt::format("writing the record of run {} to {} (the ledger {} is on {}, where SQLite is "
                        "unsafe)",
                        report.run.id, target.records_dir, ledger_path, target.filesystem));
  }
  const Status s = record_once(report, samples, ledger_path, style);
  return s.with_context(fmt::format("recording run {} in the ledger {}", report.run.id, ledger_path));
}

}  // namespace carbonscope
