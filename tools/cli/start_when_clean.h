// `run --start-when-clean --deadline 8h --expected-duration 2h -- CMD`: before starting
// CMD, wait for the start that gives it the cleanest hours at the run's place (from the
// place's hourly series), saying when, why and the expected saving; Ctrl-C while waiting
// exits without starting CMD. CARBONSCOPE_TEST_NOW (an ISO 8601 time) and
// CARBONSCOPE_TEST_TIME_SCALE (simulated seconds per real second) stand in for the
// current time in tests.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "command.h"
#include "tracking_options.h"

namespace carbonscope::cli {

struct StartWhenCleanOptions {
  bool enabled = false;
  std::string deadline;           // ISO 8601 time with a zone, or a duration from now (8h)
  std::string within;             // a duration from now (8h): the same as --deadline 8h
  std::string expected_duration;  // how long CMD runs (required with --start-when-clean)
};

void add_start_when_clean_options(CLI::App* cmd, StartWhenCleanOptions& options);

// Waits when --start-when-clean is given. nullopt: go on and run CMD; else the exit
// code to return without running it (a usage error, or 128+N when signal N interrupted
// the wait).
std::optional<int> wait_for_clean_start(const Context& ctx, const DataSet& data,
                                        const TrackingOptions& tracking,
                                        const StartWhenCleanOptions& options);

}  // namespace carbonscope::cli
