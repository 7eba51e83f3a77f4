// Builds a run's Report. ReportBuilder is the one way a measured run's Report is made:
// components with their power summaries, notes, then the footprint (compute_footprint)
// once. build_report feeds it from the accumulator of a live run: one component per
// counted domain (standby models only when they were used), each with its provenance,
// its range and what happened to it (failures, fallbacks, rejected intervals), plus
// notes on attribution and the machine totals; recovery feeds it from run.json's
// skeleton and the last line of samples.csv (recovery.cc).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "carbonscope/report.h"
#include "sampler/accumulator.h"
#include "sensors/registry.h"

namespace carbonscope {

// The highest points of a domain's power series (tracker/power_series.h).
struct DomainPeaks {
  Power job;
  Power machine;
};

struct ReportInputs {
  RunInfo run;
  PueFigure pue;
  IntensityFigure intensity;
  std::vector<std::string> notes;
  std::vector<ProbeResult> probes;
  std::map<std::size_t, DomainPeaks> peaks;  // by domain index; missing: zero
  bool job_mode = false;
  int pid = 0;
};

// The domains that appear as report components (and samples.csv columns), in order.
std::vector<std::size_t> reported_domains(const Accumulator& acc, bool include_unused_standby);
// A unique column key per reported domain ("package-0", "cpu-model").
std::vector<std::string> domain_keys(const Accumulator& acc, const std::vector<std::size_t>& which);

class ReportBuilder {
 public:
  ReportBuilder(RunInfo run, PueFigure pue, IntensityFigure intensity, std::vector<std::string> notes = {});
  void add(ComponentEnergy component, PowerSummary power);
  void note(std::string text) { notes_.push_back(std::move(text)); }
  Report build() &&;

 private:
  RunInfo run_;
  PueFigure pue_;
  IntensityFigure intensity_;
  std::vector<std::string> notes_;
  std::vector<ComponentEnergy> components_;
  std::vector<PowerSummary> power_;
};

ComponentEnergy component_of(const DomainTotals& t, Energy energy);
Report build_report(const Accumulator& acc, ReportInputs in);

}  // namespace carbonscope
