// `carbonscope runs list|show|compare|export|rm|import`: the run ledger from the
// command line. Thin: parses options and calls Ledger and the sinks.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "carbonscope/format.h"
#include "carbonscope/json.h"
#include "carbonscope/ledger.h"
#include "carbonscope/location.h"
#include "carbonscope/report_render.h"
#include "carbonscope/run_compare.h"
#include "carbonscope/terminal.h"
#include "carbonscope/text_layout.h"
#include "command.h"
#include "json_print.h"
#include "ledger_options.h"

namespace carbonscope::cli {
namespace {

// `runs list` shows the newest runs unless --all or --limit says otherwise: a ledger of
// years of runs answers at once, and the note says how to see more.
constexpr std::size_t kDefaultListLimit = 100;

struct RunsFlags {
  std::string ledger;
  FilterFlags filter;
  bool json = false;
  bool all = false;  // runs list --all
  std::vector<std::string> ids;
  std::vector<std::string> files;
  std::string format = "csv";
  std::string output;
};

Result<Ledger> open_ledger(const RunsFlags& f, Ledger::Mode mode) {
  return Ledger::open(resolve_ledger_path(f.ledger), {mode, 15000});
}

std::string status_text(const RunSummary& r) {
  std::string s = r.complete ? "complete" : "incomplete";
  if (r.exit_code && *r.exit_code != 0) s += fmt::format(" (exit {})", *r.exit_code);
  return s;
}

nlohmann::json summary_json(const RunSummary& r) {
  return {{"id", r.id}, {"kind", std::string(run_kind_name(r.kind))}, {"project", r.project},
          {"tags", r.tags}, {"host", r.host}, {"region", r.region}, {"hardware", r.hardware},
          {"start", iso8601_utc(r.start_unix)}, {"end", iso8601_utc(r.end_unix)},
          {"duration_s", r.duration.count()},
          {"exit_code", r.exit_code ? nlohmann::json(*r.exit_code) : nlohmann::json(nullptr)},
          {"complete", r.complete}, {"energy_kwh", r.energy.kwh()}, {"emissions_kg", r.emissions.kg()}};
}

// A run whose stored figures are absurd (see RunSummary::problem) is listed with
// "invalid" figures and named once on stderr.
void warn_invalid(const RunSummary& r) {
  if (r.problem.empty()) return;
  std::cerr << fmt::format("carbonscope: warning: run {} has an invalid stored figure ({}): remove it with "
                           "'carbonscope runs rm {}' and import a corrected report\n", r.id, r.problem, r.id);
}

// Text listing in two streaming passes over the ledger (column widths, then lines),
// so that listing 100,000 runs holds no run in memory and stays under 200 ms.
Status list_runs(const RunsFlags& f) {
  CS_ASSIGN_OR_RETURN(RunFilter filter, to_filter(f.filter));
  const bool capped = !f.all && filter.limit == 0;
  if (capped) filter.limit = kDefaultListLimit;
  std::size_t listed = 0;
  const auto note_cap = [&] {
    if (capped && listed == kDefaultListLimit) {
      std::cerr << fmt::format("carbonscope: showing the newest {} runs; --all lists every match, --limit N the newest N\n",
                               kDefaultListLimit);
    }
  };
  CS_ASSIGN_OR_RETURN(Ledger ledger, open_ledger(f, Ledger::Mode::kReadOnly));
  std::string out;
  const auto flush = [&out](bool force) {
    if (force || out.size() > (1u << 16)) {
      std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
      out.clear();
    }
  };
  if (f.json) {
    out = "[";
    bool first = true;
    CS_RETURN_IF_ERROR(ledger.visit(filter, [&](const RunSummary& r) {
      out += first ? "\n  " : ",\n  ";
      nlohmann::json j = summary_json(r);
      if (!r.problem.empty()) {
        for (const char* k : {"duration_s", "energy_kwh", "emissions_kg"}) j[k] = nullptr;
        j["problem"] = r.problem;
        warn_invalid(r);
      }
      out += json_print(j, -1);
      first = false;
      ++listed;
      flush(false);
    }));
    out += first ? "]\n" : "\n]\n";
    flush(true);
    note_cap();
    return std::cout.flush() ? Status::ok_status() : Status::io_error("cannot write to standard output");
  }
  // Columns: every cell of a bounded list is measured first; an unbounded list streams
  // with ids' and projects' widths from one aggregate query and the other columns at
  // their usual widths. Then the columns fit the terminal, in this order: PROJECT gives
  // up space; START goes (a run id starts with its start time); KIND goes and an
  // estimate or monitor says so in STATUS; STATUS is shortened. COMMAND (bounded lists
  // only) takes what is left. A value longer than its column ends in "...", so every
  // line has the same layout.
  const std::size_t width = static_cast<std::size_t>(terminal_width());
  enum Col { kId, kStart, kKind, kProject, kDuration, kEnergy, kEmissions, kStatus, kCommand, kCols };
  const std::array<std::string, kCols> header = {"ID",     "START (UTC)", "KIND",   "PROJECT", "DURATION",
                                                 "ENERGY", "CO2E",        "STATUS", "COMMAND"};
  using Row = std::array<std::string, kCols>;
  bool kind_in_status = false;
  const auto fill = [&kind_in_status](const RunSummary& r, std::string command) {
    const std::string start = format_utc_minute(r.start_unix);
    std::string status = status_text(r);
    if (kind_in_status && r.kind != RunKind::kRun) {
      status = r.complete ? std::string(run_kind_name(r.kind)) : fmt::format("{}, {}", run_kind_name(r.kind), status);
    }
    Row row{r.id, start.substr(0, std::min<std::size_t>(start.size(), 16)), std::string(run_kind_name(r.kind)),
            r.project, format_duration(r.duration), format_energy(r.energy), format_emissions(r.emissions),
            status, std::move(command)};
    if (!r.problem.empty()) {
      row[kDuration] = row[kEnergy] = row[kEmissions] = "invalid";
      warn_invalid(r);
    }
    return row;
  };
  std::array<std::size_t, kCols> w{};
  for (std::size_t i = 0; i < kCols; ++i) w[i] = header[i].size();
  std::vector<RunSummary> runs;
  std::vector<std::string> commands;
  const bool bounded = filter.limit > 0;
  if (bounded) {
    CS_ASSIGN_OR_RETURN(runs, ledger.list(filter));
    for (const RunSummary& r : runs) {
      std::string command;
      if (r.kind != RunKind::kEstimate) {
        if (Result<Report> full = ledger.get(r.id); full.ok()) command = fmt::format("{}", fmt::join(full->run.command, " "));
      }
      const Row row = fill(r, command);
      commands.push_back(std::move(command));
      for (std::size_t i = 0; i < kCols; ++i) w[i] = std::max(w[i], text_width(row[i]));
    }
  } else {
    CS_ASSIGN_OR_RETURN(const auto widths, ledger.id_and_project_widths(filter));
    const std::array<std::size_t, kCols> usual = {widths.first, 16, 8, widths.second, 11, 13, 13, 21, 0};
    for (std::size_t i = 0; i < kCols; ++i) w[i] = std::max(w[i], usual[i]);
  }
  std::array<bool, kCols> shown{};
  shown.fill(true);
  shown[kCommand] = false;
  const auto total = [&] {
    std::size_t t = 0, n = 0;
    for (std::size_t i = 0; i < kCols; ++i) {
      if (shown[i]) t += w[i] + (n++ > 0 ? 2 : 0);
    }
    return t;
  };
  const std::size_t project_natural = w[kProject];
  const auto shrink = [&](Col c, std::size_t floor) {
    if (total() > width && w[c] > floor) w[c] -= std::min(w[c] - floor, total() - width);
  };
  shrink(kProject, 16);
  if (total() > width) shown[kStart] = false;
  if (total() > width) {
    shown[kKind] = false;
    kind_in_status = true;
    for (const RunSummary& r : runs) {
      if (r.kind != RunKind::kRun) w[kStatus] = std::max(w[kStatus], text_width(fill(r, "")[kStatus]));
    }
  }
  shrink(kProject, std::max<std::size_t>(8, header[kProject].size()));
  shrink(kStatus, 12);
  while (total() > width) {  // tiny figures or a narrow terminal: the widest value column gives
    std::size_t widest = kCols;
    for (std::size_t i = kProject; i < kCommand; ++i) {
      if (shown[i] && w[i] > std::max<std::size_t>(header[i].size(), 6) && (widest == kCols || w[i] > w[widest])) {
        widest = i;
      }
    }
    if (widest == kCols) break;
    --w[widest];
  }
  if (total() < width) w[kProject] = std::min(project_natural, w[kProject] + (width - total()));
  if (bounded && w[kCommand] > header[kCommand].size() && total() + 2 + 12 <= width) {
    shown[kCommand] = true;
    w[kCommand] = std::min(w[kCommand], width - (total() - w[kCommand]));
  }
  std::vector<Row> rows;
  for (std::size_t i = 0; i < runs.size(); ++i) rows.push_back(fill(runs[i], commands[i]));
  std::size_t count = 0;
  const auto append = [&](const Row& cells) {
    std::string line;
    for (std::size_t i = 0; i < kCols; ++i) {
      if (shown[i]) line += pad_right(ellipsize(cells[i], w[i]), w[i]) + "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
    flush(false);
  };
  append(header);
  if (bounded) {
    for (const Row& r : rows) append(r);
    count = rows.size();
  } else {
    CS_RETURN_IF_ERROR(ledger.visit(filter, [&](const RunSummary& r) {
      append(fill(r, ""));
      ++count;
    }));
  }
  if (count == 0) out = "no runs match (see 'carbonscope runs list --help' for filters)\n";
  flush(true);
  listed = count;
  note_cap();
  return std::cout.flush() ? Status::ok_status() : Status::io_error("cannot write to standard output");
}

Status show_run(const RunsFlags& f) {
  CS_ASSIGN_OR_RETURN(Ledger ledger, open_ledger(f, Ledger::Mode::kReadOnly));
  for (const std::string& id : f.ids) {
    CS_ASSIGN_OR_RETURN(Report report, ledger.get(id));
    if (f.json) {
      CS_RETURN_IF_ERROR(write_output("", report_json(report, 2) + "\n"));
      continue;
    }
    const RunInfo& run = report.run;
    std::string out = fmt::format("run       {}\nkind      {}\nproject   {}\ntags      {}\ncommand   {}\nhost      {}\n"
                                  "start     {}\nend       {}\nstatus    {}{}\n\n",
                                  run.id, run_kind_name(run.kind), run.project, fmt::join(run.tags, ", "),
                                  fmt::join(run.command, " "), run.host, iso8601_utc(run.start_unix),
                                  iso8601_utc(run.end_unix), run.complete ? "complete" : "incomplete",
                                  run.exit_code ? fmt::format(", exit code {}", *run.exit_code) : "");
    ReportBundle bundle;
    bundle.runs = {report};
    bundle.text_width = static_cast<std::size_t>(terminal_width());
    CS_ASSIGN_OR_RETURN(std::string text, render_report(bundle, ReportFormat::kText));
    out += text;
    if (report.inference) {
      out += "\nInference (per request; docs/inference.md)\n";
      for (const std::string& line : inference_lines(*report.inference, report.footprint)) out += "  " + line + "\n";
    }
    CS_RETURN_IF_ERROR(write_output("", out));
  }
  return Status::ok_status();
}

Status compare_runs(const RunsFlags& f) {
  if (f.ids.size() < 2) return Status::invalid_argument("runs compare needs at least two run ids (or 'last')");
  CS_ASSIGN_OR_RETURN(Ledger ledger, open_ledger(f, Ledger::Mode::kReadOnly));
  std::vector<Report> reports;
  for (const std::string& id : f.ids) {
    CS_ASSIGN_OR_RETURN(Report r, ledger.get(id));
    reports.push_back(std::move(r));
  }
  if (f.json) {
    std::vector<RunRecord> runs;  // without their power series
    for (const Report& r : reports) runs.push_back({r, {}});
    return write_output("", runs_export_text(runs, 2) + "\n");
  }
  const std::vector<std::vector<std::string>> rows = compare_rows(reports);
  std::vector<std::size_t> w(reports.size() + 1, 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) w[i] = std::max(w[i], row[i].size());
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) line += fmt::format("{:<{}}  ", row[i], w[i]);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return write_output("", out);
}

Status export_runs(const RunsFlags& f) {
  if (f.format != "csv" && f.format != "json") {
    return Status::invalid_argument(fmt::format("unknown export format '{}': use csv or json", f.format));
  }
  CS_ASSIGN_OR_RETURN(RunFilter filter, to_filter(f.filter));
  CS_ASSIGN_OR_RETURN(Ledger ledger, open_ledger(f, Ledger::Mode::kReadOnly));
  CS_ASSIGN_OR_RETURN(std::vector<Report> reports, ledger.reports(filter));
  print_ledger_warnings(ledger);
  if (f.format == "csv") {
    // Runs recorded before reports carried their Place get it from their location label.
    if (auto data = DataSet::builtin(); data.ok()) {
      for (Report& r : reports) {
        if (r.run.place.zone.empty() && r.run.place.cloud_provider.empty()) {
          r.run.place = place_from_label(**data, r.run.region);
        }
      }
    }
    return write_output(f.output, codecarbon_csv(reports));
  }
  std::vector<RunRecord> runs;
  for (Report& r : reports) {
    CS_ASSIGN_OR_RETURN(std::vector<PowerSample> samples, ledger.samples(r.run.id));
    runs.push_back({std::move(r), std::move(samples)});
  }
  return write_output(f.output, runs_export_text(runs, 2) + "\n");
}

// The .json files of a record directory, sorted (run ids sort by start time).
Result<std::vector<std::string>> record_files_in(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".json") out.push_back(e.path().string());
  }
  if (ec) return Status::io_error(fmt::format("cannot list {}: {}", dir, ec.message()));
  std::sort(out.begin(), out.end());
  return out;
}

