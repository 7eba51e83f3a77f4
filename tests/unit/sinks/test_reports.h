// Small, fixed Reports for the sinks tests: a measured GPU run and an estimate.
#pragma once

#include <string>

#include "carbonscope/report.h"

namespace carbonscope::test {

// A 1-hour run on one GPU + CPU + RAM in FR, starting at `start_unix`.
Report measured_run(const std::string& id, const std::string& project, double start_unix);

// A fresh path under the test's temporary directory (the file does not exist).
std::string temp_path(const std::string& name);

}  // namespace carbonscope::test
