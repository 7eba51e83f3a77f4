// `carbonscope lca PROJECT.toml`: the life cycle of a project (embodied, dynamic, idle
// and infrastructure, inference) from a project file, as text, Markdown or JSON.
#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "carbonscope/json.h"
#include "carbonscope/lca.h"
#include "carbonscope/ledger.h"
#include "carbonscope/project.h"
#include "carbonscope/terminal.h"
#include "command.h"
#include "lca_output.h"
#include "ledger_options.h"

namespace carbonscope::cli {
namespace {

struct LcaOptions {
  std::string path;
  std::string ledger;
  std::string format = "text";
  bool json = false;
};

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error(fmt::format("cannot read project file '{}': check the path", path));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Ledger runs named by a project file (ledger_runs = [...], ledger_tag = "..."). The
// ledger is opened read-only, and only when the file asks for runs.
RunSource ledger_run_source(const std::string& path) {
  return [path](const RunQuery& q) -> Result<std::vector<Report>> {
    CS_ASSIGN_OR_RETURN(Ledger ledger, Ledger::open(path, {Ledger::Mode::kReadOnly, 15000}));
    std::vector<Report> out;
    for (const std::string& id : q.ids) {
      CS_ASSIGN_OR_RETURN(Report r, ledger.get(id));
      out.push_back(std::move(r));
    }
    if (!q.tag.empty()) {
      RunFilter f;
      f.tags = {q.tag};
      CS_ASSIGN_OR_RETURN(std::vector<Report> tagged, ledger.reports(f));
      print_ledger_warnings(ledger);
      for (Report& r : tagged) out.push_back(std::move(r));
    }
    return out;
  };
}

Status run_lca(const Context& ctx, const LcaOptions& o) {
  CS_ASSIGN_OR_RETURN(auto data, load_data(ctx));
  CS_ASSIGN_OR_RETURN(const std::string text, read_file(o.path));
  CS_ASSIGN_OR_RETURN(const LcaInputs inputs, parse_project(text, o.path, *data, ledger_run_source(resolve_ledger_path(o.ledger))));
  CS_ASSIGN_OR_RETURN(const LcaResult result, compute_lca(inputs));
  for (const double v : {result.facility_energy.high.kwh(), result.emissions.high.kg()}) {
    if (!std::isfinite(v) || v > 1e12) {
      return Status::invalid_argument(fmt::format(
          "{}: the totals come to more than 1 PWh or 1 Gt CO2e: check the counts and figures of the file "
          "(requests, instances, energy_per_request, device_hours)", o.path));
    }
  }
  const std::string format = o.json ? "json" : o.format;
  if (format == "json") std::cout << lca_json(result, 2) << "\n";
  else if (format == "md") std::cout << render_lca_markdown(result, o.path);
  else std::cout << render_lca_text(result, o.path, static_cast<std::size_t>(terminal_width()));
  return {};
}

}  // namespace

void add_lca_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<LcaOptions>();
  CLI::App* cmd = app.add_subcommand(
      "lca", "Life cycle of a project: embodied, dynamic, idle and inference emissions from a project file");
  cmd->add_option("project", opts->path, "Project file (TOML; see docs/reference/project-file.md)")->required();
  cmd->add_option("--format", opts->format, "Output: text (default), md or json")
      ->check(CLI::IsMember({"text", "md", "json"}));
  cmd->add_flag("--json", opts->json, "Same as --format json (schema carbonscope.lca/1)");
  add_ledger_option(cmd, &opts->ledger);
  cmd->callback([opts, &ctx] {
    const Status s = run_lca(ctx, *opts);
    if (!s.ok()) ctx.exit_code = report_error(s);
  });
}

}  // namespace carbonscope::cli
