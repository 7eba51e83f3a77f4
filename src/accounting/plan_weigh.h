// Weighing the planner's criteria (`plan --weigh carbon=1,distance=0.3`), as Google's
// region picker does: each criterion is scaled to [0, 1] over the candidates (min-max:
// 0 = the worst candidate, 1 = the best), and the score is the weighted mean of the
// scaled values, so 1 means best on every weighed criterion. Criteria: carbon (the
// option's central emissions) and distance (great-circle km from --near). Price has no
// open data and is refused.
#pragma once

#include <string_view>
#include <vector>

#include "accounting/plan.h"
#include "carbonscope/status.h"

namespace carbonscope {

struct PlanWeights {
  double carbon = 1;
  double distance = 0;
};

// "carbon=1,distance=0.3"; criteria left out weigh 0. kInvalidArgument for unknown or
// repeated criteria, price, negative, non-finite or all-zero weights.
Result<PlanWeights> parse_weights(std::string_view text);

// Sets each option's `score` and sorts by it, highest first (ties: lower emissions).
// Options without a distance must have been removed when distance weighs (> 0).
void weigh_options(std::vector<PlanOption>& options, const PlanWeights& weights);

}  // namespace carbonscope
