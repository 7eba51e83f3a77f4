// A plan as a person asks for it: the job in estimate's terms (hardware, count, hours
// or compute), the places allowed, the job's current place (--from) and an optional
// time window (--start-after, --deadline or --within 48h), resolved into ranked options.
// Shared by `carbonscope plan` and its benchmark; errors name the flag and the fix.
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounting/estimate_request.h"
#include "accounting/plan.h"
#include "accounting/plan_places.h"
#include "accounting/plan_weigh.h"
#include "carbonscope/plan.h"

namespace carbonscope {

// PlanRequest: public, in carbonscope/plan.h.

// One of the compared jobs: the same job on other hardware.
struct PlanHardware {
  EstimateSpec spec;
  PlanJob job;
  std::optional<PlanWindow> window;
};

struct PlanResult {
  // The job (the first hardware when several are compared).
  EstimateSpec spec;
  PlanJob job;
  std::optional<PlanWindow> window;
  std::vector<PlanHardware> hardware;  // every compared job, in --gpu order (one without)
  // `options` point into `places` (a vector's buffer survives moves of the result).
  std::vector<PlanPlace> places;
  std::deque<HourlySeries> forecasts;  // series extended by a forecast, pointed to by places
  std::vector<PlanOption> options;     // the best `top`, lowest emissions first
  std::size_t considered = 0;          // places ranked
  std::size_t with_hourly = 0;         // of which used an hourly series
  std::unique_ptr<PlanPlace> from;
  std::optional<PlanOption> from_at_start;  // the job where it is, started at the window's start
  std::optional<PlanOption> from_best;      // the job where it is, at its best start
  std::optional<NearPoint> near;       // --near, resolved
  std::optional<PlanWeights> weights;  // --weigh, parsed
  std::size_t weighed = 0;             // options scored (places x hardware with the criteria's data)
  std::vector<std::string> notes;
};

// `now_unix` is the start when only --deadline or --within DURATION is given.
Result<PlanResult> run_plan(const DataSet& data, const HourlyData& hourly, const PlanRequest& request,
                            double now_unix);

// The saving of `option` against `from` (positive = less emitted), in kg and percent.
struct Saving {
  double kg = 0;
  double percent = 0;
};
Saving saving_against(const PlanOption& option, const PlanOption& from);

}  // namespace carbonscope
