// The figures of a counterfactual: the same run at its own hours' intensity, at the
// best start time and in the best allowed region, as a report carries them (computed
// inside the library from the hourly series).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "carbonscope/provenance.h"
#include "carbonscope/units.h"

namespace carbonscope {

struct CounterfactualFigure {
  std::string place;                 // "aws:us-west-2 (Oregon)"
  std::optional<double> start_unix;  // for the best time
  Range<CarbonIntensity> intensity;  // energy-weighted over the job's hours
  Range<Emissions> emissions;
  std::string basis;  // "hourly", "profile", "annual"
  std::string data;   // the data used, in words
};

struct Counterfactual {
  // The run at its place with the hourly intensity of its own hours (absent without a
  // series for the place, or for an estimate, which has no hours).
  std::optional<CounterfactualFigure> own_hours;
  std::optional<CounterfactualFigure> best_time;    // same place, start moved by -24 h..+24 h
  std::optional<CounterfactualFigure> best_region;  // over the run's own hours
  std::string region_scope;                         // "aws regions", "every region and zone"
  // The intensity at the run's place over its hours (unix seconds, g/kWh), for a chart.
  std::vector<std::pair<double, double>> series;
  std::vector<std::string> notes;
};

}  // namespace carbonscope
