// `carbonscope slurm import|report|job`: the footprint of Slurm jobs from the cluster's
// accounting (sacct), grouped reports over them, and one job's per-node tracked runs
// merged into one. The work is in the library (carbonscope/slurm.h); this file parses
// options and prints.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "carbonscope/report_render.h"
#include "carbonscope/slurm.h"
#include "command.h"
#include "json_print.h"
#include "ledger_options.h"
#include "report_defaults.h"

namespace carbonscope::cli {
namespace {

void print_summary(const SlurmImportSummary& s) {
  std::cerr << fmt::format(
      "carbonscope: read {} jobs ({} rows) from {}: {} added, {} updated, {} unchanged\n", s.jobs_read,
      s.rows_read, s.from, s.added, s.updated, s.unchanged);
  std::cerr << fmt::format(
      "  energy {:.3f} kWh, {:.3f} kg CO2e: {} jobs measured by Slurm (acct_gather_energy), {} "
      "estimated from allocated TRES\n",
      s.energy_j / 3.6e6, s.kg, s.measured_jobs, s.estimated_jobs);
  std::cerr << fmt::format(
      "  wasted (failed, cancelled, timed-out, out-of-memory, node-fail jobs): {} jobs, {:.3f} kWh, "
      "{:.3f} kg CO2e\n",
      s.wasted_jobs, s.wasted_j / 3.6e6, s.wasted_kg);
  for (const std::string& n : s.notes) std::cerr << "  note: " << n << "\n";
  if (s.problem_count > 0) {
    std::cerr << fmt::format("carbonscope: {} rows skipped:\n", s.problem_count);
    for (const std::string& m : s.problems) std::cerr << "  " << m << "\n";
    if (s.problem_count > s.problems.size()) {
      std::cerr << fmt::format("  ... and {} more\n", s.problem_count - s.problems.size());
    }
  }
}

struct ImportFlags {
  SlurmImportOptions options;
  std::string ledger;
  bool quiet = false;
};

Status run_import(const Context& ctx, const ImportFlags& f) {
  CS_ASSIGN_OR_RETURN(std::shared_ptr<const DataSet> data, load_data(ctx));
  SlurmImportOptions o = f.options;
  o.ledger_path = resolve_ledger_path(f.ledger);
  if (o.input == "-") std::ios::sync_with_stdio(false);
  CS_ASSIGN_OR_RETURN(SlurmImportSummary s, import_slurm_jobs(std::move(data), o, std::cin));
  if (!f.quiet) print_summary(s);
  return Status::ok_status();
}

struct ReportFlags {
  SlurmReportOptions options;
  std::string ledger, output;
};

Status run_report(const Context& ctx, const ReportFlags& f) {
  SlurmReportOptions o = f.options;
  o.ledger_path = resolve_ledger_path(f.ledger);
  CS_ASSIGN_OR_RETURN(SlurmReport r, slurm_report(o));
  std::string text = std::move(r.table);
  if (o.format == "json") {
    text += "\n";
  } else if (o.format != "text" && o.format != "csv") {
    CS_ASSIGN_OR_RETURN(ReportFormat format, parse_report_format(o.format));
    CS_ASSIGN_OR_RETURN(std::shared_ptr<const DataSet> data, load_data(ctx));
    ReportBundle b;
    b.runs = std::move(r.groups);
    b.regions = default_comparison_regions(*data);
    b.equivalents = default_equivalents(*data);
    CS_ASSIGN_OR_RETURN(text, render_report(b, format));
  }
  return write_output(f.output, text);
}

struct JobFlags {
  SlurmJobOptions options;
  std::string ledger;
};

Status run_job(const JobFlags& f) {
  SlurmJobOptions o = f.options;
  o.ledger_path = resolve_ledger_path(f.ledger);
  CS_ASSIGN_OR_RETURN(std::string text, slurm_job_text(o));
  std::cout << text;
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
  imp->add_option("FILE", fi->options.input,
                  "Saved `sacct --parsable2` (with its header) or `sacct --json` output; '-' for standard "
                  "input; none: run sacct");
  imp->add_option("--cluster-file", fi->options.cluster_file,
                  "cluster.toml: each partition's CPU, GPU, PUE and place (docs/clusters.md)");
  imp->add_option("--cluster", fi->options.cluster,
                  "Cluster name for rows without a Cluster column (default: cluster.toml's, else 'slurm'); "
                  "passed to sacct --clusters");
  imp->add_option("--format", fi->options.format, "auto, parsable2 or json")->capture_default_str();
  add_ledger_option(imp, &fi->ledger);
  imp->add_option("--starttime,-S", fi->options.starttime, "sacct --starttime (when running sacct)");
  imp->add_option("--endtime,-E", fi->options.endtime, "sacct --endtime");
  imp->add_option("--user,-u", fi->options.user, "sacct --user");
  imp->add_option("--account,-A", fi->options.account, "sacct --account");
  imp->add_option("--partition,-r", fi->options.partition, "sacct --partition");
  imp->add_flag("--all-users,-a", fi->options.all_users, "sacct --allusers (administrators)");
  imp->add_option("--sacct", fi->options.sacct, "The sacct program to run")->capture_default_str();
  imp->add_option("--batch", fi->options.batch_jobs, "Jobs per transaction")->capture_default_str();
  imp->add_flag("--quiet,-q", fi->quiet, "Print no summary");
  set_callback(imp, ctx, [&ctx, fi] { return run_import(ctx, *fi); });

  auto fr = std::make_shared<ReportFlags>();
  CLI::App* rep = slurm->add_subcommand(
      "report", "Totals of imported Slurm jobs by user, account, partition or state, wasted energy apart");
  rep->add_option("--by", fr->options.by, "user, account, partition, state or cluster")->capture_default_str();
  rep->add_option("--since", fr->options.since, "Jobs that ended on or after this UTC date (YYYY-MM-DD)");
  rep->add_option("--until", fr->options.until, "Jobs that ended on or before this UTC date");
  rep->add_option("--cluster", fr->options.cluster, "Only this cluster's jobs");
  rep->add_option("--user", fr->options.user, "Only this user's jobs");
  rep->add_option("--account", fr->options.account, "Only this account's jobs");
  rep->add_option("--partition", fr->options.partition, "Only this partition's jobs");
  rep->add_option("--format,-f", fr->options.format,
                  "text, csv, json, or a report format: md, latex, model-card, sci, html")
      ->capture_default_str();
  rep->add_option("--output,-o", fr->output, "Write to FILE instead of standard output");
  add_ledger_option(rep, &fr->ledger);
  set_callback(rep, ctx, [&ctx, fr] { return run_report(ctx, *fr); });

  auto fj = std::make_shared<JobFlags>();
  CLI::App* job = slurm->add_subcommand("job",
                                        "One Slurm job: its per-node tracked runs merged (energy summed, "
                                        "each node's share) and its accounting");
  job->add_option("JOBID", fj->options.job, "The job id (123, 123_4, 123+0)")->required();
  job->add_option("--cluster", fj->options.cluster, "The cluster, when several share the ledger");
  job->add_option("--format,-f", fj->options.format, "text or json")->capture_default_str();
  job->add_flag("--record", fj->options.record, "Also record the merged run in the ledger (id slurm-JOBID)");
  add_ledger_option(job, &fj->ledger);
  set_callback(job, ctx, [fj] { return run_job(*fj); });
}

}  // namespace carbonscope::cli
