// `carbonscope report RUN... [--format ...]`: renders one or many runs of the ledger
// (ids, 'last', or a filter) as text, Markdown, LaTeX, a model card, an SCI score,
// a self-contained HTML page or JSON.
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "carbonscope/ledger.h"
#include "carbonscope/limits.h"
#include "carbonscope/parse.h"
#include "carbonscope/report_render.h"
#include "carbonscope/terminal.h"
#include "command.h"
#include "ledger_options.h"
#include "report_counterfactual.h"
#include "report_defaults.h"

namespace carbonscope::cli {
namespace {

struct ReportFlags {
  std::vector<std::string> ids;
  std::string ledger;
  FilterFlags filter;
  std::string format = "text";
  std::string output;
  double functional_units = 1;
  std::string functional_unit = "run";
  std::optional<double> embodied_kg;
  std::string training_type;
  std::vector<std::string> compare;
  bool notes = false;
};

Result<RegionIntensity> parse_compare(const std::string& pair) {
  const auto eq = pair.find('=');
  if (eq == std::string::npos || eq == 0) {
    return Status::invalid_argument(fmt::format(
        "--compare-intensity '{}': write REGION=INTENSITY, e.g. FR=55 or PL=0.65kg/kWh", pair));
  }
  auto ci = parse_intensity(pair.substr(eq + 1));
  if (!ci.ok()) return ci.status().with_context("--compare-intensity");
  return RegionIntensity{pair.substr(0, eq), *ci, "given (--compare-intensity)", ""};
}

Result<ReportBundle> gather(const DataSet& data, const ReportFlags& f) {
  if (!f.ids.empty() && has_filter(f.filter)) {
    return Status::invalid_argument("give run ids or a filter (--project, --tag, ...), not both");
  }
  if (f.ids.empty() && !has_filter(f.filter)) {
    return Status::invalid_argument("which runs? give run ids, 'last', or a filter such as --project NAME");
  }
  CS_ASSIGN_OR_RETURN(Ledger ledger, Ledger::open(resolve_ledger_path(f.ledger), {Ledger::Mode::kReadOnly, 15000}));
  ReportBundle b;
  if (!f.ids.empty()) {
    CS_RETURN_IF_ERROR(gather_runs(ledger, f.ids, b));
  } else {
    CS_ASSIGN_OR_RETURN(RunFilter filter, to_filter(f.filter));
    CS_RETURN_IF_ERROR(gather_runs(ledger, filter, b));
    print_ledger_warnings(ledger);
    if (b.runs.empty()) return Status::not_found("no runs match the filter: see 'carbonscope runs list'");
  }
  if (f.compare.empty()) {
    b.regions = default_comparison_regions(data);
  } else {
    for (const std::string& pair : f.compare) {
      CS_ASSIGN_OR_RETURN(RegionIntensity r, parse_compare(pair));
      b.regions.push_back(std::move(r));
    }
  }
  b.equivalents = default_equivalents(data);
  if (!(f.functional_units >= 1e-6 && f.functional_units <= kMaxCount)) {
    return Status::invalid_argument(
        fmt::format("--functional-unit must be a number from 1e-6 to 1e18, got {:g}", f.functional_units));
  }
  if (f.embodied_kg) {
    CS_RETURN_IF_ERROR(check_limit("the value", *f.embodied_kg, kMaxKg, "kg").with_context("--embodied-kg"));
  }
  b.sci.functional_units = f.functional_units;
  b.sci.functional_unit = f.functional_unit;
  if (f.embodied_kg) {
    b.sci.embodied = Emissions::kg(*f.embodied_kg);
    b.sci.embodied_given = true;
  }
  if (!f.training_type.empty() && f.training_type != "pre-training" && f.training_type != "fine-tuning") {
    return Status::invalid_argument("--training-type: use pre-training or fine-tuning");
  }
  b.training_type = f.training_type;
  b.method_notes = f.notes;
  b.text_width = static_cast<std::size_t>(terminal_width());
  return b;
}

Status run_report(const Context& ctx, const ReportFlags& f) {
  CS_ASSIGN_OR_RETURN(std::shared_ptr<const DataSet> data, load_data(ctx));
  CS_ASSIGN_OR_RETURN(ReportFormat format, parse_report_format(f.format));
  CS_ASSIGN_OR_RETURN(ReportBundle bundle, gather(*data, f));
  add_counterfactuals(ctx, *data, bundle);
  CS_ASSIGN_OR_RETURN(std::string text, render_report(bundle, format));
  return write_output(f.output, text);
}

}  // namespace

void add_report_command(CLI::App& app, Context& ctx) {
  auto f = std::make_shared<ReportFlags>();
  CLI::App* sub = app.add_subcommand("report", "Write a report of runs: paper text, LaTeX, model card, SCI, HTML, JSON");
  sub->add_option("RUN", f->ids, "Run ids (or unique prefixes, or 'last'); or use a filter instead");
  add_ledger_option(sub, &f->ledger);
  add_filter_options(sub, &f->filter);
  sub->add_option("--format,-f", f->format, "text, md, latex, model-card, sci, html or json")->capture_default_str();
  sub->add_option("--output,-o", f->output, "Write to FILE instead of standard output");
  sub->add_option("--functional-unit", f->functional_units, "SCI: number of functional units R (default 1)");
  sub->add_option("--functional-unit-name", f->functional_unit, "SCI: what R counts, e.g. 'inference' (default 'run')");
  sub->add_option("--embodied-kg", f->embodied_kg, "SCI: embodied emissions M in kg CO2e (default 0, not given)");
  sub->add_option("--training-type", f->training_type, "Model card: pre-training or fine-tuning");
  sub->add_flag("--notes", f->notes,
                "md/latex/html: add the method notes (formulas, run ids, recorded notes); text always has them");
  sub->add_option("--compare-intensity", f->compare,
                  "HTML/JSON: compare with REGION=g/kWh (repeatable; default: a built-in list from OWID 2023)");
  sub->callback([&ctx, f] {
    const Status s = run_report(ctx, *f);
    ctx.exit_code = s.ok() ? kExitOk : report_error(s);
  });
}

}  // namespace carbonscope::cli
