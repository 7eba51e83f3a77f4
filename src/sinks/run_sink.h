// RunSink: one output of a run (samples.csv, run.json and report.json, the emissions.csv
// row, the ledger, an inference run's requests.csv; Prometheus would be one more). A run
// has three moments and a sink hears each through one hook: begin (the run's identity
// and columns), each point of its power series (power_series.h's points, on the sampling
// thread), and end (the final Report, immutable from then on). SinkList fans them out in
// the order the sinks were registered; tracker/run_finish.cc registers the sinks a run's
// settings ask for, for the tracker and for recovery alike (docs/design.md, "Where to add").
// Model: spdlog's sink and dist_sink (one small virtual interface, a fan-out).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "carbonscope/report.h"
#include "carbonscope/status.h"

namespace carbonscope {

// A column of the run's series: one reported energy domain (report_builder.h).
struct SinkColumn {
  std::string key;  // "package-0", "gpu-0": unique, CSV-safe
  bool standby = false;
  double range_low = 1, range_high = 1;
};

// What the sinks learn when a run begins: its skeleton report (identity, zero-energy
// components, notes) and how it is measured. run.json is this, written down; recovery
// reads it back (resumed = true: the run's files exist and nothing is created).
struct RunStart {
  Report skeleton;
  std::vector<SinkColumn> columns;
  int tracker_pid = 0;
  std::string ledger;           // absolute path, "" = none
  std::string tracking_mode;    // "process" or "machine"
  std::string job_accounting;   // how the job's share is measured (Sampler::job_method)
  bool resumed = false;
};

// One point of the run's series: the job's power over the window that ends here and its
// cumulative energy, per column and in total, with the machine's total power beside
// them. The vectors are the tracker's scratch: valid for the call only.
struct SeriesPoint {
  double elapsed_s = 0;
  double unix_time = 0;
  double power_w = 0;    // the job's total
  double energy_j = 0;   // the job's cumulative energy
  double emissions_g = 0;
  double node_utilisation = 0;
  double machine_power_w = 0;
  const std::vector<double>& watts;   // per column, the job's
  const std::vector<double>& joules;  // per column, cumulative
};

class RunSink {
 public:
  // What a failure means for the run: its files are incomplete or elsewhere, or it is
  // not in the ledger (and waits in its directory for the next recovery), or an extra
  // file is missing, which the sink says in the report's notes at prepare (the run's
  // record and ledger entry are complete without it).
  enum class Role { kFiles, kLedger, kNoted };

  virtual ~RunSink() = default;
  virtual Role role() const { return Role::kFiles; }
  // The run begins (or, start.resumed, is picked up again by recovery).
  virtual Status begin(const RunStart&) { return {}; }
  // Only sinks that return true here are given points (the others cost nothing per sample).
  virtual bool wants_points() const { return false; }
  // Called on the sampling thread with the tracker's lock held: no blocking work.
  virtual Status on_point(const SeriesPoint&) { return {}; }
  // Before any sink ends: the one moment a sink may change the report (the ledger gives
  // a run a fresh id when another run holds its id), so that every sink sees the same.
  virtual Status prepare(Report&) { return {}; }
  virtual Status end(const Report& report) = 0;
};

// The fan-out, in registration order. Past begin, a sink's failure never keeps the next
// from running.
class SinkList {
 public:
  RunSink& add(std::unique_ptr<RunSink> sink);
  bool empty() const { return sinks_.empty(); }
  bool wants_points() const { return !pointed_.empty(); }

  // Stops at the first failure: a run whose outputs cannot begin does not start.
  Status begin(const RunStart& start);
  // Every sink that wants points; the first failure.
  Status on_point(const SeriesPoint& p);

  struct Ended {
    Status files;   // the first failure of a kFiles sink
    Status ledger;  // the first failure of a kLedger sink
    Status noted;   // the first failure of a kNoted sink (in the report's notes)
  };
  // prepare() on every sink, then end() on those that prepared, the kFiles sinks before
  // the kLedger ones; the report is fixed between the two.
  Ended end(Report& report);
  // end() in two halves, for a ledger written on another thread: prepare() on every sink
  // and end() on the kFiles sinks (`ledger` holds the ledger sinks' prepare failures),
  // then end() on the kLedger sinks that prepared, with the same report.
  Ended end_files(Report& report);
  Status end_ledger(const Report& report);
  // After end_files: a kLedger sink prepared and waits for end_ledger.
  bool ledger_left() const;

 private:
  std::vector<std::unique_ptr<RunSink>> sinks_;
  std::vector<RunSink*> pointed_;  // the sinks that want points
  std::vector<Status> prepared_;   // per sink, from end_files
};

}  // namespace carbonscope
