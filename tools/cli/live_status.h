// The live status line of run and monitor: elapsed time, power, energy and emissions
// so far, redrawn in place on stderr at most twice a second, only on a terminal.
#pragma once

#include <functional>
#include <string>

#include "carbonscope/report.h"
#include "carbonscope/tracker.h"

namespace carbonscope::cli {

// A callback for TrackerConfig::on_sample, or an empty one when stderr is not a
// terminal or `quiet`.
std::function<void(const Snapshot&)> live_status_line(bool quiet);
// Clears the status line (if one was drawn).
void end_live_status(bool quiet);
// The one-line summary printed when a run ends.
std::string summary_line(const Report& report, const std::string& report_path);

}  // namespace carbonscope::cli
