// A plan as a person asks for it (`carbonscope plan`): the job in estimate's terms
// (hardware, count, hours or compute), the places allowed, the job's current place
// (--from) and an optional time window (--start-after, --deadline or --within 48h),
// ranked by emissions (or a weighted score) over the data tables and hourly series.
#pragma once

#include <string>
#include <vector>

#include "carbonscope/data.h"
#include "carbonscope/estimate_request.h"
#include "carbonscope/hourly.h"
#include "carbonscope/status.h"

namespace carbonscope {

struct PlanRequest {
  EstimateRequest job;  // location fields are ignored: plan chooses the place
  // Several accelerators to compare (job.gpu is then ignored); the first is the job's
  // current hardware, against which --from's saving is computed.
  std::vector<std::string> gpus;
  std::string from;                    // "aws:us-east-1" or a zone; empty = no saving column
  std::vector<std::string> providers;  // empty = every provider and private zones
  std::vector<std::string> within;     // areas, and/or one duration ("48h") for the window
  std::vector<std::string> exclude;
  std::string start_after, deadline;  // ISO 8601 with a zone
  int top = 10;
  int year = 0;       // annual data year when there is no window
  std::string near;   // --near: "London,GB" or "51.5,-0.12": adds each place's distance
  std::string weigh;  // --weigh: "carbon=1,distance=0.3": rank by the weighted score
};

enum class PlanOutput { kText, kJson };

// The plan as `carbonscope plan` prints it, ending with a newline: a ranked table for
// people, or JSON (schema carbonscope.plan/1, docs/plan.md) with the same content.
// `now_unix` is the start when only --deadline or --within DURATION is given; errors
// name the flag and the fix.
Result<std::string> plan_text(const DataSet& data, const HourlyData& hourly, const PlanRequest& request,
                              double now_unix, PlanOutput output = PlanOutput::kText);

}  // namespace carbonscope
