// Reading, modelling and storing on two threads: the reader parses and models jobs
// into batches on its own thread while this one writes the previous batch to SQLite
// (docs/performance.md: the two halves each take about half the CPU time).
#include "cluster/slurm_import.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <thread>
#include <utility>

#include <fmt/format.h>

#include "cluster/batch_handoff.h"
#include "cluster/sacct_json.h"

namespace carbonscope::cluster {
namespace {

// Jobs handed from the reader to the writer at a time; a transaction spans several.
constexpr std::size_t kHandoffJobs = 2048;
constexpr std::size_t kHandoffSlots = 4;

struct JobBatch {
  std::vector<SlurmJob> jobs;  // slots [0, size) are filled; the rest keep their buffers
  std::vector<JobFigures> figures;
  std::vector<std::string> steps;  // encoded by the reader: the writer has the heavier half
  std::size_t size = 0;
};

}  // namespace

Result<SacctFormat> parse_sacct_format(std::string_view t) {
  if (t == "auto") return SacctFormat::kAuto;
  if (t == "parsable2" || t == "parsable" || t == "psv") return SacctFormat::kParsable;
  if (t == "json") return SacctFormat::kJson;
  return Status::invalid_argument(fmt::format("--format '{}': use auto, parsable2 or json", t));
}

bool configure_sqlite_for_import() {
  // SQLITE_MISUSE once SQLite is initialized: then the defaults stay.
  return sqlite3_config(SQLITE_CONFIG_MULTITHREAD) == SQLITE_OK &&
         sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
}

Result<ImportSummary> import_sacct(std::istream& in, const std::string& name, const ImportOptions& o,
                                   JobModel& model, SlurmStore& store) {
  SacctFormat format = o.format;
  if (format == SacctFormat::kAuto) {
    while (in && std::isspace(in.peek()) != 0) in.get();
    format = in.peek() == '{' ? SacctFormat::kJson : SacctFormat::kParsable;
  }
  CS_ASSIGN_OR_RETURN(const std::int64_t before, store.job_count());
  ImportSummary sum;
  const std::size_t per_handoff = std::clamp<std::size_t>(o.batch_jobs, 1, kHandoffJobs);
  BatchHandoff<JobBatch> handoff(kHandoffSlots);

  // The reader's side: parse, model, fill batches.
  std::unique_ptr<JobBatch> filling;
  const JobSink sink = [&](SlurmJob&& job) -> Status {
    if (!filling) {
      filling = handoff.take_free();
      if (!filling) return Status::io_error("the ledger write failed");  // the writer's error is returned
      filling->size = 0;
    }
    JobBatch& b = *filling;
    if (b.size == b.jobs.size()) {
      b.jobs.emplace_back();
      b.figures.emplace_back();
      b.steps.emplace_back();
    }
    SlurmJob& slot = b.jobs[b.size];
    // Swapped, not copied: the reader gets the slot's buffers (a job the writer has
    // stored) to parse the next job into, so once warm nothing is allocated or copied.
    std::swap(slot, job);
    if (slot.cluster.empty()) slot.cluster = o.cluster.empty() ? "slurm" : o.cluster;
    const JobFigures& f = b.figures[b.size] = model.figures(slot);
    b.steps[b.size].clear();
    encode_steps(slot.steps, b.steps[b.size]);
    ++b.size;
    (f.measured ? sum.measured_jobs : sum.estimated_jobs) += 1;
    sum.energy_j += f.it_j.central;
    sum.kg += f.kg.central;
    if (f.state_class == StateClass::kWasted) {
      ++sum.wasted_jobs;
      sum.wasted_j += f.it_j.central;
      sum.wasted_kg += f.kg.central;
    }
    if (b.size >= per_handoff) handoff.put_full(std::move(filling));
    return Status::ok_status();
  };
  const std::string cluster = o.cluster.empty() ? model.config().name : o.cluster;
  std::optional<Result<ReadStats>> read;
  std::thread reader([&] {
    read.emplace(format == SacctFormat::kJson ? read_sacct_json(in, name, cluster, sink, sum.problems)
                                              : read_sacct_parsable(in, name, cluster, sink, sum.problems));
    if (filling && filling->size > 0) handoff.put_full(std::move(filling));
    handoff.close();
  });

  // The writer's side (this thread, which owns the ledger connection).
  Status written = store.begin();
  if (!written.ok()) handoff.cancel();
  std::size_t in_transaction = 0;
  while (std::unique_ptr<JobBatch> b = handoff.take_full()) {
    for (std::size_t i = 0; written.ok() && i < b->size; ++i) {
      written = store.add(b->jobs[i], b->figures[i], b->steps[i]);
    }
    in_transaction += b->size;
    if (written.ok() && in_transaction >= o.batch_jobs) {
      in_transaction = 0;
      written = store.commit();
      if (written.ok()) written = store.begin();
    }
    if (!written.ok()) handoff.cancel();
    handoff.put_free(std::move(b));
  }
  reader.join();
  if (!written.ok() || !read->ok()) {
    // Jobs of the batches already committed stay; the open batch is rolled back.
    (void)store.rollback();
    return written.ok() ? read->status() : written;
  }
  CS_RETURN_IF_ERROR(store.commit());
  sum.read = **read;
  CS_ASSIGN_OR_RETURN(const std::int64_t after, store.job_count());
  sum.counts = store.counts();
  const std::int64_t changed = sum.counts.updated;  // every written job row
  sum.counts.added = after - before;
  sum.counts.updated = changed - sum.counts.added;
  sum.notes = model.notes();
  return sum;
}

}  // namespace carbonscope::cluster
