// Tracker: live measurement of a job or the whole machine. start() probes the sensors
// and samples on a thread; snapshot() and named phases read it while it runs; stop()
// returns the Report and writes the run's files. The CLI (run, monitor) and the Python
// bindings use this API.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "carbonscope/footprint.h"
#include "carbonscope/inference.h"
#include "carbonscope/parse.h"
#include "carbonscope/report.h"
#include "carbonscope/sensor.h"
#include "carbonscope/status.h"

namespace carbonscope {

class Clock;

// One counted domain at one moment (a samples.csv column): the job's share.
struct ComponentSnapshot {
  std::string key;        // the column key: "package-0", "gpu-0", "cpu-model"
  std::string component;  // "cpu", "ram", "gpu", "psys"
  std::string source;     // the sensor: "rapl-powercap", "nvml", "cpu-model"
  Method method = Method::kMeasured;
  Power power;    // over the last interval
  Energy energy;  // so far
};

// What the tracker knows at one moment.
struct Snapshot {
  Duration elapsed{};
  Power power;          // over the last interval (the job's share in job mode)
  Energy energy;        // IT energy so far (before PUE)
  Range<Energy> energy_range;  // the same with each component's model or sensor range
  Emissions emissions;  // energy x PUE x intensity, central
  bool estimated = false;  // some counted figure is a model, not a counter
  std::int64_t samples = 0;
  std::vector<ComponentSnapshot> components;  // their energies sum to `energy`
};

struct PhaseResult {
  std::string name;
  Duration duration{};
  Energy energy;
  Emissions emissions;
};

struct TrackerConfig {
  RunKind kind = RunKind::kRun;
  std::string project;
  std::vector<std::string> tags;   // recorded with the run (report.json, the ledger's run tags)
  std::vector<std::string> command;
  Duration interval{1.0};          // 10 ms at least
  std::optional<int> pid;          // charge this process tree; nullopt: the whole machine
  std::string job_cgroup;          // the job's own cgroup v2 directory (under proc_root): read
                                   // its cpu.stat instead of walking the tree; "" walks /proc
  std::string output_dir;          // "" writes no files
  std::string emissions_csv;       // the CodeCarbon-style CSV; "" = output_dir/emissions.csv
  std::string ledger_path;         // "" records nothing in the SQLite ledger
  ArgStyle arg_style = ArgStyle::kFlag;  // how ledger remedies name its option (--ledger, ledger=)
  std::string sysfs_root = "/";    // root of /sys and /dev reads (fixtures)
  std::string proc_root = "/";     // root of /proc reads
  std::string nvml_library;        // "" = libnvidia-ml.so.1
  std::string rocm_smi_library;    // "" = librocm_smi64.so.1
  std::string fake_sensors;        // "cpu=45W,gpu=250W": only fake sensors (demos)
  Power cpu_tdp{};                 // zero: a per-thread fallback, stated in the output
  std::string tdp_source;
  IntensityFigure intensity;
  PueFigure pue;
  std::string region;
  Place place;
  std::vector<std::string> notes;  // added to the report (e.g. "intensity is a default")
  Clock* clock = nullptr;          // nullptr: the system clock
  // Sensors to use instead of probing (tests, embedding); used as given.
  std::vector<std::shared_ptr<Sensor>> sensors;
  // Report the inference fit even if no request is counted (a request source is set).
  bool count_requests = false;
  // Called on the sampler thread after each sample (live status lines).
  std::function<void(const Snapshot&)> on_sample;
  // stop() returns once report.json and the emissions.csv row are written and records
  // the run in the ledger on a thread of its own (the SQLite commit and its syncs),
  // joined by wait_ledger(), ledger_status() or the destructor. Only with an output dir:
  // until the ledger has it the run is queued in its directory (no "recorded" marker)
  // and its lock is held, so a process that dies first leaves it to recovery, which
  // records it once. Without an output dir the ledger is written before stop() returns.
  bool background_ledger = false;
};

// One run's tracker, an interface: create() makes the library's implementation.
class Tracker {
 public:
  static Result<std::unique_ptr<Tracker>> create(TrackerConfig config);
  virtual ~Tracker();
  Tracker(const Tracker&) = delete;
  Tracker& operator=(const Tracker&) = delete;

