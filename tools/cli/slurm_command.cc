// `carbonscope slurm import|report|job`: the footprint of Slurm jobs from the cluster's
// accounting (sacct), grouped reports over them, and one job's per-node tracked runs
// merged into one. The work is in src/cluster; this file parses options and prints.
#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "carbonscope/report_render.h"
#include "cluster/node_merge.h"
#include "cluster/sacct_runner.h"
#include "cluster/slurm_import.h"
#include "cluster/slurm_report.h"
#include "command.h"
#include "json_print.h"
#include "ledger_options.h"
#include "report_defaults.h"

namespace carbonscope::cli {
namespace {

using namespace carbonscope::cluster;

struct ImportFlags {
  std::string input;  // FILE or "-"; empty: run sacct
  std::string cluster_file, cluster, format = "auto", ledger;
  SacctQuery query;
  std::size_t batch = 20000;
  bool quiet = false;
};

Result<JobModel> load_model(const Context& ctx, const std::string& cluster_file) {
  CS_ASSIGN_OR_RETURN(std::shared_ptr<const DataSet> data, load_data(ctx));
  ClusterConfig config;
  if (!cluster_file.empty()) {
    CS_ASSIGN_OR_RETURN(config, load_cluster_config(cluster_file));
  }
  return JobModel::build(std::move(data), std::move(config));
}

void print_summary(const ImportSummary& s, const std::string& from) {
  std::cerr << fmt::format(
      "carbonscope: read {} jobs ({} rows) from {}: {} added, {} updated, {} unchanged\n", s.read.jobs,
      s.read.rows, from, s.counts.added, s.counts.updated, s.counts.unchanged);
  std::cerr << fmt::format(
      "  energy {:.3f} kWh, {:.3f} kg CO2e: {} jobs measured by Slurm (acct_gather_energy), {} "
      "estimated from allocated TRES\n",
      s.energy_j / 3.6e6, s.kg, s.measured_jobs, s.estimated_jobs);
  std::cerr << fmt::format(
      "  wasted (failed, cancelled, timed-out, out-of-memory, node-fail jobs): {} jobs, {:.3f} kWh, "
      "{:.3f} kg CO2e\n",
      s.wasted_jobs, s.wasted_j / 3.6e6, s.wasted_kg);
  for (const std::string& n : s.notes) std::cerr << "  note: " << n << "\n";
  if (s.problems.count > 0) {
    std::cerr << fmt::format("carbonscope: {} rows skipped:\n", s.problems.count);
    for (const std::string& m : s.problems.messages) std::cerr << "  " << m << "\n";
    if (s.problems.count > s.problems.messages.size()) {
      std::cerr << fmt::format("  ... and {} more\n", s.problems.count - s.problems.messages.size());
    }
  }
}

Status run_import(const Context& ctx, const ImportFlags& f) {
  (void)configure_sqlite_for_import();  // this process opens no connection before the import's
  CS_ASSIGN_OR_RETURN(JobModel model, load_model(ctx, f.cluster_file));
  ImportOptions o;
  CS_ASSIGN_OR_RETURN(o.format, parse_sacct_format(f.format));
  o.cluster = f.cluster;
  o.batch_jobs = std::max<std::size_t>(f.batch, 1);
  CS_ASSIGN_OR_RETURN(SlurmStore store, SlurmStore::open(resolve_ledger_path(f.ledger), true));
  ImportSummary s;
  std::string from;
  if (f.input == "-") {
    std::ios::sync_with_stdio(false);
    from = "standard input";
    CS_ASSIGN_OR_RETURN(s, import_sacct(std::cin, "<stdin>", o, model, store));
  } else if (!f.input.empty()) {
    std::ifstream in(f.input, std::ios::binary);
    if (!in)
      return Status::not_found(
          fmt::format("cannot read {}: give a saved sacct dump, '-' for standard input, or no "
                      "file to run sacct",
                      f.input));
    from = f.input;
    CS_ASSIGN_OR_RETURN(s, import_sacct(in, f.input, o, model, store));
  } else {
    SacctQuery q = f.query;
    q.json = o.format == SacctFormat::kJson;
    const std::vector<std::string> argv = sacct_argv(q);
    from = fmt::format("'{}'", fmt::join(argv, " "));
    CS_ASSIGN_OR_RETURN(std::unique_ptr<SacctProcess> p, SacctProcess::start(argv));
    Result<ImportSummary> r = import_sacct(p->output(), "sacct", o, model, store);
    const Status done = p->finish();
    CS_RETURN_IF_ERROR(done);
    CS_ASSIGN_OR_RETURN(s, std::move(r));
  }
  if (!f.quiet) print_summary(s, from);
  return Status::ok_status();
}

struct ReportFlags {
  std::string ledger, by = "user", since, until, format = "text", output;
  JobQuery query;
};

Status run_report(const Context& ctx, const ReportFlags& f) {
  CS_ASSIGN_OR_RETURN(GroupBy by, parse_group_by(f.by));
  JobQuery q = f.query;
  if (!f.since.empty()) {
    CS_ASSIGN_OR_RETURN(double t, parse_utc_time(f.since, false));
    q.since_unix = t;
  }
  if (!f.until.empty()) {
    CS_ASSIGN_OR_RETURN(double t, parse_utc_time(f.until, true));
    q.until_unix = t;
  }
  CS_ASSIGN_OR_RETURN(SlurmStore store, SlurmStore::open(resolve_ledger_path(f.ledger), false));
  CS_ASSIGN_OR_RETURN(std::vector<GroupTotal> groups, store.totals(q, by));
  if (groups.empty())
    return Status::not_found("no imported Slurm jobs match: widen --since/--until or the filters");
  const ReportHeading h{by, f.since, f.until, q.cluster};
  std::string text;
  if (f.format == "text") {
    text = render_totals_text(groups, h);
  } else if (f.format == "csv") {
    text = render_totals_csv(groups, h);
  } else if (f.format == "json") {
    text = json_print(totals_json(groups, h)) + "\n";
  } else {
    CS_ASSIGN_OR_RETURN(ReportFormat format, parse_report_format(f.format));
    CS_ASSIGN_OR_RETURN(std::shared_ptr<const DataSet> data, load_data(ctx));
    ReportBundle b;
    for (const GroupTotal& g : groups) b.runs.push_back(group_report(g, h));
    b.regions = default_comparison_regions(*data);
    b.equivalents = default_equivalents(*data);
    CS_ASSIGN_OR_RETURN(text, render_report(b, format));
  }
  return write_output(f.output, text);
}

struct JobFlags {
  std::string job, cluster, ledger, format = "text";
  bool record = false;
};

Status run_job(const JobFlags& f) {
  CS_ASSIGN_OR_RETURN(MergedJob m, merge_job(resolve_ledger_path(f.ledger), f.cluster, f.job, f.record));
  if (f.format == "json") {
    std::cout << json_print(merged_job_json(m)) << "\n";
  } else if (f.format == "text") {
    std::cout << render_merged_job(m);
  } else {
    return Status::invalid_argument(fmt::format("--format '{}': use text or json", f.format));
  }
  return Status::ok_status();
}

template <typename Fn>
void set_callback(CLI::App* sub, Context& ctx, Fn fn) {
  sub->callback([&ctx, fn] {
    const Status s = fn();
    ctx.exit_code = s.ok() ? kExitOk : report_error(s);
  });
}

}  // namespace

void add_slurm_command(CLI::App& app, Context& ctx) {
  CLI::App* slurm = app.add_subcommand("slurm",
                                       "Slurm clusters: import jobs from sacct, report by "
                                       "user/account/partition/state, merge a job's per-node runs");
  slurm->require_subcommand(1);

  auto fi = std::make_shared<ImportFlags>();
  CLI::App* imp = slurm->add_subcommand(
      "import", "Record Slurm jobs and their steps from sacct output (a file, '-', or by running sacct)");
  imp->add_option("FILE", fi->input,
                  "Saved `sacct --parsable2` (with its header) or `sacct --json` output; '-' for standard "
                  "input; none: run sacct");
  imp->add_option("--cluster-file", fi->cluster_file,
                  "cluster.toml: each partition's CPU, GPU, PUE and place (docs/clusters.md)");
  imp->add_option("--cluster", fi->cluster,
                  "Cluster name for rows without a Cluster column (default: cluster.toml's, else 'slurm'); "
                  "passed to sacct --clusters");
  imp->add_option("--format", fi->format, "auto, parsable2 or json")->capture_default_str();
  add_ledger_option(imp, &fi->ledger);
  imp->add_option("--starttime,-S", fi->query.starttime, "sacct --starttime (when running sacct)");
  imp->add_option("--endtime,-E", fi->query.endtime, "sacct --endtime");
  imp->add_option("--user,-u", fi->query.user, "sacct --user");
  imp->add_option("--account,-A", fi->query.account, "sacct --account");
  imp->add_option("--partition,-r", fi->query.partition, "sacct --partition");
  imp->add_flag("--all-users,-a", fi->query.all_users, "sacct --allusers (administrators)");
  imp->add_option("--sacct", fi->query.sacct, "The sacct program to run")->capture_default_str();
  imp->add_option("--batch", fi->batch, "Jobs per transaction")->capture_default_str();
  imp->add_flag("--quiet,-q", fi->quiet, "Print no summary");
  set_callback(imp, ctx, [&ctx, fi] {
    SacctQuery& q = fi->query;
    q.cluster = fi->input.empty() ? fi->cluster : "";
    return run_import(ctx, *fi);
  });

  auto fr = std::make_shared<ReportFlags>();
  CLI::App* rep = slurm->add_subcommand(
      "report", "Totals of imported Slurm jobs by user, account, partition or state, wasted energy apart");
  rep->add_option("--by", fr->by, "user, account, partition, state or cluster")->capture_default_str();
  rep->add_option("--since", fr->since, "Jobs that ended on or after this UTC date (YYYY-MM-DD)");
  rep->add_option("--until", fr->until, "Jobs that ended on or before this UTC date");
  rep->add_option("--cluster", fr->query.cluster, "Only this cluster's jobs");
  rep->add_option("--user", fr->query.user, "Only this user's jobs");
  rep->add_option("--account", fr->query.account, "Only this account's jobs");
  rep->add_option("--partition", fr->query.partition, "Only this partition's jobs");
  rep->add_option("--format,-f", fr->format,
                  "text, csv, json, or a report format: md, latex, model-card, sci, html")
      ->capture_default_str();
  rep->add_option("--output,-o", fr->output, "Write to FILE instead of standard output");
  add_ledger_option(rep, &fr->ledger);
  set_callback(rep, ctx, [&ctx, fr] { return run_report(ctx, *fr); });

  auto fj = std::make_shared<JobFlags>();
  CLI::App* job = slurm->add_subcommand("job",
                                        "One Slurm job: its per-node tracked runs merged (energy summed, "
                                        "each node's share) and its accounting");
  job->add_option("JOBID", fj->job, "The job id (123, 123_4, 123+0)")->required();
  job->add_option("--cluster", fj->cluster, "The cluster, when several share the ledger");
  job->add_option("--format,-f", fj->format, "text or json")->capture_default_str();
  job->add_flag("--record", fj->record, "Also record the merged run in the ledger (id slurm-JOBID)");
  add_ledger_option(job, &fj->ledger);
  set_callback(job, ctx, [fj] { return run_job(*fj); });
}

}  // namespace carbonscope::cli
