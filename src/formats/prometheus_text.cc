// Prometheus text format: escapes, values and the families of the live figures.
#include "formats/prometheus_text.h"

#include <cmath>
#include <iterator>

#include <fmt/format.h>

#include "carbonscope/footprint.h"
#include "carbonscope/utf8.h"

namespace carbonscope {
namespace {

struct Family {
  const char* name;
  const char* type;
  const char* help;
};

constexpr Family kJoules{
    "carbonscope_node_joules_total", "counter",
    "Energy drawn by each counted domain (IT energy, before PUE) since the tracker started. "
    "The domains do not overlap: sum by (component) is the node's total."};
constexpr Family kWatts{"carbonscope_node_watts", "gauge",
                        "Power of each counted domain over the last interval."};
constexpr Family kGrams{
    "carbonscope_node_co2e_grams_total", "counter",
    "Emissions of each domain's energy since the tracker started: energy x PUE x grid carbon "
    "intensity, in grams of CO2-equivalent."};
constexpr Family kSamples{"carbonscope_samples_total", "counter", "Samples taken since the tracker started."};
constexpr Family kPue{"carbonscope_pue_ratio", "gauge",
                      "Power usage effectiveness applied to the IT energy."};
constexpr Family kIntensity{"carbonscope_grid_carbon_intensity_grams_per_joule", "gauge",
                            "Grid carbon intensity used for the emissions, in grams of CO2e per joule "
                            "(x 3.6e6 for g/kWh)."};

void append_header(std::string& out, const Family& f) { append_family_header(out, f.name, f.type, f.help); }

void append_label(std::string& out, std::string_view name, std::string_view value) {
  if (out.back() != '{') out += ',';
  out += name;
  out += "=\"";
  append_label_value(out, value);
  out += '"';
}

// A family with one series carrying only the scope's labels.
void append_single(std::string& out, const Family& f, const std::string& constant, double value) {
  append_header(out, f);
  out += f.name;
  if (!constant.empty()) {
    out += '{';
    out += constant;
    out += '}';
  }
  out += ' ';
  append_sample_value(out, value);
  out += '\n';
}

// Backslash and line feed always; double quotes inside label values only.
void append_escaped(std::string& out, std::string_view text, bool quote) {
  for (char c : text) {
    if (c == '\\' || (quote && c == '"')) {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
}

}  // namespace

void append_family_header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out += "# HELP ";
  out += name;
  out += ' ';
  append_help_text(out, help);
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

void append_label_value(std::string& out, std::string_view value) { append_escaped(out, value, true); }

void append_help_text(std::string& out, std::string_view text) { append_escaped(out, text, false); }

void append_sample_value(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "NaN";
  } else if (std::isinf(value)) {
    out += value > 0 ? "+Inf" : "-Inf";
  } else {
    fmt::format_to(std::back_inserter(out), "{}", value);
  }
}

bool valid_label_name(std::string_view name) {
  if (name.empty() || name.starts_with("__")) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

MetricsBoard::MetricsBoard(MetricsScope scope) : scope_(std::move(scope)) {
  std::string braces = "{";
  for (const MetricLabel& l : scope_.labels) append_label(braces, l.name, escape_utf8(l.value));
  constant_ = braces.substr(1);
}

void MetricsBoard::describe(const Snapshot& s) {
  series_.clear();
  for (const ComponentSnapshot& c : s.components) {
    Series x;
    x.key = c.key;
    x.labels = "{" + constant_;
    append_label(x.labels, "component", c.component);
    append_label(x.labels, "zone", c.key);
    append_label(x.labels, "source", c.source);
    append_label(x.labels, "method", method_name(c.method));
    x.labels += '}';
    series_.push_back(std::move(x));
  }
}

void MetricsBoard::update(const Snapshot& s) {
  std::lock_guard<std::mutex> lock(mu_);
  bool same = series_.size() == s.components.size();
  for (std::size_t i = 0; same && i < series_.size(); ++i) same = series_[i].key == s.components[i].key;
  if (!same) describe(s);  // the first sample (the columns never change afterwards)
  for (std::size_t i = 0; i < series_.size(); ++i) {
    series_[i].watts = s.components[i].power.watts();
    series_[i].joules = s.components[i].energy.joules();
  }
  samples_ = s.samples;
}

void MetricsBoard::render(std::string& out) const {
  out.clear();
  std::lock_guard<std::mutex> lock(mu_);
  struct Column {
    const Family& family;
    double (*value)(const Series&, const MetricsScope&);
  };
  const Column columns[] = {
      {kJoules, [](const Series& x, const MetricsScope&) { return x.joules; }},
      {kWatts, [](const Series& x, const MetricsScope&) { return x.watts; }},
      {kGrams,
       [](const Series& x, const MetricsScope& s) {
         return emissions_of(Energy::joules(x.joules), s.pue, CarbonIntensity::g_per_kwh(s.grams_per_kwh)).grams();
       }},
  };
  for (const Column& c : columns) {
    append_header(out, c.family);
    for (const Series& x : series_) {
      out += c.family.name;
      out += x.labels;
      out += ' ';
      append_sample_value(out, c.value(x, scope_));
      out += '\n';
    }
  }
  append_single(out, kSamples, constant_, static_cast<double>(samples_));
  append_single(out, kPue, constant_, scope_.pue);
  append_single(out, kIntensity, constant_, scope_.grams_per_kwh / kJoulesPerKwh);
}

}  // namespace carbonscope