  // Takes the first sample, writes the in-progress record and starts sampling.
  virtual Status start() = 0;
  // Takes the last sample, writes report.json and the emissions.csv row, and records
  // the run in the ledger when the config names one. The run is over once stop() has
  // been called, whatever it returns. A ledger failure does not fail stop(): the run's
  // files are written and its Report returned; ledger_status() says why it is not in
  // the ledger (front ends show it as a warning).
  virtual Result<Report> stop(std::optional<int> exit_code = std::nullopt) = 0;
  // Why stop() could not record the run in the ledger; OK when it did, or had no ledger.
  // The run is then queued in its directory (ledger_queued()) for the next recovery.
  // Both wait for a ledger write still in flight (TrackerConfig::background_ledger).
  virtual const Status& ledger_status() const = 0;
  virtual bool ledger_queued() const = 0;
  // The ledger write that stop() left to its thread has not been waited for yet.
  virtual bool ledger_pending() const = 0;
  // ... and it has finished: wait_ledger() returns at once.
  virtual bool ledger_written() const = 0;
  // Waits for it (nothing to wait for: returns at once).
  virtual void wait_ledger() const = 0;
  // Why the run's files are incomplete or elsewhere (a full disk: samples.csv stopped,
  // report.json in a fallback directory that the message names); OK when all are written.
  virtual const Status& files_status() const = 0;
  // Takes one sample now (no thread needed: tests drive a fake clock with this).
  virtual void sample_now() = 0;
  // The job's root process has exited: stop charging its process tree.
  virtual void detach_job() = 0;

  // Work served by an inference service, from any thread: counted per sampling interval
  // and fitted at stop() (Report::inference; requests.csv in the run's directory).
  virtual void add_requests(double requests, double input_tokens = 0, double output_tokens = 0) = 0;
  // The service is ready (its metrics first answered): intervals before this one are its
  // start-up, kept in the run's energy but left out of the fit.
  virtual void begin_request_fit() = 0;

  virtual Status begin_phase(std::string name) = 0;
  virtual Result<PhaseResult> end_phase() = 0;
  virtual std::vector<PhaseResult> phases() const = 0;
  virtual Snapshot snapshot() const = 0;

  virtual const std::string& run_id() const = 0;
  virtual std::string run_dir() const = 0;  // "" without an output dir
  // One line per probed backend: "rapl-powercap: unavailable: ...".
  virtual std::vector<std::string> sensor_lines() const = 0;

 protected:
  Tracker() = default;  // made by create(); the implementation is the library's
};

// Finishes the records of runs in `output_dir` whose tracker died (SIGKILL, power
// loss): report.json from the last flushed sample, marked incomplete, and the
// emissions.csv row. Returns the ids finished. Called when run/monitor start.
// With a ledger path, the finished records are added to the ledger too.
Result<std::vector<std::string>> recover_incomplete_runs(const std::string& output_dir,
                                                         const std::string& ledger_path = "");

// What a recovery of `output_dir` did. A run is recovered by one process only (it claims
// the run directory's lock, which its tracker holds while alive, in any PID namespace),
// and each run's own ledger (run.json) is used; `ledger_path` is for runs of older
// versions. Runs recorded in the ledger but whose report.json went to a fallback
// directory (a full disk) get it moved back.
struct RecoveryResult {
  std::vector<std::string> finished;  // runs whose tracker died: finished from samples.csv, marked incomplete
  std::vector<std::string> recorded;  // queued runs (ledger locked, full, killed before it) now in the ledger
  std::vector<std::string> problems;  // runs still queued, each with why
};
RecoveryResult recover_runs(const std::string& output_dir, const std::string& ledger_path = "");

}  // namespace carbonscope
