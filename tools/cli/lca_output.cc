// Text and Markdown views of a life-cycle breakdown: parts with shares and ranges,
// then every entry with how it was obtained, then per-request figures of inference.
#include "lca_output.h"

#include <sstream>

#include <fmt/format.h>

#include "carbonscope/format.h"

namespace carbonscope::cli {
namespace {

std::string mass(const Range<Emissions>& r) {
  if (r.is_exact()) return format_emissions(r.central);
  return fmt::format("{} ({} to {})", format_emissions(r.central), format_emissions(r.low), format_emissions(r.high));
}

std::string energy(const Range<Energy>& r) {
  if (r.is_exact()) return format_energy(r.central);
  return fmt::format("{} ({} to {})", format_energy(r.central), format_energy(r.low), format_energy(r.high));
}

std::string ratio(const Range<double>& r) {
  if (r.is_exact()) return fmt::format("{:.2f}", r.central);
  return fmt::format("{:.2f} ({:.2f} to {:.2f})", r.central, r.low, r.high);
}

std::string intensity(const Range<CarbonIntensity>& r) {
  const auto g = [](CarbonIntensity c) { return format_number(c.g_per_kwh(), 4); };
  if (r.is_exact()) return g(r.central) + " g/kWh";
  return fmt::format("{} g/kWh ({} to {})", g(r.central), g(r.low), g(r.high));
}

std::string how(const Provenance& p) {
  std::string out(method_name(p.method));
  if (!p.detail.empty()) out += ": " + p.detail;
  if (!p.region.empty()) out += ", " + p.region;
  if (p.year != 0) out += fmt::format(" {}", p.year);
  if (!p.source_id.empty()) out += fmt::format(" [{}]", p.source_id);
  return out;
}

// A table cell: '|' would end the cell.
std::string cell(std::string s) {
  for (std::size_t i = s.find('|'); i != std::string::npos; i = s.find('|', i + 2)) s.replace(i, 1, "\\|");
  return s;
}

std::string percent(double share) { return fmt::format("{:.1f}%", share * 100); }

std::string title(const LcaResult& r, const std::string& path) {
  return r.project.empty() ? path : fmt::format("{} ({})", r.project, path);
}

}  // namespace

std::string render_lca_text(const LcaResult& r, const std::string& path) {
  std::ostringstream out;
  out << "carbonscope lca: " << title(r, path) << "\n\n";
  out << fmt::format("  {:<12}{:>8}  {}\n", "Part", "Share", "Emissions CO2e (low to high)");
  for (const LcaPartTotal& p : r.parts) {
    out << fmt::format("  {:<12}{:>8}  {}\n", lca_part_name(p.part), percent(p.share), mass(p.emissions));
  }
  out << fmt::format("  {:<12}{:>8}  {}\n", "Total", "100%", mass(r.emissions));
  out << fmt::format("  {:<12}{:>8}  {}\n\n", "Electricity", "", energy(r.facility_energy));

  out << "  Entries\n";
  for (const LcaLine& l : r.lines) {
    out << fmt::format("    {:<10} {:<36} {:>7}  {}\n", lca_part_name(l.part), l.name, percent(l.share),
                       mass(l.emissions));
    if (!l.detail.empty()) out << fmt::format("      {}\n", l.detail);
    out << fmt::format("      {}\n", how(l.provenance));
    if (l.part == LcaPart::kEmbodied) continue;
    out << fmt::format("      energy {} x PUE {} = {}\n", energy(l.energy), ratio(l.pue->value),
                       energy(l.facility_energy));
    out << fmt::format("      PUE {}\n", how(l.pue->provenance));
    out << fmt::format("      intensity {}, {}\n", intensity(l.intensity->value), how(l.intensity->provenance));
    if (l.requests) {
      out << fmt::format("      per request: {}, {} CO2e; per 1,000 requests: {}, {} CO2e ({} requests)\n",
                         energy(l.facility_energy_per_request), mass(l.emissions_per_request),
                         energy(l.facility_energy_per_request.scaled(1000)),
                         mass(l.emissions_per_request.scaled(1000)), format_number(*l.requests, 9));
    }
  }
  if (!r.notes.empty()) {
    out << "\n  Notes\n";
    for (const std::string& n : r.notes) out << "    - " << n << "\n";
  }
  return out.str();
}

std::string render_lca_markdown(const LcaResult& r, const std::string& path) {
  std::ostringstream out;
  const auto row = [](const Range<Emissions>& m) {
    return fmt::format("{} | {} | {}", format_emissions(m.central), format_emissions(m.low), format_emissions(m.high));
  };
  out << "# Life-cycle footprint: " << title(r, path) << "\n\n";
  out << "| Part | Emissions (CO2e) | Low | High | Share |\n|---|---:|---:|---:|---:|\n";
  for (const LcaPartTotal& p : r.parts) {
    out << fmt::format("| {} | {} | {} |\n", lca_part_name(p.part), row(p.emissions), percent(p.share));
  }
  out << fmt::format("| **Total** | **{}** | {} | {} | 100% |\n\n", format_emissions(r.emissions.central),
                     format_emissions(r.emissions.low), format_emissions(r.emissions.high));
  out << "## Entries\n\n";
  out << "| Part | Entry | Facility energy | PUE | Intensity | Emissions | Low | High | Share | How |\n"
         "|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n";
  for (const LcaLine& l : r.lines) {
    const bool embodied = l.part == LcaPart::kEmbodied;
    std::string detail = l.detail.empty() ? how(l.provenance) : l.detail + "; " + how(l.provenance);
    if (!embodied) {
      detail += "; PUE " + how(l.pue->provenance) + "; intensity " + how(l.intensity->provenance);
    }
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", lca_part_name(l.part), cell(l.name),
                       embodied ? "" : energy(l.facility_energy), embodied ? "" : ratio(l.pue->value),
                       embodied ? "" : intensity(l.intensity->value), row(l.emissions), percent(l.share), cell(detail));
  }
  bool header = false;
  for (const LcaLine& l : r.lines) {
    if (!l.requests) continue;
    if (!header) {
      out << "\n## Inference per request\n\n| Deployment | Requests | Energy per request | CO2e per request | "
             "Energy per 1,000 | CO2e per 1,000 |\n|---|---:|---:|---:|---:|---:|\n";
      header = true;
    }
    out << fmt::format("| {} | {} | {} | {} | {} | {} |\n", l.name, format_number(*l.requests, 9),
                       energy(l.facility_energy_per_request), mass(l.emissions_per_request),
                       energy(l.facility_energy_per_request.scaled(1000)), mass(l.emissions_per_request.scaled(1000)));
  }
  if (!r.notes.empty()) {
    out << "\n## Notes\n\n";
    for (const std::string& n : r.notes) out << "- " << n << "\n";
  }
  out << "\nRanges are interval bounds (docs/methodology-lca.md); shares use central values.\n";
  return out.str();
}

}  // namespace carbonscope::cli
