// Bad input to `carbonscope estimate` gets a clear error and exit code 2, never a number.
#include <gtest/gtest.h>

#include "e2e/cli.h"

namespace carbonscope::test {
namespace {

struct BadCase {
  std::vector<std::string> args;
  const char* must_mention;
};

TEST(EstimateErrors, BadValuesNameTheFlagAndForm) {
  const BadCase cases[] = {
      {{"--power", "400W", "--hours", "0"}, "--hours"},
      {{"--power", "400W", "--hours", "-3"}, "--hours"},
      {{"--power", "400W", "--hours", "nan"}, "--hours"},
      {{"--power", "400W", "--duration", "12"}, "12h"},
      {{"--power", "400W", "--duration", "soon"}, "--duration"},
      {{"--power", "0W", "--hours", "1"}, "--power"},
      {{"--power", "-5W", "--hours", "1"}, "--power"},
      {{"--power", "lots", "--hours", "1"}, "400W"},
      {{"--gpu", "GTX 1080 Ti", "--count", "0", "--hours", "1"}, "--count"},
      {{"--gpu", "GTX 1080 Ti", "--count", "2.5", "--hours", "1"}, "--count"},
      {{"--power", "400W", "--hours", "1", "--pue", "0.9"}, "--pue"},
      {{"--power", "400W", "--hours", "1", "--pue", "abc"}, "--pue"},
      {{"--power", "400W", "--hours", "1", "--intensity", "-5g"}, "--intensity"},
      {{"--power", "400W", "--hours", "1", "--intensity", "5 furlongs"}, "--intensity"},
      {{"--power", "400W", "--hours", "1", "--utilisation", "150%"}, "--utilisation"},
      {{"--memory", "lots", "--hours", "1"}, "--memory"},
      {{"--energy", "12", "--intensity", "5g"}, "--energy"},
      {{"--power", "400W"}, "no duration"},
      {{"--hours", "3"}, "nothing to estimate"},
      {{"--cpus", "2", "--power", "1W", "--hours", "1"}, "--cpus needs --cpu"},
      {{"--count", "2", "--hours", "1", "--cpu", "Xeon Gold 6248"}, "--count needs --gpu or --power"},
  };
  for (const BadCase& c : cases) {
    std::vector<std::string> args = {"estimate"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << c.must_mention << ": " << r.out << r.err;
    EXPECT_TRUE(r.out.empty()) << c.must_mention;
    EXPECT_NE(r.err.find(c.must_mention), std::string::npos) << r.err;
  }
}

TEST(EstimateErrors, ConflictsNameBothSides) {
  const BadCase cases[] = {
      {{"--energy", "3kWh", "--gpu", "GTX 1080 Ti"}, "--gpu"},
      {{"--energy", "3kWh", "--hours", "2"}, "--hours"},
      {{"--power", "400W", "--hours", "2", "--duration", "2h"}, "--duration"},
      {{"--gpu", "GTX 1080 Ti", "--hours", "2", "--device-hours", "3"}, "--device-hours"},
      {{"--power", "1W", "--hours", "2", "--region", "FR", "--cloud", "gcp:us-central1"}, "--cloud"},
  };
  for (const BadCase& c : cases) {
    std::vector<std::string> args = {"estimate"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find(c.must_mention), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("conflict"), std::string::npos) << r.err;
  }
}

TEST(EstimateErrors, UnknownNamesGetSuggestions) {
  const CliResult gpu = run_cli({"estimate", "--gpu", "A1000 SXM4", "--hours", "1"});
  EXPECT_EQ(gpu.exit_code, 2);
  EXPECT_NE(gpu.err.find("did you mean"), std::string::npos) << gpu.err;
  EXPECT_NE(gpu.err.find("A100"), std::string::npos) << gpu.err;

  const CliResult region = run_cli({"estimate", "--power", "1W", "--hours", "1", "--region", "Frnace"});
  EXPECT_EQ(region.exit_code, 2);
  EXPECT_NE(region.err.find("France"), std::string::npos) << region.err;

  const CliResult cloud = run_cli({"estimate", "--power", "1W", "--hours", "1", "--cloud", "gcp:us-centrl1"});
  EXPECT_EQ(cloud.exit_code, 2);
  EXPECT_NE(cloud.err.find("us-central1"), std::string::npos) << cloud.err;
}

TEST(EstimateErrors, AmbiguousNamesListCandidates) {
  const CliResult r = run_cli({"estimate", "--gpu", "A100", "--hours", "1"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("ambiguous"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("A100 SXM4 80GB"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("PCIe"), std::string::npos) << r.err;
}

TEST(EstimateErrors, UnknownFlagIsUsageError) {
  const CliResult r = run_cli({"estimate", "--gpus", "x"});
  EXPECT_EQ(r.exit_code, 2);
  const CliResult none = run_cli({});
  EXPECT_EQ(none.exit_code, 2);
}

TEST(EstimateErrors, BadDataDirectoryIsReported) {
  const CliResult r = run_cli({"estimate", "--power", "1W", "--hours", "1"}, {"CARBONSCOPE_DATA_DIR=/nonexistent"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace carbonscope::test
