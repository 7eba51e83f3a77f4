// `carbonscope calibrate` on the built-in published cases (tests/calibration/cases.json):
// the ranges must contain at least 90% of the published figures and the central values
// must land within 25% of them (median). A small case file shows the check can fail.
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"

namespace carbonscope::test {
namespace {

TEST(Calibration, PublishedCasesAreCoveredAndClose) {
  const CliResult r = run_cli({"calibrate", "--json", "--check"}, {}, 120);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  const auto j = nlohmann::json::parse(r.out);
  const auto& s = j["summary"];
  EXPECT_GE(s["cases"].get<int>(), 30);
  EXPECT_GE(s["coverage"].get<double>(), 0.9) << r.out;
  EXPECT_LE(s["median_abs_error"].get<double>(), 0.25) << r.out;
  EXPECT_TRUE(s["pass"].get<bool>());
  for (const auto& c : j["cases"]) EXPECT_FALSE(c.contains("error")) << c.dump();
}

TEST(Calibration, CheckFailsWhenRangesMissThePublishedFigures) {
  const std::string path = "/tmp/cs_calibration_" + std::to_string(getpid()) + ".json";
  {
    std::ofstream f(path);
    // A published figure 10x the job's: no honest range contains it.
    f << R"({"cases": [{"id": "off", "kind": "training", "args": ["--gpu", "GTX 1080 Ti", "--hours", "12",
         "--intensity", "127g"], "published": {"quantity": "emissions_kg", "value": 3.81}}]})";
  }
  const CliResult r = run_cli({"calibrate", "--cases", path, "--json", "--check"});
  std::remove(path.c_str());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_DOUBLE_EQ(j["summary"]["coverage"].get<double>(), 0.0);
  EXPECT_FALSE(j["cases"][0]["contained"].get<bool>());
}

}  // namespace
}  // namespace carbonscope::test
