// Bad input to `carbonscope estimate` gets a clear error and exit code 2, never a number.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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

namespace carbonscope::test {
namespace {

double energy_kwh(const CliResult& r) {
  return nlohmann::json::parse(r.out)["energy_kwh"]["central"].get<double>();
}

// m is milli and M is mega: 700mW for an hour is 0.7 Wh, not 700 MWh (newcomer #2).
TEST(EstimateUnits, MilliIsMilliAndMegaIsMega) {
  const CliResult mw = run_cli({"estimate", "--power", "700mW", "--hours", "1", "--json"});
  ASSERT_EQ(mw.exit_code, 0) << mw.err;
  EXPECT_NEAR(energy_kwh(mw), 0.0007, 1e-12);
  const CliResult big = run_cli({"estimate", "--power", "2MW", "--hours", "1", "--json"});
  ASSERT_EQ(big.exit_code, 0) << big.err;
  EXPECT_NEAR(energy_kwh(big), 2000, 1e-9);
  const CliResult mwh = run_cli({"estimate", "--energy", "5mWh", "--json"});
  ASSERT_EQ(mwh.exit_code, 0) << mwh.err;
  EXPECT_NEAR(energy_kwh(mwh), 5e-6, 1e-15);
  const CliResult mj = run_cli({"estimate", "--energy", "1mJ", "--json"});
  ASSERT_EQ(mj.exit_code, 0) << mj.err;
  EXPECT_NEAR(energy_kwh(mj), 1e-3 / 3.6e6, 1e-18);
  const CliResult kwh = run_cli({"estimate", "--energy", "3kwh", "--json"});  // case-free: no m/M
  ASSERT_EQ(kwh.exit_code, 0) << kwh.err;
  EXPECT_NEAR(energy_kwh(kwh), 3, 1e-12);
}

TEST(EstimateUnits, LostCaseOfMIsRefusedNotGuessed) {
  const BadCase cases[] = {
      {{"--power", "700Mw", "--hours", "1"}, "mW (milliwatts) or MW (megawatts)"},
      {{"--power", "700mw", "--hours", "1"}, "--power"},
      {{"--energy", "5MWH"}, "mWh (milliwatt-hours) or MWh (megawatt-hours)"},
      {{"--energy", "1mj"}, "--energy"},
      {{"--power", "1W", "--duration", "5M"}, "min"},
      {{"--power", "1W", "--duration", "100MS"}, "ms (milliseconds)"},
  };
  for (const BadCase& c : cases) {
    std::vector<std::string> args = {"estimate"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << c.must_mention << ": " << r.out << r.err;
    EXPECT_TRUE(r.out.empty());
    EXPECT_NE(r.err.find(c.must_mention), std::string::npos) << r.err;
  }
}

TEST(EstimateUnits, ClockDurationsAndBiggerMemory) {
  const CliResult clock = run_cli({"estimate", "--power", "1kW", "--duration", "02:30:00", "--json"});
  ASSERT_EQ(clock.exit_code, 0) << clock.err;
  EXPECT_NEAR(energy_kwh(clock), 2.5, 1e-12);
  const CliResult slurm = run_cli({"estimate", "--power", "1kW", "--duration", "1-02:30:00", "--json"});
  ASSERT_EQ(slurm.exit_code, 0) << slurm.err;
  EXPECT_NEAR(energy_kwh(slurm), 26.5, 1e-12);
  const CliResult tb = run_cli({"estimate", "--memory", "1TB", "--hours", "1", "--json"});
  ASSERT_EQ(tb.exit_code, 0) << tb.err;
  const CliResult gb = run_cli({"estimate", "--memory", "1000GB", "--hours", "1", "--json"});
  ASSERT_EQ(gb.exit_code, 0) << gb.err;
  EXPECT_DOUBLE_EQ(energy_kwh(tb), energy_kwh(gb));
}

// A likely slip warns on stderr and goes on; stdout stays valid JSON.
TEST(EstimateUnits, ImplausibleIntensityWarnsAndProceeds) {
  const CliResult r = run_cli({"estimate", "--power", "400W", "--hours", "1", "--intensity", "0.4", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: --intensity: 0.4 g/kWh is implausibly low"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean 0.4kg/kWh?"), std::string::npos) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_DOUBLE_EQ(j["intensity_g_per_kwh"]["central"].get<double>(), 0.4);
  const CliResult fine = run_cli({"estimate", "--power", "400W", "--hours", "1", "--intensity", "0.4kg/kWh"});
  EXPECT_EQ(fine.exit_code, 0);
  EXPECT_EQ(fine.err.find("warning"), std::string::npos) << fine.err;
}

TEST(EstimateUnits, SlipsInOtherFlagsSayWhatWasMeant) {
  const BadCase cases[] = {
      {{"--power", "400W", "--hours", "1", "--utilisation", "80"}, "did you mean 80%?"},
      {{"--power", "400W", "--hours", "10h"}, "--duration 10h"},
      {{"--power", "400W", "--duration", "10"}, "10h"},
      {{"--gpu", "GTX 1080 Ti", "--device-hours", "10h"}, "--device-hours takes a plain number"},
  };
  for (const BadCase& c : cases) {
    std::vector<std::string> args = {"estimate"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find(c.must_mention), std::string::npos) << r.err;
  }
}

// Cloud regions given to --region, and UK, point the right way (newcomer #9).
TEST(EstimateUnits, RegionErrorsPointTheRightWay) {
  const BadCase cases[] = {
      {{"--region", "us-east-1"}, "use --cloud aws:us-east-1"},
      {{"--region", "eu-west-1"}, "use --cloud aws:eu-west-1"},
      {{"--region", "us-east1"}, "use --cloud gcp:us-east1"},
      {{"--region", "UK"}, "did you mean:\n  GB (United Kingdom)"},
  };
  for (const BadCase& c : cases) {
    std::vector<std::string> args = {"estimate", "--power", "1W", "--hours", "1"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find(c.must_mention), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace carbonscope::test
