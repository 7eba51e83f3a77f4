// The job families of the Prometheus exposition.
#include "formats/prometheus_jobs.h"

#include "carbonscope/footprint.h"
#include "carbonscope/utf8.h"

namespace carbonscope {
namespace {

constexpr const char* kCpuSeconds = "carbonscope_job_cpu_seconds_total";
constexpr const char* kCpuSecondsHelp =
    "CPU time of each Slurm job step on this node, measured by its cgroup (cpu.stat usage_usec on "
    "cgroup v2, cpuacct.usage on v1), since the step's cgroup was created.";
constexpr const char* kJoules = "carbonscope_job_joules_total";
constexpr const char* kJoulesHelp =
    "Energy charged to each Slurm job step since the exporter first saw it (IT energy, before PUE): the "
    "node's CPU-like domains split by the step's share of the node's CPU time (dynamic part by busy "
    "time, idle part by capacity). An estimate from measured counters; GPU and memory energy are not "
    "charged to steps.";
constexpr const char* kWatts = "carbonscope_job_watts";
constexpr const char* kWattsHelp = "Power charged to each Slurm job step over the last interval.";
constexpr const char* kGrams = "carbonscope_job_co2e_grams_total";
constexpr const char* kGramsHelp =
    "Emissions of each Slurm job step's charged energy: energy x PUE x grid carbon intensity, in grams "
    "of CO2-equivalent.";
constexpr const char* kSteps = "carbonscope_job_steps";
constexpr const char* kStepsHelp = "Slurm job steps running on this node (found in Slurm's cgroup tree).";

void append_label(std::string& out, std::string_view name, std::string_view value) {
  if (!out.empty()) out += ',';
  out += name;
  out += "=\"";
  append_label_value(out, value);
  out += '"';
}

void append_sample(std::string& out, const char* name, std::string_view labels, std::string_view component,
                   double value) {
  out += name;
  out += '{';
  out += labels;
  if (!component.empty()) {
    out += ",component=\"";
    append_label_value(out, component);
    out += '"';
  }
  out += "} ";
  append_sample_value(out, value);
  out += '\n';
}

}  // namespace

JobBoard::JobBoard(const MetricsScope& scope) : pue_(scope.pue), grams_per_kwh_(scope.grams_per_kwh) {
  for (const MetricLabel& l : scope.labels) {
    if (l.name == "node_name") append_label(node_, l.name, escape_utf8(l.value));
  }
}

void JobBoard::update(std::span<const std::string> components, std::span<const JobStepSeries> steps,
                      bool changed) {
  std::lock_guard<std::mutex> lock(mu_);
  if (changed || series_.size() != steps.size() || components_.size() != components.size()) {
    components_.assign(components.begin(), components.end());
    series_.resize(steps.size());
    for (std::size_t i = 0; i < steps.size(); ++i) {
      std::string& l = series_[i].labels;
      l = node_;
      append_label(l, "job_id", escape_utf8(steps[i].job_id));
      append_label(l, "step_id", escape_utf8(steps[i].step_id));
      if (!steps[i].uid.empty()) append_label(l, "uid", steps[i].uid);
      if (!steps[i].slurm_node.empty()) append_label(l, "slurm_node", escape_utf8(steps[i].slurm_node));
    }
  }
  for (std::size_t i = 0; i < steps.size(); ++i) {
    series_[i].cpu_seconds = steps[i].cpu_seconds;
    series_[i].joules.assign(steps[i].joules.begin(), steps[i].joules.end());
    series_[i].watts.assign(steps[i].watts.begin(), steps[i].watts.end());
  }
}

void JobBoard::render(std::string& out) const {
  std::lock_guard<std::mutex> lock(mu_);
  append_family_header(out, kCpuSeconds, "counter", kCpuSecondsHelp);
  for (const Series& s : series_) append_sample(out, kCpuSeconds, s.labels, {}, s.cpu_seconds);
  const CarbonIntensity intensity = CarbonIntensity::g_per_kwh(grams_per_kwh_);
  struct Column {
    const char* name;
    const char* type;
    const char* help;
  };
  const Column columns[] = {{kJoules, "counter", kJoulesHelp}, {kWatts, "gauge", kWattsHelp},
                            {kGrams, "counter", kGramsHelp}};
  for (int c = 0; c < 3; ++c) {
    append_family_header(out, columns[c].name, columns[c].type, columns[c].help);
    for (const Series& s : series_) {
      for (std::size_t k = 0; k < components_.size() && k < s.joules.size() && k < s.watts.size(); ++k) {
        const double value = c == 0   ? s.joules[k]
                             : c == 1 ? s.watts[k]
                                      : emissions_of(Energy::joules(s.joules[k]), pue_, intensity).grams();
        append_sample(out, columns[c].name, s.labels, components_[k], value);
      }
    }
  }
  append_family_header(out, kSteps, "gauge", kStepsHelp);
  out += kSteps;
  if (!node_.empty()) {
    out += '{';
    out += node_;
    out += '}';
  }
  out += ' ';
  append_sample_value(out, static_cast<double>(series_.size()));
  out += '\n';
}

}  // namespace carbonscope