Status remove_runs(const RunsFlags& f) {
  CS_ASSIGN_OR_RETURN(Ledger ledger, open_ledger(f, Ledger::Mode::kReadWrite));
  for (const std::string& id : f.ids) {
    CS_ASSIGN_OR_RETURN(std::string full, ledger.resolve(id));
    CS_RETURN_IF_ERROR(ledger.remove(full));
    std::cout << "removed " << full << "\n";
  }
  return Status::ok_status();
}

// Each file is all-or-nothing: its runs, with their samples, in one transaction. A
// directory (LEDGER.records, written where the ledger is on a network filesystem) is
// merged: each of its .json files, skipping runs the ledger already holds, so merging
// it again adds nothing.
Status import_runs(const RunsFlags& f) {
  std::random_device rd;
  CS_ASSIGN_OR_RETURN(Ledger ledger, open_ledger(f, Ledger::Mode::kReadWrite));
  for (const std::string& arg : f.files) {
    const bool merge = std::filesystem::is_directory(arg);
    std::vector<std::string> files = {arg};
    if (merge) {
      CS_ASSIGN_OR_RETURN(files, record_files_in(arg));
    }
    for (const std::string& file : files) {
      std::ifstream in(file, std::ios::binary);
      if (!in) return Status::not_found(fmt::format("cannot read {}: check the path", file));
      std::stringstream ss;
      ss << in.rdbuf();
      Result<std::vector<RunRecord>> runs = read_runs_file(file, ss.str(), rd());
      if (!runs.ok()) return runs.status();
      if (merge) {
        std::erase_if(*runs, [&](const RunRecord& r) { return ledger.get(r.report.run.id).ok(); });
        if (runs->empty()) continue;
      }
      Status added = ledger.append_runs(*runs);
      if (!added.ok()) return added.with_context(fmt::format("{} (nothing of it was imported)", file));
      for (const RunRecord& run : *runs) std::cout << "imported " << run.report.run.id << "\n";
    }
  }
  return Status::ok_status();
}

