// What a run would have emitted elsewhere or at another time ("counterfactual"): the same
// IT energy, drawn on the same timeline, (1) at the run's own place at the best start
// within a day of its real one, and (2) in the best allowed place (the run's provider's
// regions for a cloud run, else every region and zone) over the run's own hours. Places
// with an hourly series use it (the run's own hours, or a whole-week profile from the
// nearest year, hourly_profile.h); others use their annual figure. Each figure says which.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounting/hourly_profile.h"
#include "accounting/plan.h"
#include "carbonscope/counterfactual_figures.h"
#include "carbonscope/report.h"

namespace carbonscope {

// The run's energy timeline from (seconds after the start, watts) points, the power
// summed over components: each point's power over the interval since the previous one.
// No points: one even piece over the run.
std::vector<EnergyPiece> energy_timeline(const Report& r, std::vector<std::pair<double, double>> t_watts);

// `own` is the run's place (null if unknown), `allowed` the places to compare with.
Counterfactual counterfactual(const Report& r, const std::vector<EnergyPiece>& timeline, const PlanPlace* own,
                              const std::vector<PlanPlace>& allowed);

}  // namespace carbonscope
