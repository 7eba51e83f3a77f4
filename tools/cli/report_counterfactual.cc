// The counterfactuals of a report's runs (carbonscope/counterfactual.h), with their power series.
#include "report_counterfactual.h"

#include <iostream>
#include <optional>

#include "carbonscope/counterfactual.h"
#include "hourly_options.h"

namespace carbonscope::cli {
namespace {

std::vector<std::pair<double, double>> total_power(const std::vector<PowerSample>& samples) {
  std::vector<std::pair<double, double>> out;
  out.reserve(samples.size());
  for (const PowerSample& s : samples) out.emplace_back(s.t_s, s.power.watts());
  return out;
}

}  // namespace

void add_counterfactuals(const Context& ctx, const DataSet& data, ReportBundle& b) {
  auto hourly = load_hourly(ctx);
  if (!hourly.ok()) {
    std::cerr << "carbonscope: warning: no counterfactuals in this report: " << hourly.status().message()
              << "\n";
    return;
  }
  std::size_t done = 0;
  for (const Report& r : b.runs) {
    if (done++ >= kMaxCounterfactualRuns) break;
    const auto it = b.samples.find(r.run.id);
    std::optional<Counterfactual> c = run_counterfactual(
        data, **hourly, r,
        it == b.samples.end() ? std::vector<std::pair<double, double>>{} : total_power(it->second));
    if (c) b.counterfactuals[r.run.id] = std::move(*c);
  }
}

}  // namespace carbonscope::cli
