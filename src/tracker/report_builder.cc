// Accumulator -> Report.
#include "tracker/report_builder.h"

#include <set>

#include <fmt/format.h>

#include "carbonscope/utf8.h"

namespace carbonscope {

std::vector<std::size_t> reported_domains(const Accumulator& acc, bool include_unused_standby) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < acc.domains().size(); ++i) {
    const DomainTotals& t = acc.domains()[i];
    if (!t.counted) continue;
    if (t.standby && !t.used_from && !include_unused_standby) continue;
    out.push_back(i);
  }
  return out;
}

std::vector<std::string> domain_keys(const Accumulator& acc, const std::vector<std::size_t>& which) {
  std::vector<std::string> keys;
  std::set<std::string> seen;
  for (std::size_t i : which) {
    std::string k = escape_utf8(acc.domains()[i].domain->name);
    for (char& c : k) {
      if (c == ',' || c == ' ' || c == '"') c = '_';
    }
    std::string unique = k;
    for (int n = 2; seen.count(unique); ++n) unique = fmt::format("{}_{}", k, n);
    seen.insert(unique);
    keys.push_back(unique);
  }
  return keys;
}

ComponentEnergy component_of(const DomainTotals& t, Energy energy) {
  const SensorDomain& d = *t.domain;
  ComponentEnergy c;
  c.component = d.component;
  c.label = d.label;
  c.energy = Range<Energy>::of(energy, energy * d.range_low, energy * d.range_high);
  c.provenance = d.provenance;
  std::string& detail = c.provenance.detail;
  if (t.standby && t.used_from) {
    detail += fmt::format("; used from t={:.2f} s, for the intervals where the measured sensor failed",
                          t.used_from->count());
  }
  if (t.failed_at) detail += fmt::format("; failing from t={:.2f} s: {}", t.failed_at->count(), t.failure);
  if (t.rejected > 0) detail += fmt::format("; {} interval(s) rejected: counter went backwards", t.rejected);
  if (t.unknown_job_share) detail += "; the GPU's processes could not be listed: the job is charged the whole device";
  return c;
}

ReportBuilder::ReportBuilder(RunInfo run, PueFigure pue, IntensityFigure intensity, std::vector<std::string> notes)
    : run_(std::move(run)), pue_(std::move(pue)), intensity_(std::move(intensity)), notes_(std::move(notes)) {}

void ReportBuilder::add(ComponentEnergy component, PowerSummary power) {
  components_.push_back(std::move(component));
  power_.push_back(std::move(power));
}

Report ReportBuilder::build() && {
  Report r;
  r.run = std::move(run_);
  r.footprint = compute_footprint(std::move(components_), std::move(pue_), std::move(intensity_));
  r.power = std::move(power_);
  r.notes = std::move(notes_);
  return r;
}

Report build_report(const Accumulator& acc, ReportInputs in) {
  ReportBuilder b(std::move(in.run), std::move(in.pue), std::move(in.intensity), std::move(in.notes));
  Energy idle, dynamic;
  bool estimated = false;
  for (std::size_t i : reported_domains(acc, false)) {
    const DomainTotals& t = acc.domains()[i];
    estimated = estimated || t.domain->provenance.method == Method::kEstimated;
    idle += t.idle;
    dynamic += t.dynamic;
    const double secs = acc.elapsed().count();
    const auto peak = in.peaks.find(i);
    PowerSummary p;
    p.component = t.domain->name;
    p.mean = secs > 0 ? t.job / Duration(secs) : Power{};
    p.samples = t.intervals;
    p.machine_mean = secs > 0 ? t.machine / Duration(secs) : Power{};
    if (peak != in.peaks.end()) {
      p.peak = peak->second.job;
      p.machine_peak = peak->second.machine;
    }
    b.add(component_of(t, t.job), std::move(p));
  }
  if (in.job_mode) {
    const double pct = acc.machine_total().joules() > 0 ? 100.0 * acc.total() / acc.machine_total() : 0;
    b.note(fmt::format(
        "attribution: process tree of pid {} charged {:.6f} kWh of the machine's {:.6f} kWh ({:.1f} %): CPU and psys "
        "domains split Kepler-style into dynamic (x node utilisation, shared by busy CPU time) and idle (shared by CPU "
        "capacity); memory by resident memory; GPUs by their compute processes",
        in.pid, acc.total().kwh(), acc.machine_total().kwh(), pct));
  } else {
    b.note(fmt::format("whole machine: idle {:.6f} kWh, dynamic {:.6f} kWh (split by node CPU utilisation; "
                       "GPU idle = lowest power seen)", idle.kwh(), dynamic.kwh()));
  }
  for (const ProbeResult& p : in.probes) {
    if (!p.available) b.note(fmt::format("sensor {} unavailable: {}", p.backend, p.detail));
  }
  if (estimated) b.note("some energy is estimated by a model, not measured: see each component's method and range");
  return std::move(b).build();
}

}  // namespace carbonscope
