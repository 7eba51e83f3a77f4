// Rendering of an estimate: a table for people, JSON for programs. Every line says how
// its figure was obtained and from which source.
#include <sstream>

#include <fmt/format.h>

#include "carbonscope/format.h"
#include "estimate_command.h"
#include "sinks/estimate_json.h"

namespace carbonscope::cli {
namespace {

std::string how(const Provenance& p) {
  std::string out(method_name(p.method));
  if (!p.detail.empty()) out += ": " + p.detail;
  if (!p.region.empty() && p.method == Method::kReference) out += fmt::format(", {}", p.region);
  if (p.year != 0) out += fmt::format(" {}", p.year);
  if (!p.source_id.empty()) {
    out += fmt::format(" [{}]", p.source_id);
  }
  return out;
}

template <typename Q, typename F>
std::string range_text(const Range<Q>& r, F fmt_one) {
  if (r.is_exact()) return fmt_one(r.central);
  return fmt::format("{} (range {} to {})", fmt_one(r.central), fmt_one(r.low), fmt_one(r.high));
}

std::string intensity_text(CarbonIntensity c) { return format_number(c.g_per_kwh(), 4) + " g/kWh"; }

}  // namespace

std::string render_estimate_text(const EstimateResult& r) {
  const Footprint& f = r.report.footprint;
  std::ostringstream out;
  out << "carbonscope estimate\n\n";
  if (const auto wall = implied_wall_time(r.spec)) {
    out << fmt::format("  {:<14}{}", "Duration", format_duration(*wall));
    if (wall->count() > 86400) out << fmt::format(" = {} h", format_number(hours(*wall), 4));
    if (r.spec.device_hours) out << fmt::format(" ({} device-hours)", format_number(*r.spec.device_hours, 7));
    out << "\n";
  }
  if (r.spec.compute) {
    const ComputeDemand& c = *r.spec.compute;
    const Range<Duration> t = c.device_time();
    out << fmt::format("  {:<14}{:.3g} FLOPs = {}\n", "Compute", c.flops.count(), c.formula);
    out << fmt::format("  {:<14}{} TFLOP/s dense {} per device x MFU {}\n", "Throughput",
                       format_number(c.peak.tflops(), 4), c.precision,
                       range_text(c.mfu.value, [](double v) { return fmt::format("{:.0f}%", v * 100); }) +
                           (c.mfu.provenance.method == Method::kGiven ? " (given)" : " (default)"));
    out << fmt::format("  {:<14}{}\n", "Device-hours",
                       range_text(Range<double>{hours(t.central), hours(t.low), hours(t.high)},
                                  [](double h) { return format_number(h, 4); }));
  }
  if (!r.spec.devices.empty()) {
    out << fmt::format("  {:<14}{:.0f}%{}\n", "Utilisation", r.spec.utilisation * 100,
                       r.utilisation_given ? " (given)" : " (default: full rated power)");
  }
  out << fmt::format("  {:<14}{}\n\n", "Location", r.location.label);

  out << "  Energy\n";
  for (const ComponentEnergy& c : f.components) {
    out << fmt::format("    {:<8}{:<34}{:>16}  {}\n", c.component, c.label, format_energy(c.energy.central),
                       how(c.provenance));
  }
  out << fmt::format("    {:<42}{:>16}\n", "IT equipment", range_text(f.it_energy, format_energy));
  out << fmt::format("    {:<42}{:>16}  {}\n", "x PUE", range_text(f.pue.value, [](double v) {
                       return fmt::format("{:.2f}", v);
                     }), how(f.pue.provenance));
  out << fmt::format("    {:<42}{:>16}\n\n", "Facility", range_text(f.facility_energy, format_energy));
  out << fmt::format("  {:<14}{}  {}\n", "Intensity", range_text(f.intensity.value, intensity_text),
                     how(f.intensity.provenance));
  out << fmt::format("  {:<14}{} CO2e", "Emissions", range_text(f.emissions, format_emissions));
  out << fmt::format(" ({} lb)\n", format_number(f.emissions.central.lb(), 4));

  if (r.requests) {
    const double k = 1.0 / *r.requests;
    out << fmt::format("  {:<14}{} and {} CO2e per request; {} and {} CO2e per 1,000 requests ({} requests)\n",
                       "Per request", range_text(f.facility_energy.scaled(k), format_energy),
                       range_text(f.emissions.scaled(k), format_emissions),
                       range_text(f.facility_energy.scaled(k * 1000), format_energy),
                       range_text(f.emissions.scaled(k * 1000), format_emissions), format_number(*r.requests, 9));
  }
  if (!r.equivalents.empty()) {
    out << "\n  As much as\n";
    for (const EquivalentValue& e : r.equivalents) {
      out << fmt::format("    {:>12} x {}\n", format_number(e.amount, 3), e.equivalent->name);
    }
  }
  if (!r.alternatives.empty()) {
    out << "\n  The same job in the cleanest comparable regions\n";
    const Energy it = f.it_energy.central;
    for (const Alternative& a : r.alternatives) {
      const Emissions m = it * a.pue.value.central * a.intensity.value.central;
      const double ratio = f.emissions.central.grams() > 0 ? m / f.emissions.central : 0;
      out << fmt::format("    {:<40}{:>12}  {:>10}  ({:.0f}% of here)\n", a.label, format_emissions(m),
                         intensity_text(a.intensity.value.central), ratio * 100);
    }
  }
  if (!r.report.notes.empty()) {
    out << "\n  Notes\n";
    for (const std::string& n : r.report.notes) out << "    - " << n << "\n";
  }
  return out.str();
}

std::string render_estimate_json(const EstimateResult& r) { return estimate_to_json(r).dump(2) + "\n"; }

}  // namespace carbonscope::cli
