// Reading, modelling and storing in one pass.
#include "cluster/slurm_import.h"

#include <fmt/format.h>

#include "cluster/sacct_json.h"

namespace carbonscope::cluster {

Result<SacctFormat> parse_sacct_format(std::string_view t) {
  if (t == "auto") return SacctFormat::kAuto;
  if (t == "parsable2" || t == "parsable" || t == "psv") return SacctFormat::kParsable;
  if (t == "json") return SacctFormat::kJson;
  return Status::invalid_argument(fmt::format("--format '{}': use auto, parsable2 or json", t));
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
  std::size_t in_batch = 0;
  CS_RETURN_IF_ERROR(store.begin());
  const JobSink sink = [&](SlurmJob&& job) -> Status {
    if (job.cluster.empty()) job.cluster = o.cluster.empty() ? "slurm" : o.cluster;
    const JobFigures f = model.figures(job);
    CS_RETURN_IF_ERROR(store.add(job, f));
    (f.measured ? sum.measured_jobs : sum.estimated_jobs) += 1;
    sum.energy_j += f.it_j.central;
    sum.kg += f.kg.central;
    if (f.state_class == StateClass::kWasted) {
      ++sum.wasted_jobs;
      sum.wasted_j += f.it_j.central;
      sum.wasted_kg += f.kg.central;
    }
    if (++in_batch >= o.batch_jobs) {
      in_batch = 0;
      CS_RETURN_IF_ERROR(store.commit());
      CS_RETURN_IF_ERROR(store.begin());
    }
    return Status::ok_status();
  };
  const std::string cluster = o.cluster.empty() ? model.config().name : o.cluster;
  Result<ReadStats> read = format == SacctFormat::kJson
                               ? read_sacct_json(in, name, cluster, sink, sum.problems)
                               : read_sacct_parsable(in, name, cluster, sink, sum.problems);
  if (!read.ok()) {
    // Jobs of the batches already committed stay; the open batch is rolled back.
    Status rollback = store.commit();
    (void)rollback;
    return read.status();
  }
  CS_RETURN_IF_ERROR(store.commit());
  sum.read = *read;
  CS_ASSIGN_OR_RETURN(const std::int64_t after, store.job_count());
  sum.counts = store.counts();
  const std::int64_t changed = sum.counts.updated;  // every written job row
  sum.counts.added = after - before;
  sum.counts.updated = changed - sum.counts.added;
  sum.notes = model.notes();
  return sum;
}

}  // namespace carbonscope::cluster
