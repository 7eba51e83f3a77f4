// Points -> LedgerSeries (thinned in memory) -> PowerSample rows -> Ledger, or a record
// file on a network filesystem.
#include "sinks/ledger_record.h"

#include <cmath>
#include <filesystem>
#include <optional>
#include <system_error>

#include <fmt/format.h>

#include "carbonscope/environment.h"
#include "carbonscope/run_filter.h"
#include "carbonscope/system_info.h"
#include "formats/json_text.h"
#include "sinks/run_files.h"
#include "store/ledger_dir.h"
#include "store/ledger_import.h"
#include "store/sqlite_vfs.h"

namespace carbonscope {
namespace {

// One run (with its series) as a carbonscope.runs/1 document, written atomically: a
// reader (runs import) never sees half a file, and no lock is needed.
Status write_record_file(const LedgerTarget& target, const Report& report, std::vector<PowerSample> samples,
                         FileWriter& files) {
  CS_RETURN_IF_ERROR(make_dirs(target.records_dir, files));
  std::string host = host_name();
  for (char& c : host) {
    if (c == '/' || c == '\\' || c == '\0') c = '_';
  }
  const std::string path = fmt::format("{}/{}.{}.json", target.records_dir, report.run.id, host);
  RunRecord record;
  record.report = report;
  record.samples = std::move(samples);
  return write_file_atomic(path, json_text(runs_export_json({record})), files);
}

// The same run (recorded before, by its tracker or another recoverer): same start and host.
bool same_run(const Report& a, const Report& b) {
  return std::fabs(a.run.start_unix - b.run.start_unix) < 1e-3 && a.run.host == b.run.host &&
         a.run.kind == b.run.kind;
}

}  // namespace

LedgerSeries::LedgerSeries(std::vector<std::string> keys) {
  names_.reserve(keys.size() + 1);
  names_.emplace_back("job total");
  for (std::string& k : keys) names_.push_back(std::move(k));
  weighted_.assign(names_.size(), 0.0);
  ends_.reserve(kMaxLedgerSamples + 1);
  spans_.reserve(kMaxLedgerSamples + 1);
  means_.reserve((kMaxLedgerSamples + 1) * names_.size());
}

void LedgerSeries::add(double t_s, double total_w, std::span<const double> watts) {
  if (!started_) {  // the baseline: the series starts here
    started_ = true;
    last_t_ = from_t_ = t_s;
    return;
  }
  const double dt = t_s - last_t_;
  last_t_ = t_s;
  weighted_[0] += total_w * dt;
  for (std::size_t k = 0; k + 1 < names_.size() && k < watts.size(); ++k) weighted_[k + 1] += watts[k] * dt;
  if (++in_window_ >= step_) close_window(t_s);
}

void LedgerSeries::close_window(double t_s) {
  const double span = t_s - from_t_;
  if (span > 0) {
    ends_.push_back(t_s);
    spans_.push_back(span);
    for (double w : weighted_) means_.push_back(w / span);
  }
  std::fill(weighted_.begin(), weighted_.end(), 0.0);
  in_window_ = 0;
  from_t_ = t_s;
  if (ends_.size() > kMaxLedgerSamples) merge_pairs();
}

void LedgerSeries::merge_pairs() {
  const std::size_t n = names_.size();
  std::size_t out = 0;
  for (std::size_t i = 0; i < ends_.size(); i += 2, ++out) {
    if (i + 1 == ends_.size()) {  // an odd window out stays as it is
      ends_[out] = ends_[i];
      spans_[out] = spans_[i];
      for (std::size_t k = 0; k < n; ++k) means_[out * n + k] = means_[i * n + k];
      continue;
    }
    const double a = spans_[i], b = spans_[i + 1];
    for (std::size_t k = 0; k < n; ++k) {
      means_[out * n + k] = (means_[i * n + k] * a + means_[(i + 1) * n + k] * b) / (a + b);
    }
    ends_[out] = ends_[i + 1];
    spans_[out] = a + b;
  }
  ends_.resize(out);
  spans_.resize(out);
  means_.resize(out * n);
  step_ *= 2;
}

std::vector<PowerSample> LedgerSeries::samples() const {
  const std::size_t n = names_.size();
  std::vector<PowerSample> out;
  out.reserve((ends_.size() + 1) * n);
  for (std::size_t w = 0; w < ends_.size(); ++w) {
    for (std::size_t k = 0; k < n; ++k) out.push_back({ends_[w], names_[k], Power::watts(means_[w * n + k]), {}});
  }
  const double span = last_t_ - from_t_;  // the open window: the points after the last full one
  if (in_window_ > 0 && span > 0) {
    for (std::size_t k = 0; k < n; ++k) out.push_back({last_t_, names_[k], Power::watts(weighted_[k] / span), {}});
  }
  return out;
}

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

LedgerSink::LedgerSink(std::string ledger_path, ArgStyle style, FileWriter& files)
    : path_(std::move(ledger_path)), style_(style), files_(files) {}

Status LedgerSink::begin(const RunStart& start) {
  std::vector<std::string> keys;
  keys.reserve(start.columns.size());
  for (const SinkColumn& c : start.columns) keys.push_back(c.key);
  series_ = LedgerSeries(std::move(keys));
  return {};
}

Status LedgerSink::on_point(const SeriesPoint& p) {
  series_.add(p.elapsed_s, p.power_w, p.watts);
  return {};
}

Status LedgerSink::prepare(Report& report) {
  target_ = ledger_target(path_, Environment::current().find("CARBONSCOPE_LEDGER_FS"));
  if (target_.record_files) return {};
  std::error_code ec;
  if (!std::filesystem::exists(path_, ec) && !ec) {
    // No ledger yet, so no run in it holds this id: it is created in end() (on the
    // tracker's ledger thread, where there is one), once its directory is known to take it.
    create_in_end_ = true;
    return ensure_ledger_directory(path_, style_)
        .with_context(fmt::format("recording run {} in the ledger {}", report.run.id, path_));
  }
  CS_RETURN_IF_ERROR(open_ledger(report));
  for (int attempt = 0; attempt < 4; ++attempt) {
    auto existing = ledger_->get(report.run.id);
    if (!existing.ok() || existing->run.id != report.run.id) break;  // the id is free
    if (same_run(*existing, report)) {  // recorded already: nothing to do
      recorded_already_ = true;
      break;
    }
    // Another run holds this id (an id from an older carbonscope, or an import): the
    // ledger's uniqueness must never be what loses a run, so this one gets a fresh id.
    const std::string old = report.run.id;
    report.run.id = new_run_id(report.run.start_unix);
    report.notes.push_back(
        fmt::format("recorded as {}: the id {} (its directory's name) was already taken in the "
                    "ledger by another run",
                    report.run.id, old));
  }
  return {};
}

Status LedgerSink::open_ledger(const Report& report) {
  Ledger::Options options;
  options.style = style_;
  // The ledger's files write through the sink's writer too (the connection keeps the
  // writer it was opened with); a sink given the real file system's leaves the choice to
  // the thread (a fault test's LedgerWriterScope around a tracker's stop() or a recovery).
  std::optional<LedgerWriterScope> writes;
  if (&files_ != &system_file_writer()) writes.emplace(files_);
  auto opened = Ledger::open(path_, options);
  if (!opened.ok()) {
    return opened.status().with_context(fmt::format("recording run {} in the ledger {}", report.run.id, path_));
  }
  ledger_.emplace(std::move(*opened));
  return {};
}

Status LedgerSink::end(const Report& report) {
  if (create_in_end_) CS_RETURN_IF_ERROR(open_ledger(report));
  if (target_.record_files) {
    return write_record_file(target_, report, series_.samples(), files_)
        .with_context(
            fmt::format("writing the record of run {} to {} (the ledger {} is on {}, where SQLite is "
                        "unsafe)",
                        report.run.id, target_.records_dir, path_, target_.filesystem));
  }
  if (recorded_already_) return {};
  const Status s = ledger_->append_runs({RunRecord{report, series_.samples()}});
  return s.with_context(fmt::format("recording run {} in the ledger {}", report.run.id, path_));
}

}  // namespace carbonscope
