// The `model-card` report format: Hugging Face's `co2_eq_emissions` metadata block
// (emissions in grams; source, training_type, geographical_location, hardware_used),
// plus YAML comments with the figures the Hub schema has no field for.
#include <algorithm>

#include <fmt/format.h>

#include "carbonscope/format.h"
#include "render/report_render.h"

namespace carbonscope {
namespace {

// A double-quoted YAML scalar: escapes backslash, quote and control characters.
std::string yaml_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

// A YAML number: the 3 significant figures of format_number, without its thousands
// separators (which would make the value a string).
std::string yaml_number(double v) {
  std::string s = format_number(v);
  s.erase(std::remove(s.begin(), s.end(), ','), s.end());
  return s;
}

}  // namespace

std::string render_model_card(const ReportView& view) {
  const ReportBundle& bundle = view.bundle;
  const RunTotals& t = view.totals;
  std::string out = "co2_eq_emissions:\n";
  out += fmt::format("  emissions: {}\n", yaml_number(t.emissions.central.grams()));
  out += fmt::format("  source: {}\n", yaml_string(bundle.tool));
  if (!bundle.training_type.empty()) {
    out += fmt::format("  training_type: {}\n", yaml_string(bundle.training_type));
  } else {
    out += "  # training_type: \"pre-training\" or \"fine-tuning\" (set it with --training-type)\n";
  }
  if (!t.regions.empty()) {
    out += fmt::format("  geographical_location: {}\n", yaml_string(fmt::format("{}", fmt::join(t.regions, ", "))));
  }
  if (!t.hardware.empty()) {
    out += fmt::format("  hardware_used: {}\n", yaml_string(fmt::format("{}", fmt::join(t.hardware, "; "))));
  }
  out += "# Emissions are in grams of CO2-equivalent, as the Hugging Face Hub expects.\n";
  out += fmt::format("# Range: {} to {} g CO2e over {} run{}.\n", format_number(t.emissions.low.grams()),
                     format_number(t.emissions.high.grams()), t.runs, t.runs == 1 ? "" : "s");
  out += fmt::format("# Energy: {} at the IT equipment, {} at the facility (PUE {}).\n",
                     format_energy(t.it_energy.central), format_energy(t.facility_energy.central),
                     t.pue_min == t.pue_max ? format_number(t.pue_min)
                                            : fmt::format("{} to {}", format_number(t.pue_min), format_number(t.pue_max)));
  out += fmt::format("# Carbon intensity: {} ({}).\n", format_intensity(t.effective_intensity()),
                     one_line(fmt::format("{}", fmt::join(t.intensity_how, "; "))));
  std::size_t estimates = 0;
  std::vector<std::string> assumptions;
  for (const Report& r : bundle.runs) {
    if (r.run.kind != RunKind::kEstimate) continue;
    ++estimates;
    for (const Assumption& a : r.assumptions) {
      const std::string text = fmt::format("{} {} ({})", a.name == "mfu" ? "MFU" : a.name, format_percent(a.value.central),
                                           method_name(a.provenance.method));
      if (std::find(assumptions.begin(), assumptions.end(), text) == assumptions.end()) assumptions.push_back(text);
    }
  }
  out += fmt::format("# Duration: {}{}.\n", format_duration(t.duration), estimates == t.runs ? " (given)" : "");
  if (estimates > 0) {
    out += fmt::format("# {}: estimated from the given hardware and duration, not measured{}.\n",
                       estimates == t.runs ? (estimates > 1 ? "Estimates" : "An estimate")
                                           : fmt::format("{} of the {} runs {} estimate{}", estimates, t.runs,
                                                         estimates > 1 ? "are" : "is an", estimates > 1 ? "s" : ""),
                       assumptions.empty() ? "" : fmt::format("; assumed {}", fmt::join(assumptions, ", ")));
  }
  return out;
}

}  // namespace carbonscope
