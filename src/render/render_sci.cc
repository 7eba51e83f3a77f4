// The `sci` report format: the Green Software Foundation's Software Carbon Intensity,
// SCI = ((E x I) + M) / R (accounting/sci.h), with each term and where it comes from.
#include <fmt/format.h>

#include "carbonscope/format.h"
#include "render/report_render.h"

namespace carbonscope {

std::string render_sci(const ReportView& view) {
  const RunTotals& t = view.totals;
  const SciScore& s = view.sci;
  const SciInput& in = view.bundle.sci;
  std::string out = "Software Carbon Intensity (Green Software Foundation SCI specification)\n\n";
  out += fmt::format("  E  energy            {}   facility energy of {} run{} (IT energy x PUE)\n",
                     format_energy(s.energy.central), t.runs, t.runs == 1 ? "" : "s");
  out += fmt::format("  I  carbon intensity  {}   {}\n", format_intensity(s.intensity),
                     fmt::join(t.intensity_how, "; "));
  out += fmt::format("  O  = E x I           {}\n", format_emissions_range(s.operational));
  out += fmt::format("  M  embodied          {}   {}\n", format_co2e(s.embodied),
                     in.embodied_given ? "given (--embodied-kg)" : "not given: pass --embodied-kg to include it");
  out += fmt::format("  R  functional units  {} {}\n", format_count(in.functional_units), in.functional_unit);
  out += fmt::format("\n  SCI = (O + M) / R = {} per {}\n", format_emissions_range(s.per_unit), in.functional_unit);
  out += fmt::format("  ({} gCO2e per {})\n", format_number(s.per_unit.central.grams()), in.functional_unit);
  return out;
}

}  // namespace carbonscope
