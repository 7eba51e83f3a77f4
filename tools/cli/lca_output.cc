// Text and Markdown views of a life-cycle breakdown: parts with shares and ranges,
// then every entry with how it was obtained, then per-request figures of inference.
#include "lca_output.h"

#include <sstream>

#include <fmt/format.h>

#include "carbonscope/format.h"
#include "sinks/text_layout.h"

namespace carbonscope::cli {
namespace {

// A zero is written in the unit of `like` (the total): "0 t" next to "24.7 t".
std::string mass(const Range<Emissions>& r, Emissions like = {}) {
  if (r.central.grams() == 0 && like.grams() != 0) return format_emissions_like(r.central, like);
  if (r.is_exact()) return format_emissions(r.central);
  return fmt::format("{} ({} to {})", format_emissions(r.central), format_emissions_like(r.low, r.central),
                     format_emissions_like(r.high, r.central));
}

std::string energy(const Range<Energy>& r) {
  if (r.is_exact()) return format_energy(r.central);
  return fmt::format("{} ({} to {})", format_energy(r.central), format_energy_like(r.low, r.central),
                     format_energy_like(r.high, r.central));
}

std::string ratio(const Range<double>& r) { return format_number_range(r); }

std::string intensity(const Range<CarbonIntensity>& r) {
  if (r.is_exact()) return format_intensity(r.central);
  return fmt::format("{} ({} to {})", format_intensity(r.central), format_number(r.low.g_per_kwh()),
                     format_number(r.high.g_per_kwh()));
}

std::string how(const Provenance& p) { return describe_provenance(p); }

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

std::string render_lca_text(const LcaResult& r, const std::string& path, std::size_t width) {
  std::ostringstream out;
  out << ellipsize("carbonscope lca: " + title(r, path), width) << "\n\n";
  out << fmt::format("  {:<12}{:>8}  {}\n", "Part", "Share", "Emissions CO2e (low to high)");
  for (const LcaPartTotal& p : r.parts) {
    out << fmt::format("  {:<12}{:>8}  {}\n", lca_part_name(p.part), percent(p.share),
                       mass(p.emissions, r.emissions.central));
  }
  out << fmt::format("  {:<12}{:>8}  {}\n", "Total", "100%", mass(r.emissions));
  out << fmt::format("  {:<12}{:>8}  {}\n\n", "Electricity", "", energy(r.facility_energy));

  // An entry's first line: part, name (shortened to fit), share, emissions.
  std::size_t name_width = 8;
  for (const LcaLine& l : r.lines) name_width = std::max(name_width, text_width(l.name));
  const auto indented = [&](const std::string& text) { return wrap_paragraph(text, width, 6, 8); };
  out << "  Entries\n";
  for (const LcaLine& l : r.lines) {
    const std::string tail = fmt::format("{:>7}  {}", percent(l.share), mass(l.emissions, r.emissions.central));
    const std::size_t fixed = 4 + 11 + 1 + tail.size();
    const std::size_t w = std::min(name_width, width > fixed + 8 ? width - fixed : 8);
    out << fmt::format("    {:<10} {} {}\n", lca_part_name(l.part), pad_right(ellipsize(l.name, w), w), tail);
    if (!l.detail.empty()) out << indented(l.detail);
    out << indented(how(l.provenance));
    if (l.part == LcaPart::kEmbodied) continue;
    out << indented(fmt::format("energy {} x PUE {} = {}", energy(l.energy), ratio(l.pue->value),
                                energy(l.facility_energy)));
    out << indented("PUE " + how(l.pue->provenance));
    out << indented(fmt::format("intensity {}, {}", intensity(l.intensity->value), how(l.intensity->provenance)));
    if (l.requests) {
      out << indented(fmt::format("per request: {}, {} CO2e; per 1,000 requests: {}, {} CO2e ({} requests)",
                                  energy(l.facility_energy_per_request), mass(l.emissions_per_request),
                                  energy(l.facility_energy_per_request.scaled(1000)),
                                  mass(l.emissions_per_request.scaled(1000)), format_count(*l.requests)));
    }
  }
  if (!r.notes.empty()) {
    out << "\n  Notes\n";
    for (const std::string& n : r.notes) out << wrap_paragraph("- " + n, width, 4, 6);
  }
  return out.str();
}

std::string render_lca_markdown(const LcaResult& r, const std::string& path) {
  std::ostringstream out;
  const auto row = [&r](const Range<Emissions>& m) {  // a zero in the unit of the total
    const Emissions like = m.central.grams() == 0 ? r.emissions.central : m.central;
    return fmt::format("{} | {} | {}", format_emissions_like(m.central, like), format_emissions_like(m.low, like),
                       format_emissions_like(m.high, like));
  };
  out << "# Life-cycle footprint: " << title(r, path) << "\n\n";
  out << "| Part | Emissions (CO2e) | Low | High | Share |\n|---|---:|---:|---:|---:|\n";
  for (const LcaPartTotal& p : r.parts) {
    out << fmt::format("| {} | {} | {} |\n", lca_part_name(p.part), row(p.emissions), percent(p.share));
  }
  out << fmt::format("| **Total** | **{}** | {} | {} | 100% |\n\n", format_emissions(r.emissions.central),
                     format_emissions_like(r.emissions.low, r.emissions.central),
                     format_emissions_like(r.emissions.high, r.emissions.central));
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
    out << fmt::format("| {} | {} | {} | {} | {} | {} |\n", l.name, format_count(*l.requests),
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
