// RunOutputs: the order is report.json, emissions.csv, ledger, marker, so a process
// killed at any point leaves a state recovery completes: no report.json (rebuilt from
// samples.csv), or report.json without the marker (queued: recorded then, once).
#include "tracker/run_finish.h"

#include <filesystem>

#include <fmt/format.h>

#include "sinks/emissions_sink.h"
#include "sinks/ledger_record.h"
#include "sinks/requests_sink.h"
#include "sinks/run_files.h"
#include "sinks/samples_sink.h"

namespace carbonscope {

RunOutputs::RunOutputs(RunPaths paths) : paths_(std::move(paths)) {
  const RunPaths& p = paths_;
  FileWriter& files = p.files != nullptr ? *p.files : system_file_writer();
  if (!p.dir.empty()) {
    if (p.request_intervals) {
      sinks_.add(std::make_unique<RequestsCsvSink>(fmt::format("{}/{}", p.dir, kRequestsCsv), files, p.request_intervals));
    }
    if (p.own_run) sinks_.add(std::make_unique<SamplesCsvSink>(fmt::format("{}/{}", p.dir, kSamplesCsv), files));
    record_ = static_cast<RunRecordSink*>(&sinks_.add(std::make_unique<RunRecordSink>(p.dir, p.ledger, files)));
    const std::string csv =
        p.emissions_csv.empty() ? fmt::format("{}/{}", p.output_dir, kEmissionsCsv) : p.emissions_csv;
    sinks_.add(std::make_unique<EmissionsCsvSink>(csv, p.own_run, files));
  }
  if (!p.ledger.empty()) sinks_.add(std::make_unique<LedgerSink>(p.ledger, p.style, files));
}

FinishOutcome RunOutputs::finish(Report& report) {
  FinishOutcome o = finish_files(report);
  finish_ledger(report, o);
  return o;
}

FinishOutcome RunOutputs::finish_files(Report& report) {
  FinishOutcome o;
  first_id_ = report.run.id;
  const SinkList::Ended ended = sinks_.end_files(report);
  o.files = ended.files;
  o.ledger = ended.ledger;
  o.noted = ended.noted;
  if (record_ != nullptr) o.report_path = record_->report_path();
  return o;
}

void RunOutputs::finish_ledger(const Report& report, FinishOutcome& o) {
  if (o.ledger.ok()) o.ledger = sinks_.end_ledger(report);
  settle(o);
}

// The run is queued (its ledger write failed) or done (the marker, then its index entry goes).
void RunOutputs::settle(FinishOutcome& o) {
  const RunPaths& p = paths_;
  if (!o.ledger.ok() && !p.dir.empty()) {
    o.queued = true;
    o.ledger = o.ledger.with_context(
        fmt::format("run {} is queued: its record is kept in {}, and the next 'carbonscope run' or "
                    "'carbonscope monitor' "
                    "with --output-dir {} (or Python's track() with that output_dir) adds it to the ledger",
                    first_id_, p.dir, p.output_dir));
  }
  if (!p.dir.empty() && o.ledger.ok() && o.files.ok()) {
    FileWriter& files = p.files != nullptr ? *p.files : system_file_writer();
    if (write_file_atomic(fmt::format("{}/{}", p.dir, kRecordedMarker), p.ledger + "\n", files).ok()) {
      clear_run_pending(p.output_dir, std::filesystem::path(p.dir).filename().string());
    }
  }
}

FinishOutcome finish_run(Report& report, const RunPaths& paths) { return RunOutputs(paths).finish(report); }

}  // namespace carbonscope
