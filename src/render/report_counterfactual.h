// The counterfactual section of a report (accounting/counterfactual.h), shared by the
// text, Markdown, HTML and JSON formats: sentences, the JSON object and the SVG chart of
// the intensity over the run's hours.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "carbonscope/report_bundle.h"

namespace carbonscope {

// The sentences for one run; empty when the bundle has no counterfactual for it.
std::vector<std::string> counterfactual_sentences(const ReportBundle& bundle, const Report& run);
// {"own_hours", "best_time", "best_region", "region_scope", "notes"} per run id; null when none.
nlohmann::json counterfactuals_json(const ReportBundle& bundle);
// An SVG line chart of the grid intensity over the run's hours, with its source; "" without a series.
std::string counterfactual_svg(const ReportBundle& bundle, const Report& run);

}  // namespace carbonscope
