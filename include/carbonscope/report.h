// Report: one run or estimate as every sink sees it: what ran, where, when, and its
// Footprint. Produced by the tracker at the end of a run (Snapshot during it) and by
// `estimate`; consumed by the CSV/JSON/ledger/report sinks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "carbonscope/footprint.h"
#include "carbonscope/inference.h"
#include "carbonscope/place.h"

namespace carbonscope {

enum class RunKind { kRun, kMonitor, kEstimate };
std::string_view run_kind_name(RunKind k);

struct RunInfo {
  std::string id;            // unique run id (time-sortable)
  RunKind kind = RunKind::kRun;
  std::string project;
  std::vector<std::string> tags;
  std::vector<std::string> command;  // argv of the tracked command, if any
  std::string host;
  std::string os;
  std::string cpu_model;
  std::string gpu_model;
  int cpu_count = 0;
  int gpu_count = 0;
  double ram_gb = 0;
  std::string region;        // zone or provider:region as resolved, for people
  Place place;               // the same, as identifiers (country, ISO code, cloud region)
  bool machine_scope = false;   // measured the whole machine, not a process tree
  double cpu_utilisation = -1;  // the machine's mean CPU busy fraction over the run; <0: unknown
  double start_unix = 0;     // seconds since the epoch
  double end_unix = 0;
  Duration duration{};
  std::optional<int> exit_code;   // the child's exit status (128+N for signal N)
  bool complete = true;           // false: the tracker was killed before it finished
};

// One domain's power over the run. `mean` and `peak` are the job's share (the same
// basis as its energy; the whole machine in monitor); the machine_* figures are what
// the whole machine's domain drew, when known.
struct PowerSummary {
  std::string component;
  Power mean;
  Power peak;
  std::int64_t samples = 0;
  std::optional<Power> machine_mean = std::nullopt;
  std::optional<Power> machine_peak = std::nullopt;
};

// An input an estimate rests on, reported next to the figure it drives: the devices'
// utilisation ("utilisation") or the model-FLOPs utilisation of a prediction from
// compute ("mfu"), as a fraction with its range, given or a default.
struct Assumption {
  std::string name;
  Range<double> value;
  Provenance provenance;
};

struct Report {
  RunInfo run;
  Footprint footprint;
  std::vector<PowerSummary> power;
  std::vector<std::string> notes;  // fallbacks, attribution method, warnings
  std::vector<Assumption> assumptions;  // estimates only
  std::optional<InferenceSummary> inference;  // requests counted: the per-request fit
};

}  // namespace carbonscope
