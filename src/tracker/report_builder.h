// Builds the Report of a live run from the accumulator: one component per counted
// domain (standby models only when they were used), each with its provenance, its
// range and what happened to it (failures, fallbacks, rejected intervals), plus
// notes on attribution and the machine totals.
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

ComponentEnergy component_of(const DomainTotals& t, Energy energy);
Report build_report(const Accumulator& acc, ReportInputs in);

}  // namespace carbonscope
