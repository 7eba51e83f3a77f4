// Status line drawing.
#include "live_status.h"

#include "carbonscope/format.h"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

namespace carbonscope::cli {
namespace {

bool on_terminal(bool quiet) { return !quiet && ::isatty(STDERR_FILENO) == 1; }

std::string clock_text(double s) {
  const int t = static_cast<int>(s);
  return fmt::format("{:02d}:{:02d}:{:02d}", t / 3600, t / 60 % 60, t % 60);
}

}  // namespace

std::function<void(const Snapshot&)> live_status_line(bool quiet) {
  if (!on_terminal(quiet)) return {};
  return [last = -1.0](const Snapshot& s) mutable {
    if (last >= 0 && s.elapsed.count() - last < 0.5) return;
    last = s.elapsed.count();
    std::fputs(fmt::format("\r\033[Kcarbonscope {}  {:.1f} W  {:.4g} Wh  {:.4g} g CO2e{}", clock_text(s.elapsed.count()),
                           s.power.watts(), s.energy.wh(), s.emissions.grams(), s.estimated ? " (estimate)" : "")
                   .c_str(),
               stderr);
    std::fflush(stderr);
  };
}

void end_live_status(bool quiet) {
  if (on_terminal(quiet)) std::fputs("\r\033[K", stderr);
}

std::string summary_line(const Report& r, const std::string& report_path) {
  const Footprint& f = r.footprint;
  bool estimated = false;
  for (const ComponentEnergy& c : f.components) estimated = estimated || c.provenance.method == Method::kEstimated;
  std::string out = fmt::format("carbonscope: {}, {}, {} CO2e (range {} to {}) at {} g/kWh ({}){}",
                                format_duration(r.run.duration), format_energy(f.facility_energy.central),
                                format_emissions(f.emissions.central), format_emissions(f.emissions.low),
                                format_emissions(f.emissions.high), format_number(f.intensity.value.central.g_per_kwh(), 3),
                                method_name(f.intensity.provenance.method),
                                estimated ? "; partly estimated by a model" : "");
  if (!report_path.empty()) out += fmt::format("\ncarbonscope: report {}", report_path);
  return out;
}

}  // namespace carbonscope::cli
