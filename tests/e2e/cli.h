// Runs the real carbonscope binary for end-to-end tests and captures what it prints.
#pragma once

#include <string>
#include <vector>

namespace carbonscope::test {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs CARBONSCOPE_BINARY with `args` (no shell), with extra "NAME=value" environment
// entries, and waits for it.
CliResult run_cli(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

}  // namespace carbonscope::test
