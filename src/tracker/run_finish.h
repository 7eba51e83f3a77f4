// A run's outputs, registered in one place for the tracker and for recovery (RunOutputs:
// the sinks of sinks/run_sink.h that the run's paths ask for), and the end of its
// record: samples.csv closed (the tracker's own run), report.json (or, when the run's
// directory cannot take it, a fallback directory, said in the outcome), the
// emissions.csv row (once), the ledger (once, a colliding id replaced by a fresh one
// before anything is written), then the "recorded" marker. A run whose ledger write
// failed (locked, disk full, damaged ledger) keeps its record in the run directory
// without the marker: it is queued, and the next recovery records it.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/inference.h"
#include "carbonscope/parse.h"
#include "carbonscope/report.h"
#include "carbonscope/status.h"
#include "platform/file_writer.h"
#include "sinks/run_record.h"
#include "sinks/run_sink.h"

namespace carbonscope {

// In a run directory: present once the run needs nothing more (recorded in its ledger,
// or it has none). Its absence next to report.json means "queued for the ledger".
inline constexpr const char* kRecordedMarker = "recorded";
// In a run directory: held (flock) by the tracker while it runs and by the one process
// that recovers it, so a run is recovered once, and only after its tracker is gone,
// whatever PID namespace either lives in.
inline constexpr const char* kRunLock = "run.lock";

struct RunPaths {
  std::string output_dir;  // "" = no files
  std::string dir;         // the run's directory
  std::string ledger;      // "" = no ledger
  ArgStyle style = ArgStyle::kFlag;
  std::string emissions_csv;  // "" = OUTPUT_DIR/emissions.csv (CodeCarbon's output_file)
  // The tracker finishing its own run (not a recovery): the emissions.csv row cannot
  // be there yet, so the file, which grows by a row per run, is not searched for it.
  bool own_run = false;
  FileWriter* files = nullptr;  // the writes (fault tests inject one); nullptr: the real file system
  // An inference run's request log (the tracker's own run with a directory): requests.csv.
  std::function<std::vector<RequestInterval>()> request_intervals = nullptr;
};

struct FinishOutcome {
  Status files;             // why report.json or the emissions.csv row is not where it belongs
  Status ledger;            // why the run is not in the ledger (it is then queued)
  Status noted;             // why requests.csv is missing (said in the report's notes)
  std::string report_path;  // where report.json was written ("" = nowhere)
  bool queued = false;      // the ledger write failed and the run waits in its directory
};

// The sinks of one run, in the order they end: requests.csv (request_intervals with a
// directory; it writes at prepare, so its failure is in the notes every other sink
// writes), samples.csv (own_run with a directory), run.json and report.json and the
// emissions.csv row (with a directory), the ledger (with a ledger path). A new sink is
// registered here (docs/design.md, "Where to add").
class RunOutputs {
 public:
  explicit RunOutputs(RunPaths paths);
  bool empty() const { return sinks_.empty(); }
  bool wants_points() const { return sinks_.wants_points(); }
  Status begin(const RunStart& start) { return sinks_.begin(start); }
  Status on_point(const SeriesPoint& p) { return sinks_.on_point(p); }
  // `report.run.id` changes when the ledger already holds another run with its id.
  FinishOutcome finish(Report& report);
  // finish() in two halves, so that the ledger can be written on another thread:
  // finish_files() settles the report's id with the ledger (prepare) and writes
  // report.json and the emissions.csv row; finish_ledger() then records the run in the
  // ledger and writes the marker. Between the two the run is queued in its directory
  // (no marker), so a process that dies there leaves it to recovery, which records it
  // once. finish_ledger() is needed only when ledger_left().
  FinishOutcome finish_files(Report& report);
  bool ledger_left() const { return sinks_.ledger_left(); }
  void finish_ledger(const Report& report, FinishOutcome& o);

 private:
  void settle(FinishOutcome& o);
  RunPaths paths_;
  SinkList sinks_;
  RunRecordSink* record_ = nullptr;
  std::string first_id_;  // the run's id before the ledger settled it
};

// A run whose series the sinks need not see (a report finished elsewhere):
// RunOutputs(paths).finish(report).
FinishOutcome finish_run(Report& report, const RunPaths& paths);

// Takes the run directory's lock without waiting: its fd (close it to release), or -1
// when another process (the tracker, or another recoverer) holds it.
int try_lock_run(const std::string& dir);
// Waits for it (the tracker itself, at start).
int lock_run(const std::string& dir);
void release_run_lock(int& fd);
// Creates OUTPUT_DIR/<id> for a new run; should it exist already (an id collision, which
// run ids make all but impossible), `id` is replaced by a fresh one. Never shares a
// directory with another run.
Result<std::string> claim_run_dir(const std::string& output_dir, std::string& id);
// OUTPUT_DIR/.pending.<run directory>: an empty file per run whose record is not
// finished, so recovery looks at those runs only: one listing of OUTPUT_DIR (names,
// no stat per run) instead of a stat of every run directory it ever held. The tracker
// adds its run's entry once it holds the run's lock (a recoverer that sees the entry
// then fails to take the lock, or finds the tracker gone); finish_run removes it after
// the "recorded" marker. OUTPUT_DIR/.pending-index says every run directory has its
// entry: without it (an output directory written by an older carbonscope, or an entry
// that could not be written, which removes it) recovery looks at every run directory
// once, as it used to, adds the entries of what is unfinished, and writes it.
inline constexpr std::string_view kPendingPrefix = ".pending.";
inline constexpr const char* kPendingIndex = ".pending-index";
// False when the entry could not be written (the index marker is then removed).
bool mark_run_pending(const std::string& output_dir, const std::string& name);
void clear_run_pending(const std::string& output_dir, const std::string& name);
// `path` made absolute ("" stays ""): run.json names the ledger for a recovery that may
// start in another directory.
std::string absolute_path(const std::string& path);

}  // namespace carbonscope
