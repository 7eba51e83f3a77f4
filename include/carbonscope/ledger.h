// Ledger: the embedded SQLite store of every run, monitor and saved estimate. One row
// per Report (its carbonscope.report/1 JSON plus metadata columns for filtering) and
// the sampled power series. Safe for many processes at once (WAL, busy timeout,
// IMMEDIATE transactions); schema versioned with forward migrations. The CLI's `runs`,
// `report` and `lca` commands and the dashboard read it through this class.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "carbonscope/parse.h"
#include "carbonscope/report.h"
#include "carbonscope/run_filter.h"
#include "carbonscope/status.h"

namespace carbonscope {

// One point of a run's power series: seconds since the run's start, a component
// ("gpu", "cpu", "ram", ...), its power, and optionally the energy counted so far.
struct PowerSample {
  double t_s = 0;
  std::string component;
  Power power;
  std::optional<Energy> energy;
};

// What `runs list` shows: the metadata columns only (no JSON parsing), so listing
// 100,000 runs stays fast.
struct RunSummary {
  std::string id;
  RunKind kind = RunKind::kRun;
  std::string project;
  std::vector<std::string> tags;
  std::string host;
  std::string region;
  std::string hardware;
  double start_unix = 0;
  double end_unix = 0;
  Duration duration{};
  std::optional<int> exit_code;
  bool complete = true;
  Energy energy;        // IT energy, central
  Emissions emissions;  // central
  // Why the stored duration, energy or emissions cannot be shown (infinite, NaN or
  // negative: stored by an older carbonscope); empty when they are sane.
  std::string problem;
};

// A run with its power series, recorded together (one transaction).
struct RunRecord {
  Report report;
  std::vector<PowerSample> samples;
  // Ids an earlier carbonscope gave the same run (imports derive a run's id from its
  // source, and the id format changed): the ledger refuses the run when it holds one,
  // so re-importing a file imported by an older version adds nothing twice.
  std::vector<std::string> earlier_ids = {};
};

// Totals of one project (the dashboard's project page).
struct ProjectTotal {
  std::string project;
  std::int64_t runs = 0;
  Duration duration{};
  Energy energy;
  Emissions emissions;
  double first_start_unix = 0;
  double last_start_unix = 0;
};

class Ledger {
 public:
  enum class Mode { kReadWrite, kReadOnly };
  struct Options {
    Mode mode = Mode::kReadWrite;
    int busy_timeout_ms = 15000;
    ArgStyle style = ArgStyle::kFlag;  // how remedies name the ledger option
  };

  // Opens (read-write: creating and migrating it) the ledger at `path`. A damaged
  // file is an error and is never modified; a newer schema opens for reading only.
  static Result<Ledger> open(const std::string& path, Options options);
  static Result<Ledger> open(const std::string& path) { return open(path, Options{}); }

  // Adds a report; its run id must be valid (is_valid_run_id) and new, and its figures
  // sane (check_report_figures: finite, not negative, not absurd).
  Status append(const Report& report);
  // Adds several reports in one transaction: all of them or none.
  Status append_all(const std::vector<Report>& reports);
  // Adds runs with their power series in one transaction: all of them or none.
  Status append_runs(const std::vector<RunRecord>& runs);
  // Adds points to the power series of a recorded run.
  Status append_samples(std::string_view run_id, const std::vector<PowerSample>& samples);
  // Newest first (by start time).
  Result<std::vector<RunSummary>> list(const RunFilter& filter) const;
  // The longest id and project among the runs `filter` selects (ignoring its limit):
  // lets a listing align its columns in a single streaming pass.
  Result<std::pair<std::size_t, std::size_t>> id_and_project_widths(const RunFilter& filter) const;
  // The same runs, one at a time, without holding them all in memory.
  Status visit(const RunFilter& filter, const std::function<void(const RunSummary&)>& fn) const;
  // The full reports matching `filter`, oldest first (for reports and exports). A
  // stored run that cannot be decoded or has absurd figures is skipped, and a warning
  // naming it is kept for take_warnings(), so that one bad run never hides the others.
  Result<std::vector<Report>> reports(const RunFilter& filter) const;
  // The warnings of the reads so far (runs skipped), cleared.
  std::vector<std::string> take_warnings() const { return std::exchange(warnings_, {}); }
  // An exact id, a unique prefix of one, or "last" (the newest run) -> the full id.
  Result<std::string> resolve(std::string_view id_prefix_or_last) const;
  // The report of `id` (resolved as above).
  Result<Report> get(std::string_view id) const;
  Result<std::vector<PowerSample>> samples(std::string_view id) const;
  // Removes a run and its samples (exact id only).
  Status remove(std::string_view id);
  Result<std::int64_t> count() const;
  // One row per project, by emissions (largest first).
  Result<std::vector<ProjectTotal>> project_totals() const;

  int schema_version() const { return schema_version_; }
  const std::string& path() const;

  Ledger(Ledger&&) noexcept;
  Ledger& operator=(Ledger&&) noexcept;
  ~Ledger();

 private:
  struct Db;  // the SQLite connection (src/sinks/ledger.cc)
  Ledger(std::unique_ptr<Db> db, int version);
  Status check_writable(std::string_view what) const;
  Result<std::int64_t> seq_of(std::string_view id) const;
  Status insert_run(const RunRecord& record);
  Result<Report> decode(const std::string& id, const std::string& json_text) const;

  std::unique_ptr<Db> db_;
  mutable std::vector<std::string> warnings_;
  int schema_version_ = 0;
  bool read_only_ = false;
};

// Opens the ledger at `ledger_path` and appends `report` (and its samples, if any):
// the one call `run`, `monitor`, `estimate --save` and Python's tracker make; `style`
// says how remedies name the ledger option.
Status record_report(const Report& report, const std::string& ledger_path,
                     const std::vector<PowerSample>& samples = {}, ArgStyle style = ArgStyle::kFlag);

// Runs to import (`runs import`), from a file's contents: JSON (a carbonscope.report/1
// report, a carbonscope.runs/1 export or a report bundle) or an emissions.csv
// (CodeCarbon's, any version, or carbonscope's). Runs without an id get one from
// make_run_id(start, random_bits). Errors name `file` and the field or line.
Result<std::vector<RunRecord>> read_runs_file(const std::string& file, const std::string& text,
                                              unsigned random_bits);
// The runs export document (carbonscope.runs/1: `runs export --format json`), each report
// with its power series when it has one; `indent` < 0: one line.
std::string runs_export_text(const std::vector<RunRecord>& runs, int indent = -1);
// Runs as CodeCarbon's emissions.csv (`runs export --format csv`): the header plus one
// row per report, in CodeCarbon's v3 columns and units, as the live emissions.csv has.
std::string codecarbon_csv(const std::vector<Report>& reports);

// Where the ledger lives: $CARBONSCOPE_LEDGER, else $XDG_DATA_HOME/carbonscope/ledger.db,
// else $HOME/.local/share/carbonscope/ledger.db. Pass the environment values (null or
// "" when unset); an explicit --ledger wins over all of them and is not passed here.
std::string default_ledger_path(const char* carbonscope_ledger, const char* xdg_data_home,
                                const char* home);

// "8 x NVIDIA A100; AMD EPYC 7763" from the run's hardware fields (RunSummary::hardware).
std::string hardware_summary(const RunInfo& run);

}  // namespace carbonscope
