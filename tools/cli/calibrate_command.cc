// `carbonscope calibrate`: runs published cases through `estimate`, typed the way a reader
// of the paper would type them, and reports how often the range contains the published
// figure and how far the central value lands from it (docs/validation.md).
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "command.h"
#include "json_print.h"

namespace carbonscope::cli {

extern const std::string_view kCalibrationCases;

namespace {

struct Outcome {
  std::string id, kind, quantity, note, error;
  double published = 0, central = 0, low = 0, high = 0;
  // To the published rounding: a figure printed with 3 to 4 significant digits stands for
  // +/-0.5% around it.
  bool contained() const { return error.empty() && low <= published * 1.005 && published * 0.995 <= high; }
  double relative_error() const { return central / published - 1; }
  double width() const { return central > 0 ? (high - low) / central : 0; }
};

struct Options {
  std::string cases;
  bool json = false, check = false;
  double min_coverage = 0.9, max_median_error = 0.25;
};

// Runs `estimate ARGS --json` in-process through the real command and parses its output.
Result<nlohmann::json> run_case(const Context& ctx, const std::vector<std::string>& args) {
  CLI::App app;
  Context inner;
  inner.data_dir = ctx.data_dir;
  add_estimate_command(app, inner);
  std::vector<std::string> argv = {"estimate"};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back("--json");
  std::reverse(argv.begin(), argv.end());
  std::ostringstream out, err;
  std::streambuf* old_out = std::cout.rdbuf(out.rdbuf());
  std::streambuf* old_err = std::cerr.rdbuf(err.rdbuf());
  std::string failure;
  try {
    app.parse(argv);
  } catch (const CLI::ParseError& e) {
    failure = e.what();
  }
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  if (!failure.empty()) return Status::invalid_argument(failure);
  if (inner.exit_code != 0) return Status::invalid_argument(err.str());
  try {
    return nlohmann::json::parse(out.str());
  } catch (const nlohmann::json::exception& e) {
    return Status::data_error(e.what());
  }
}

// "emissions_kg" (a top-level figure of estimate --json) or a JSON pointer into it
// ("/estimate/per_request/facility_energy_wh", "/estimate/assumptions/compute/device_hours").
const nlohmann::json& figure(const nlohmann::json& j, const std::string& quantity) {
  return quantity.starts_with('/') ? j.at(nlohmann::json::json_pointer(quantity)) : j.at(quantity);
}

// "per_request/facility_energy_wh" -> "facility_energy_wh per request": the unit in a table.
std::string quantity_label(const std::string& q) {
  const std::size_t slash = q.rfind('/');
  std::string label = slash == std::string::npos ? q : q.substr(slash + 1);
  if (q.find("per_request") != std::string::npos) label += " per request";
  return label;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string percent(double v) { return fmt::format("{:+.0f}%", v * 100); }

}  // namespace

void add_calibrate_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<Options>();
  CLI::App* cmd =
      app.add_subcommand("calibrate", "Check estimates against published figures (docs/validation.md)");
  cmd->add_option("--cases", o->cases,
                  "Case file (JSON, schema carbonscope.calibration/1); default: the built-in cases");
  cmd->add_flag("--json", o->json, "Print the per-case results and the summary as JSON");
  cmd->add_flag("--check", o->check, "Exit 1 when coverage or median error miss their targets");
  cmd->add_option("--min-coverage", o->min_coverage,
                  "Target share of ranges containing the figure; default 0.9");
  cmd->add_option("--max-median-error", o->max_median_error,
                  "Target median |error| of the central value; default 0.25");
  cmd->callback([o, &ctx] {
    std::string text(kCalibrationCases);
    if (!o->cases.empty()) {
      std::ifstream in(o->cases);
      if (!in) {
        ctx.exit_code = report_error(Status::not_found(fmt::format("--cases: cannot read {}", o->cases)));
        return;
      }
      text.assign(std::istreambuf_iterator<char>(in), {});
    }
    nlohmann::json doc;
    try {
      doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
      ctx.exit_code = report_error(Status::data_error(fmt::format("--cases: {}", e.what())));
      return;
    }
    std::vector<Outcome> outcomes;
    for (const auto& c : doc.value("cases", nlohmann::json::array())) {
      Outcome r;
      r.id = c.value("id", "");
      r.kind = c.value("kind", "");
      r.note = c.value("note", "");
      r.quantity = c["published"].value("quantity", "emissions_kg");
      r.published = c["published"].value("value", 0.0);
      auto j = run_case(ctx, c.value("args", std::vector<std::string>{}));
      if (!j.ok()) {
        r.error = j.status().message();
      } else {
        try {
          const nlohmann::json& f = figure(*j, r.quantity);
          r.central = f.at("central").get<double>();
          r.low = f.at("low").get<double>();
          r.high = f.at("high").get<double>();
        } catch (const nlohmann::json::exception& e) {
          r.error = fmt::format("no figure '{}' in the estimate: {}", r.quantity, e.what());
        }
      }
      outcomes.push_back(std::move(r));
    }
    std::vector<double> errors, widths;
    std::size_t contained = 0;
    const Outcome* worst = nullptr;
    for (const Outcome& r : outcomes) {
      if (!r.error.empty()) continue;
      errors.push_back(std::fabs(r.relative_error()));
      widths.push_back(r.width());
      contained += r.contained() ? 1 : 0;
      if (worst == nullptr || std::fabs(r.relative_error()) > std::fabs(worst->relative_error())) worst = &r;
    }
    // Coverage and median error per kind of case (training, fine-tuning, inference).
    struct KindSummary {
      std::size_t cases = 0, contained = 0;
      std::vector<double> errors;
    };
    std::map<std::string, KindSummary> kinds;
    for (const Outcome& r : outcomes) {
      KindSummary& k = kinds[r.kind.empty() ? "unknown" : r.kind];
      ++k.cases;
      if (!r.error.empty()) continue;
      k.contained += r.contained() ? 1 : 0;
      k.errors.push_back(std::fabs(r.relative_error()));
    }
    const double n = static_cast<double>(outcomes.size());
    const double coverage = n > 0 ? static_cast<double>(contained) / n : 0;
    const double med = median(errors);
    const bool pass =
        coverage >= o->min_coverage && med <= o->max_median_error && errors.size() == outcomes.size();
    if (o->json) {
      nlohmann::json out = {{"cases", nlohmann::json::array()}};
      for (const Outcome& r : outcomes) {
        nlohmann::json jc = {{"id", r.id},       {"kind", r.kind}, {"quantity", r.quantity},
                             {"published", r.published}, {"central", r.central}, {"low", r.low},
                             {"high", r.high},           {"contained", r.contained()}};
        if (!r.note.empty()) jc["note"] = r.note;
        if (r.error.empty())
          jc["relative_error"] = r.relative_error();
        else
          jc["error"] = r.error;
        out["cases"].push_back(std::move(jc));
      }
      out["summary"] = {{"cases", outcomes.size()},
                        {"coverage", coverage},
                        {"median_abs_error", med},
                        {"worst_error", worst ? worst->relative_error() : 0.0},
                        {"worst_case", worst ? worst->id : ""},
                        {"median_range_width", median(widths)},
                        {"pass", pass}};
      for (const auto& [kind, k] : kinds) {
        out["summary"]["by_kind"][kind] = {
            {"cases", k.cases},
            {"coverage", k.cases ? static_cast<double>(k.contained) / static_cast<double>(k.cases) : 0.0},
            {"median_abs_error", median(k.errors)}};
      }
      std::cout << json_print(out) << "\n";
    } else {
      std::cout << "| case | kind | published | estimate (low to high) | error | in range | note |\n"
                   "|---|---|---:|---:|---:|:-:|---|\n";
      for (const Outcome& r : outcomes) {
        const std::string published = fmt::format("{:.4g} {}", r.published, quantity_label(r.quantity));
        if (!r.error.empty()) {
          std::cout << fmt::format("| {} | {} | {} | failed: {} | | no | {} |\n", r.id, r.kind, published, r.error,
                                   r.note);
          continue;
        }
        std::cout << fmt::format("| {} | {} | {} | {:.4g} ({:.4g} to {:.4g}) | {} | {} | {} |\n", r.id, r.kind,
                                 published, r.central, r.low, r.high, percent(r.relative_error()),
                                 r.contained() ? "yes" : "**no**", r.note);
      }
      std::cout << fmt::format(
          "\n{} cases: range contains the published figure in {:.0f}% (target >= {:.0f}%); median |error| of the "
          "central value {:.0f}% (target <= {:.0f}%); worst {} ({}); median range width {:.0f}% of the central "
          "value.\n",
          outcomes.size(), coverage * 100, o->min_coverage * 100, med * 100, o->max_median_error * 100,
          worst ? percent(worst->relative_error()) : "-", worst ? worst->id : "-", median(widths) * 100);
      for (const auto& [kind, k] : kinds) {
        std::cout << fmt::format("- {}: {} cases, {} in range ({:.0f}%), median |error| {:.0f}%\n", kind, k.cases,
                                 k.contained, k.cases ? 100.0 * static_cast<double>(k.contained) / static_cast<double>(k.cases) : 0.0,
                                 median(k.errors) * 100);
      }
    }
    if (o->check && !pass) ctx.exit_code = kExitFailure;
  });
}

}  // namespace carbonscope::cli
