// Runs the real carbonscope binary for end-to-end tests and captures what it prints.
#pragma once

#include <string>
#include <vector>

namespace carbonscope::test {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
  bool timed_out = false;  // killed (with its process group) after the timeout
  int pid = -1;            // also its process group's id
};

// Runs CARBONSCOPE_BINARY with `args` (no shell), with extra "NAME=value" environment
// entries, and waits for it, at most `timeout_s` seconds: a hang fails the test (exit
// code 124, timed_out) instead of hanging it.
CliResult run_cli(const std::vector<std::string>& args, const std::vector<std::string>& env = {},
                  double timeout_s = 60);

}  // namespace carbonscope::test
