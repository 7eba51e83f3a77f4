// Text and Markdown views of a life-cycle breakdown: parts with shares and ranges,
// then every entry with how it was obtained, then per-request figures of inference.
#include "lca_output.h"

#include <sstream>

#include <fmt/format.h>

#include "carbonscope/format.h"
#include "carbonscope/text_layout.h"

namespace carbonscope::cli {
namespace {

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
                       format_mass_range(p.emissions, r.emissions.central));
  }
  out << fmt::format("  {:<12}{:>8}  {}\n", "Total", "100%", format_mass_range(r.emissions));
  out << fmt::format("  {:<12}{:>8}  {}\n\n", "Electricity", "", format_energy_range(r.facility_energy));

  // An entry's first line: part, name (shortened to fit), share, emissions.
  std::size_t name_width = 8;
  for (const LcaLine& l : r.lines) name_width = std::max(name_width, text_width(l.name));
  const auto indented = [&](const std::string& text) { return wrap_paragraph(text, width, 6, 8); };
  out << "  Entries\n";
  for (const LcaLine& l : r.lines) {
    const std::string tail = fmt::format("{:>7}  {}", percent(l.share), format_mass_range(l.emissions, r.emissions.central));
    const std::size_t fixed = 4 + 11 + 1 + tail.size();
    const std::size_t w = std::min(name_width, width > fixed + 8 ? width - fixed : 8);
    out << fmt::format("    {:<10} {} {}\n", lca_part_name(l.part), pad_right(ellipsize(l.name, w), w), tail);
    if (!l.detail.empty()) out << indented(l.detail);
    out << indented(describe_provenance(l.provenance));
    if (l.part == LcaPart::kEmbodied) continue;
    out << indented(fmt::format("energy {} x PUE {} = {}", format_energy_range(l.energy), format_number_range(l.pue->value),
                                format_energy_range(l.facility_energy)));
    out << indented("PUE " + describe_provenance(l.pue->provenance));
    out << indented(fmt::format("intensity {}, {}", format_intensity_range(l.intensity->value), describe_provenance(l.intensity->provenance)));
    if (l.requests) {
      out << indented(fmt::format("per request: {}, {} CO2e; per 1,000 requests: {}, {} CO2e ({} requests)",
                                  format_energy_range(l.facility_energy_per_request), format_mass_range(l.emissions_per_request),
                                  format_energy_range(l.facility_energy_per_request.scaled(1000)),
                                  format_mass_range(l.emissions_per_request.scaled(1000)), format_count(*l.requests)));
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
    std::string detail = l.detail.empty() ? describe_provenance(l.provenance) : l.detail + "; " + describe_provenance(l.provenance);
    if (!embodied) {
      detail += "; PUE " + describe_provenance(l.pue->provenance) + "; intensity " + describe_provenance(l.intensity->provenance);
    }
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", lca_part_name(l.part), markdown_cell(l.name),
                       embodied ? "" : format_energy_range(l.facility_energy), embodied ? "" : format_number_range(l.pue->value),
                       embodied ? "" : format_intensity_range(l.intensity->value), row(l.emissions), percent(l.share), markdown_cell(detail));
  }
  bool header = false;
  for (const LcaLine& l : r.lines) {
    if (!l.requests) continue;
    if (!header) {
      out << "\n## Inference per request\n\n| Deployment | Requests | Energy per request | CO2e per request | "
             "Energy per 1,000 | CO2e per 1,000 |\n|---|---:|---:|---:|---:|---:|\n";
      header = true;
    }
    out << fmt::format("| {} | {} | {} | {} | {} | {} |\n", markdown_cell(l.name), format_count(*l.requests),
                       format_energy_range(l.facility_energy_per_request), format_mass_range(l.emissions_per_request),
                       format_energy_range(l.facility_energy_per_request.scaled(1000)), format_mass_range(l.emissions_per_request.scaled(1000)));
  }
  if (!r.notes.empty()) {
    out << "\n## Notes\n\n";
    for (const std::string& n : r.notes) out << "- " << n << "\n";
  }
  out << "\nRanges are interval bounds (docs/methodology-lca.md); shares use central values.\n";
  return out.str();
}

}  // namespace carbonscope::cli
