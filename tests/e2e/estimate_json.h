// `carbonscope estimate ARGS --json` through the real binary, parsed; a non-zero exit
// fails the calling test with what the binary printed on stderr.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"

namespace carbonscope::test {

inline nlohmann::json estimate_json(std::vector<std::string> args) {
  args.insert(args.begin(), "estimate");
  args.push_back("--json");
  const CliResult r = run_cli(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

}  // namespace carbonscope::test
