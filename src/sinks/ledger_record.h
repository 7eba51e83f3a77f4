// The ledger sink: records a finished (or recovered) run in the SQLite ledger with its
// power series, which it keeps from the run's points in memory (thinned on the way to at
// most kMaxLedgerSamples windows), so the ledger stays small however long or finely
// sampled the run was, and nothing is read back from samples.csv.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "carbonscope/ledger.h"
#include "carbonscope/parse.h"
#include "carbonscope/report.h"
#include "carbonscope/status.h"
#include "platform/file_writer.h"
#include "platform/network_fs.h"
#include "sinks/run_sink.h"

namespace carbonscope {

inline constexpr std::size_t kMaxLedgerSamples = 1000;

// Where the ledger is written. On a network filesystem (platform/network_fs.h) SQLite's
// WAL is unsafe, so each run goes to its own record file in LEDGER.records/ instead,
// one atomic file per run and node, which `carbonscope runs import LEDGER.records`
// merges into the ledger from a machine where it is local (or one at a time).
struct LedgerTarget {
  bool record_files = false;
  std::string filesystem;   // "nfs", "lustre", ..., or "forced" by CARBONSCOPE_LEDGER_FS
  std::string records_dir;  // LEDGER.records when record_files
};
// `fs_override` is $CARBONSCOPE_LEDGER_FS: "network", "local" or nullptr/"" (ask statfs).
LedgerTarget ledger_target(const std::string& ledger_path, const char* fs_override,
                           const StatfsFn& statfs = system_statfs);
std::string ledger_records_dir(const std::string& ledger_path);

// The series the ledger keeps: the job's power (the total and each column; the
// machine's is left out), without the baseline point (it has no window). Windows of
// `step` points are averaged, time-weighted, so thinning keeps the energy under the
// curve; when more than kMaxLedgerSamples windows are kept, neighbours are merged in
// pairs and `step` doubles. Memory is bounded and reserved once; up to
// kMaxLedgerSamples points every point is its own window.
class LedgerSeries {
 public:
  explicit LedgerSeries(std::vector<std::string> keys = {});
  void add(double t_s, double total_w, std::span<const double> watts);
  std::vector<PowerSample> samples() const;  // "job total", then each key, per window

 private:
  void close_window(double t_s);
  void merge_pairs();
  std::vector<std::string> names_;  // "job total", then the keys
  bool started_ = false;
  double last_t_ = 0, from_t_ = 0;
  std::size_t step_ = 1, in_window_ = 0;
  std::vector<double> weighted_;  // per series: power x seconds in the open window
  std::vector<double> ends_, spans_, means_;  // per kept window (means_: names_.size() each)
};

// A failure is returned, never thrown: the run's own files are already written. `style`
// says how remedies name the ledger option. A run already in the ledger (same id, start
// and host) is not added again (OK); when another run holds its id, prepare() gives the
// report a fresh id (and a note saying so), before any sink writes it. A ledger that
// does not exist at prepare() holds no id: prepare() only checks that its directory
// takes it, and end() creates it.
class LedgerSink : public RunSink {
 public:
  LedgerSink(std::string ledger_path, ArgStyle style, FileWriter& files);
  Role role() const override { return Role::kLedger; }
  Status begin(const RunStart& start) override;
  bool wants_points() const override { return true; }
  Status on_point(const SeriesPoint& p) override;
  Status prepare(Report& report) override;
  Status end(const Report& report) override;

 private:
  std::string path_;
  ArgStyle style_;
  FileWriter& files_;
  LedgerSeries series_;
  LedgerTarget target_;
  Status open_ledger(const Report& report);
  std::optional<Ledger> ledger_;
  bool recorded_already_ = false;
  bool create_in_end_ = false;  // no ledger at prepare(): end() creates it
};

}  // namespace carbonscope
