// What a run would have emitted elsewhere or at another time ("counterfactual"): the same
// IT energy, drawn on the same timeline, at the run's own place at the best start within
// a day of its real one, and in the best allowed place over the run's own hours. Places
// with an hourly series use it (or a whole-week profile of it); others their annual figure.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "carbonscope/counterfactual_figures.h"
#include "carbonscope/data.h"
#include "carbonscope/hourly.h"
#include "carbonscope/provenance.h"
#include "carbonscope/report.h"
#include "carbonscope/units.h"

namespace carbonscope {

// The counterfactual of `run`, whose power is `t_watts` (seconds after the start, watts,
// summed over components; empty: even over the run). The allowed places are the run's
// provider's regions for a cloud run, else those of its zone's continent, else every
// region and zone (`region_scope` says which). nullopt when they cannot be listed.
std::optional<Counterfactual> run_counterfactual(const DataSet& data, const HourlyData& hourly, const Report& run,
                                                 const std::vector<std::pair<double, double>>& t_watts);

}  // namespace carbonscope