void on_run(CLI::App* sub, Context& ctx, const std::shared_ptr<RunsFlags>& flags, Status (*fn)(const RunsFlags&)) {
  sub->callback([&ctx, flags, fn] {
    const Status s = fn(*flags);
    ctx.exit_code = s.ok() ? kExitOk : report_error(s);
  });
}

}  // namespace

void add_runs_command(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<RunsFlags>();
  CLI::App* runs = app.add_subcommand("runs", "List, show, compare, export, remove and import recorded runs");
  runs->require_subcommand(1);

  CLI::App* list = runs->add_subcommand("list", "List runs, newest first");
  add_ledger_option(list, &flags->ledger);
  add_filter_options(list, &flags->filter);
  list->add_flag("--json", flags->json, "Print JSON");
  list->add_flag("--all", flags->all, "Every matching run (default: the newest 100)");
  on_run(list, ctx, flags, list_runs);

  CLI::App* show = runs->add_subcommand("show", "Show runs in full");
  show->add_option("RUN", flags->ids, "Run id, unique prefix, or 'last'")->required();
  add_ledger_option(show, &flags->ledger);
  show->add_flag("--json", flags->json, "Print the report JSON (carbonscope.report/1)");
  on_run(show, ctx, flags, show_run);

  CLI::App* compare = runs->add_subcommand("compare", "Compare runs side by side");
  compare->add_option("RUN", flags->ids, "Two or more run ids (or prefixes, or 'last')")->required();
  add_ledger_option(compare, &flags->ledger);
  compare->add_flag("--json", flags->json, "Print JSON");
  on_run(compare, ctx, flags, compare_runs);

  CLI::App* exp = runs->add_subcommand("export", "Export runs as CSV (CodeCarbon layout) or JSON");
  add_ledger_option(exp, &flags->ledger);
  add_filter_options(exp, &flags->filter);
  exp->add_option("--format", flags->format, "csv (CodeCarbon emissions.csv columns) or json (carbonscope.runs/1)");
  exp->add_option("--output,-o", flags->output, "Write to FILE instead of standard output");
  on_run(exp, ctx, flags, export_runs);

  CLI::App* rm = runs->add_subcommand("rm", "Remove runs from the ledger");
  rm->add_option("RUN", flags->ids, "Run ids (or unique prefixes)")->required();
  add_ledger_option(rm, &flags->ledger);
  on_run(rm, ctx, flags, remove_runs);

  CLI::App* imp = runs->add_subcommand("import", "Add runs from report JSON files or CodeCarbon emissions.csv files to the ledger");
  imp->add_option("FILE", flags->files,
                  "carbonscope.report/1 or carbonscope.runs/1 JSON files, emissions.csv (CodeCarbon, any version), "
                  "or a LEDGER.records directory")
      ->required();
  add_ledger_option(imp, &flags->ledger);
  on_run(imp, ctx, flags, import_runs);
}

}  // namespace carbonscope::cli
