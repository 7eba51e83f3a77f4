// The public Slurm API (carbonscope/slurm.h) over the cluster layer: options as text
// parsed in the order the CLI checks them, results as plain structs or text.
#include "carbonscope/slurm.h"

#include <fstream>

#include <fmt/format.h>

#include "carbonscope/run_filter.h"
#include "cluster/node_merge.h"
#include "cluster/sacct_runner.h"
#include "cluster/slurm_import.h"
#include "cluster/slurm_report.h"
#include "formats/json_text.h"

namespace carbonscope {

using namespace carbonscope::cluster;

namespace {

Result<JobModel> load_model(std::shared_ptr<const DataSet> data, const std::string& cluster_file) {
  ClusterConfig config;
  if (!cluster_file.empty()) {
    CS_ASSIGN_OR_RETURN(config, load_cluster_config(cluster_file));
  }
  return JobModel::build(std::move(data), std::move(config));
}

SlurmImportSummary summary_of(const ImportSummary& s, std::string from) {
  SlurmImportSummary out;
  out.from = std::move(from);
  out.jobs_read = s.read.jobs;
  out.rows_read = s.read.rows;
  out.added = s.counts.added;
  out.updated = s.counts.updated;
  out.unchanged = s.counts.unchanged;
  out.measured_jobs = s.measured_jobs;
  out.estimated_jobs = s.estimated_jobs;
  out.wasted_jobs = s.wasted_jobs;
  out.energy_j = s.energy_j;
  out.kg = s.kg;
  out.wasted_j = s.wasted_j;
  out.wasted_kg = s.wasted_kg;
  out.notes = s.notes;
  out.problem_count = s.problems.count;
  out.problems = s.problems.messages;
  return out;
}

}  // namespace

Result<SlurmImportSummary> import_slurm_jobs(std::shared_ptr<const DataSet> data,
                                             const SlurmImportOptions& f, std::istream& standard_input) {
  (void)configure_sqlite_for_import();  // this process opens no connection before the import's
  CS_ASSIGN_OR_RETURN(JobModel model, load_model(std::move(data), f.cluster_file));
  ImportOptions o;
  CS_ASSIGN_OR_RETURN(o.format, parse_sacct_format(f.format));
  o.cluster = f.cluster;
  o.batch_jobs = std::max<std::size_t>(f.batch_jobs, 1);
  CS_ASSIGN_OR_RETURN(SlurmStore store, SlurmStore::open(f.ledger_path, true));
  if (f.input == "-") {
    CS_ASSIGN_OR_RETURN(ImportSummary s, import_sacct(standard_input, "<stdin>", o, model, store));
    return summary_of(s, "standard input");
  }
  if (!f.input.empty()) {
    std::ifstream in(f.input, std::ios::binary);
    if (!in)
      return Status::not_found(
          fmt::format("cannot read {}: give a saved sacct dump, '-' for standard input, or no "
                      "file to run sacct",
                      f.input));
    CS_ASSIGN_OR_RETURN(ImportSummary s, import_sacct(in, f.input, o, model, store));
    return summary_of(s, f.input);
  }
  SacctQuery q;
  q.sacct = f.sacct;
  q.starttime = f.starttime;
  q.endtime = f.endtime;
  q.user = f.user;
  q.account = f.account;
  q.partition = f.partition;
  q.cluster = f.cluster;
  q.all_users = f.all_users;
  q.json = o.format == SacctFormat::kJson;
  const std::vector<std::string> argv = sacct_argv(q);
  std::string from = fmt::format("'{}'", fmt::join(argv, " "));
  CS_ASSIGN_OR_RETURN(std::unique_ptr<SacctProcess> p, SacctProcess::start(argv));
  Result<ImportSummary> r = import_sacct(p->output(), "sacct", o, model, store);
  const Status done = p->finish();
  CS_RETURN_IF_ERROR(done);
  CS_ASSIGN_OR_RETURN(ImportSummary s, std::move(r));
  return summary_of(s, std::move(from));
}

Result<SlurmReport> slurm_report(const SlurmReportOptions& f) {
  CS_ASSIGN_OR_RETURN(GroupBy by, parse_group_by(f.by));
  JobQuery q;
  q.cluster = f.cluster;
  q.user = f.user;
  q.account = f.account;
  q.partition = f.partition;
  if (!f.since.empty()) {
    CS_ASSIGN_OR_RETURN(double t, parse_utc_time(f.since, false));
    q.since_unix = t;
  }
  if (!f.until.empty()) {
    CS_ASSIGN_OR_RETURN(double t, parse_utc_time(f.until, true));
    q.until_unix = t;
  }
  CS_ASSIGN_OR_RETURN(SlurmStore store, SlurmStore::open(f.ledger_path, false));
  CS_ASSIGN_OR_RETURN(std::vector<GroupTotal> groups, store.totals(q, by));
  if (groups.empty())
    return Status::not_found("no imported Slurm jobs match: widen --since/--until or the filters");
  const ReportHeading h{by, f.since, f.until, q.cluster};
  SlurmReport out;
  if (f.format == "text") {
    out.table = render_totals_text(groups, h);
  } else if (f.format == "csv") {
    out.table = render_totals_csv(groups, h);
  } else if (f.format == "json") {
    out.table = json_text(totals_json(groups, h), 2);
  } else {
    for (const GroupTotal& g : groups) out.groups.push_back(group_report(g, h));
  }
  return out;
}

Result<std::string> slurm_job_text(const SlurmJobOptions& f) {
  CS_ASSIGN_OR_RETURN(MergedJob m, merge_job(f.ledger_path, f.cluster, f.job, f.record));
  if (f.format == "json") return json_text(merged_job_json(m), 2) + "\n";
  if (f.format == "text") return render_merged_job(m);
  return Status::invalid_argument(fmt::format("--format '{}': use text or json", f.format));
}

}  // namespace carbonscope
