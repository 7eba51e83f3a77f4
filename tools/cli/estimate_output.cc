// Rendering of an estimate: a table for people that fits the terminal, JSON for
// programs. Every line says how its figure was obtained and from which source.
#include <sstream>

#include <fmt/format.h>

#include "carbonscope/format.h"
#include "carbonscope/json.h"
#include "carbonscope/text_layout.h"
#include "estimate_command.h"

namespace carbonscope::cli {
namespace {

struct Line {
  std::string label, value, how;
};

// Lines of one block as label, value and how-obtained columns within `width`: the
// how-obtained text wraps under itself (or onto the next lines when no room is left).
std::string block(const std::vector<Line>& lines, std::size_t indent, std::size_t width) {
  std::size_t lw = 0, vw = 0;
  for (const Line& l : lines) {
    lw = std::max(lw, text_width(l.label));
    if (!l.how.empty()) vw = std::max(vw, text_width(l.value));
  }
  const std::size_t used = indent + 2 + (vw > 0 ? vw + 2 : 0) + 8;
  lw = std::min(lw, width > used ? width - used + 8 : 8);
  std::string out;
  for (const Line& l : lines) {
    const std::string label = std::string(indent, ' ') + pad_right(ellipsize(l.label, lw), lw) + "  ";
    if (l.how.empty()) {
      out += prefixed_text(label, l.value, width, indent + 4);
    } else {
      out += prefixed_text(label + pad_right(l.value, vw) + "  ", l.how, width, indent + 4);
    }
  }
  return out;
}

std::string range_of_counts(const Range<double>& r) {
  if (r.is_exact()) return format_count(r.central);
  return fmt::format("{} ({} to {})", format_count(r.central), format_count(r.low), format_count(r.high));
}

std::string percent_range(const Range<double>& r) {
  if (r.is_exact()) return format_percent(r.central);
  return fmt::format("{} ({} to {})", format_percent(r.central), format_percent(r.low),
                     format_percent(r.high));
}

// A figure without a range says so: it is exact because it was given.
template <typename Q, typename F>
std::string ranged(const Range<Q>& r, F format) {
  return r.is_exact() ? format(r) + " (exact: given)" : format(r);
}

std::string energy_ranged(const Range<Energy>& r) { return ranged(r, format_energy_range); }
std::string emissions_ranged(const Range<Emissions>& r) { return ranged(r, format_emissions_range); }

// A PUE's range, or why it has none: given, no facility (a private machine), or none
// published.
std::string pue_text(const PueFigure& p) {
  if (!p.value.is_exact()) return format_number_range(p.value);
  if (p.provenance.method == Method::kGiven) return format_number(p.value.central) + " (exact: given)";
  if (p.value.central == 1.0) return "1 (exact: no facility)";
  return format_number(p.value.central) + " (no range published)";
}

const Assumption* find_assumption(const Report& rep, std::string_view name) {
  for (const Assumption& a : rep.assumptions) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

}  // namespace

std::string render_estimate_text(const EstimateResult& r, std::size_t width) {
  const Footprint& f = r.report.footprint;
  std::ostringstream out;
  out << "carbonscope estimate\n\n";
  std::vector<Line> head;
  if (r.machine != nullptr) {
    const Instance& m = *r.machine;
    std::string what = fmt::format("{} x {}", m.gpu_count, m.gpu);
    if (m.vcpus > 0) what += fmt::format(", {} vCPUs", m.vcpus);
    what += fmt::format(", {} GB", format_count(m.memory_gb));
    if (m.max_system_w) what += fmt::format(", {} W max", format_count(*m.max_system_w));
    head.push_back({m.kind == "node" ? "Node" : "Instance",
                    fmt::format("{}{} {}", r.machines == 1 ? "" : format_count(r.machines) + " x ", m.name,
                                m.provider.empty() ? "" : "(" + m.provider + ")"),
                    fmt::format("{} [{}]", what, m.source_id)});
  }
  if (const auto wall = implied_wall_time(r.spec)) {
    std::string v = format_duration(*wall);
    if (wall->count() > 86400) v += fmt::format(" = {} h", format_count(hours(*wall)));
    std::string how;
    if (r.spec.device_hours) how = fmt::format("{} device-hours", format_count(*r.spec.device_hours));
    head.push_back({"Duration", v, how});
  }
  if (r.spec.compute) {
    const ComputeDemand& c = *r.spec.compute;
    const Range<Duration> t = c.device_time();
    head.push_back({"Compute", fmt::format("{:.3g} FLOPs", c.flops.count()), c.formula});
    head.push_back(
        {"Throughput",
         fmt::format("{} TFLOP/s dense {} per device", format_number(c.peak.tflops()), c.precision),
         fmt::format("x MFU {} ({})", percent_range(c.mfu.value),
                     c.mfu.provenance.method == Method::kGiven ? "given" : "evidence: " + c.mfu.evidence)});
    head.push_back({"Device-hours", range_of_counts({hours(t.central), hours(t.low), hours(t.high)}), ""});
  }
  if (const Assumption* share = find_assumption(r.report, "power_share_of_tdp")) {
    head.push_back({"Power", fmt::format("{} of TDP", percent_range(share->value)),
                    fmt::format("measured average while {} [{}]", r.workload, share->provenance.source_id)});
  } else if (r.utilisation_given) {
    head.push_back({"Utilisation", format_percent(r.spec.utilisation), "given"});
  }
  head.push_back({"Location", r.location.label, ""});
  out << block(head, 2, width) << "\n";

  out << "  Energy\n";
  std::vector<Line> energy;
  for (const ComponentEnergy& c : f.components) {
    energy.push_back({pad_right(c.component, 3) + " " + c.label, energy_ranged(c.energy),
                      describe_provenance(c.provenance)});
  }
  if (!r.host.counted && r.host.would_add) {
    energy.push_back({"host not counted", "-",
                      fmt::format("CPUs, memory, NICs, fans: about {} more; add with --whole-node, or give the "
                                  "machine with --instance or --node",
                                  format_energy_range(*r.host.would_add))});
  }
  out << block(energy, 4, width);
  out << block({{"IT equipment", energy_ranged(f.it_energy), ""},
                {"x PUE", pue_text(f.pue), describe_provenance(f.pue.provenance)},
                {"Facility", energy_ranged(f.facility_energy), ""}},
               4, width)
      << "\n";
  std::vector<Line> grid = {
      {"Intensity",
       f.intensity.provenance.method == Method::kGiven ? ranged(f.intensity.value, format_intensity_range)
                                                       : format_intensity_range(f.intensity.value),
       describe_provenance(f.intensity.provenance)},
      {"Emissions", emissions_ranged(f.emissions),
       fmt::format("location-based (the grid's average), {} lb", format_number(f.emissions.central.lb()))}};
  if (r.market_based) {
    const MarketBased& mb = *r.market_based;
    grid.push_back({"Market-based", emissions_ranged(mb.emissions),
                    fmt::format("location-based x (1 - {} carbon-free energy, {}); a simplification, not the "
                                "footprint",
                                format_percent(mb.cfe_share),
                                mb.provenance.method == Method::kGiven
                                    ? "given"
                                    : mb.provenance.detail + " [" + mb.provenance.source_id + "]")});
  }
  out << block(grid, 2, width);

  if (r.price_per_kwh) {
    const auto cost = [&](Energy e) { return format_number(e.kwh() * *r.price_per_kwh); };
    const Range<Energy>& e = f.facility_energy;
    out << block({{"Electricity",
                   e.is_exact() ? cost(e.central) + " (exact: given)"
                                : fmt::format("{} ({} to {})", cost(e.central), cost(e.low), cost(e.high)),
                   fmt::format("facility energy x {} per kWh (given); cloud cost needs your hourly rate",
                               format_number(*r.price_per_kwh))}},
                 2, width);
  }
  if (r.requests) {
    const double k = 1.0 / *r.requests;
    out << block({{"Per request",
                   fmt::format("{}, {}", energy_ranged(f.facility_energy.scaled(k)),
                               emissions_ranged(f.emissions.scaled(k))),
                   ""},
                  {"Per 1,000",
                   fmt::format("{}, {}", energy_ranged(f.facility_energy.scaled(k * 1000)),
                               emissions_ranged(f.emissions.scaled(k * 1000))),
                   ""},
                  {"Requests", format_count(*r.requests), ""}},
                 2, width);
  }
  std::vector<Line> equivalents;
  for (const EquivalentValue& e : r.equivalents) {
    if (is_readable_amount(e.amount))
      equivalents.push_back({format_number(e.amount), "x", e.equivalent->name});
  }
  if (!equivalents.empty()) out << "\n  As much as\n" << block(equivalents, 4, width);
  if (!r.alternatives.empty()) {
    out << "\n  The same job in the cleanest comparable regions\n";
    std::vector<Line> alternatives;
    for (const Alternative& a : r.alternatives) {
      const Emissions m = a.emissions.central;
      const double ratio = f.emissions.central.grams() > 0 ? m / f.emissions.central : 0;
      alternatives.push_back({a.label, format_co2e(m),
                              fmt::format("{}, {} of here", format_intensity(a.intensity.value.central),
                                          format_percent(ratio))});
    }
    out << block(alternatives, 4, width);
  }
  if (!r.report.notes.empty()) {
    out << "\n  Notes\n";
    for (const std::string& n : r.report.notes) out << wrap_paragraph("- " + n, width, 4, 6);
  }
  return out.str();
}

std::string render_estimate_json(const EstimateResult& r) { return estimate_json(r, 2) + "\n"; }

}  // namespace carbonscope::cli
