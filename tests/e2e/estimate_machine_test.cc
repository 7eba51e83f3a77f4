// `estimate --instance` / `--node` / `--market-based` through the real binary: the whole
// machine's lines, the host plainly counted or not, market-based beside location-based,
// and `data instances`.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"
#include "e2e/estimate_json.h"

namespace carbonscope::test {
namespace {

TEST(EstimateMachine, InstanceLinesAndProviderInTextAndJson) {
  const auto j = estimate_json({"--instance", "p4d.24xlarge", "--hours", "24", "--cloud", "us-east-1"});
  ASSERT_EQ(j["components"].size(), 4u);
  EXPECT_EQ(j["components"][0]["component"], "gpu");
  EXPECT_EQ(j["components"][1]["component"], "cpu");
  EXPECT_EQ(j["components"][2]["component"], "ram");
  EXPECT_EQ(j["components"][3]["component"], "host");
  EXPECT_EQ(j["estimate"]["machine"]["name"], "p4d.24xlarge");
  EXPECT_EQ(j["estimate"]["machine"]["gpu_count"], 8);
  EXPECT_EQ(j["estimate"]["host"]["counted"], true);
  EXPECT_EQ(j["run"]["region"].get<std::string>().rfind("aws:us-east-1", 0), 0u);
  for (const auto& c : j["components"]) {
    EXPECT_LT(c["energy_kwh"]["low"].get<double>(), c["energy_kwh"]["high"].get<double>()) << c["component"];
  }

  const CliResult text = run_cli({"estimate", "--instance", "p4d.24xlarge", "--hours", "24"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Instance"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("96 vCPUs"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("fleet"), std::string::npos) << text.out;  // the provider's fleet PUE
}

TEST(EstimateMachine, UnknownInstanceListsTheClosestNames) {
  const CliResult r = run_cli({"estimate", "--instance", "p5.48xlarg", "--hours", "1"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("p5.48xlarge"), std::string::npos) << r.err;
  const CliResult n = run_cli({"estimate", "--node", "dgx-h200", "--hours", "1"});
  EXPECT_NE(n.exit_code, 0);
  EXPECT_NE(n.err.find("dgx-h100"), std::string::npos) << n.err;
}

TEST(EstimateMachine, DoneWhenCommandPrintsTheWholePicture) {
  // issue 12: host plainly excluded, utilisation from evidence, ranges on every line, and
  // the provider's market-based figure labelled beside the location-based one.
  const std::vector<std::string> args = {"estimate", "--gpu", "A100 SXM4 80GB", "--count", "8", "--hours", "24",
                                         "--cloud", "gcp:us-central1"};
  const CliResult t = run_cli(args);
  ASSERT_EQ(t.exit_code, 0) << t.err;
  for (const char* want : {"host not counted", "of TDP", "location-based", "Market-based", "--whole-node"}) {
    EXPECT_NE(t.out.find(want), std::string::npos) << want << "\n" << t.out;
  }
  auto json_args = std::vector<std::string>(args.begin() + 1, args.end());
  const auto j = estimate_json(json_args);
  EXPECT_EQ(j["estimate"]["host"]["counted"], false);
  EXPECT_GT(j["estimate"]["host"]["would_add_it_energy_kwh"]["central"].get<double>(), 0);
  const auto& mb = j["estimate"]["market_based"];
  EXPECT_EQ(mb["cfe_share_provenance"]["method"], "reference");
  EXPECT_NEAR(mb["emissions_kg"]["central"].get<double>(),
              j["emissions_kg"]["central"].get<double>() * (1 - mb["cfe_share"].get<double>()), 1e-9);
}

TEST(EstimateMachine, MarketBasedGivenOrNone) {
  const auto g = estimate_json({"--node", "dgx-a100", "--hours", "10", "--region", "DE", "--market-based", "60%"});
  EXPECT_DOUBLE_EQ(g["estimate"]["market_based"]["cfe_share"].get<double>(), 0.6);
  EXPECT_EQ(g["estimate"]["machine"]["kind"], "node");
  const auto n = estimate_json({"--gpu", "H100 SXM", "--hours", "1", "--cloud", "gcp:us-central1",
                                "--market-based", "none"});
  EXPECT_FALSE(n["estimate"].contains("market_based"));
  const CliResult bad = run_cli({"estimate", "--gpu", "H100 SXM", "--hours", "1", "--region", "FR",
                                 "--market-based", "provider"});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("give the share yourself"), std::string::npos) << bad.err;
}

TEST(EstimateMachine, DataInstancesListsAndShowsOne) {
  const CliResult all = run_cli({"data", "instances"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_NE(all.out.find("a2-highgpu-8g"), std::string::npos);
  EXPECT_NE(all.out.find("dgx-h100"), std::string::npos);
  const CliResult one = run_cli({"data", "instances", "dgx-h100"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_NE(one.out.find("10200 W"), std::string::npos) << one.out;
  EXPECT_NE(one.out.find("nvidia-dgx-h100-datasheet"), std::string::npos) << one.out;
}

}  // namespace
}  // namespace carbonscope::test
