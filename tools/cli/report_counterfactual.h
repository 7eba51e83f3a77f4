// Gathers each reported run's counterfactual (carbonscope/counterfactual.h) for the
// report bundle: the run's place and the places allowed for it, resolved through the
// tables and the hourly series (built-in and imported).
#pragma once

#include "carbonscope/report_bundle.h"
#include "command.h"

namespace carbonscope::cli {

// At most this many runs of a bundle get one (the text, Markdown and HTML formats show
// it for a single run; JSON for each).
inline constexpr std::size_t kMaxCounterfactualRuns = 50;

// Fills bundle.counterfactuals; a failure to load the imported series is a warning.
void add_counterfactuals(const Context& ctx, const DataSet& data, ReportBundle& bundle);

}  // namespace carbonscope::cli
