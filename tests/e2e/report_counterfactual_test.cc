// End-to-end: a tracked run's report carries its counterfactual. In a zone with a series
// for its own hours (imported here, since the shipped ones are for 2022/2024) it uses
// those hours and says so, with the HTML chart of them; in a mapped cloud region with a
// series of another year it is a labelled profile estimate.
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"
#include "support/scratch_dir.h"

namespace carbonscope::test {
namespace {

struct TempDir : test::ScratchDir {
  TempDir() : ScratchDir("cs_cf") {}
};

std::string iso_hour(long long hour) {
  const std::time_t t = static_cast<std::time_t>(hour * 3600);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%MZ", &tm);
  return buf;
}

nlohmann::json counterfactual_of_last(const std::vector<std::string>& env, const std::string& ledger) {
  const CliResult r = run_cli({"report", "last", "--ledger", ledger, "-f", "json"}, env, 60);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j.contains("counterfactuals")) << r.out.substr(0, 400);
  return j["counterfactuals"].begin().value();
}

TEST(ReportCounterfactual, OwnHoursFromAnImportedSeries) {
  TempDir d;
  const std::string ledger = (d.path / "l.db").string();
  std::filesystem::create_directories(d.path / "data");
  const std::vector<std::string> env{"CARBONSCOPE_DATA_DIR=" + (d.path / "data").string()};
  // Three days around now: 200 g/kWh, except 50 in the hours two ahead of now.
  const auto now_h =
      std::chrono::duration_cast<std::chrono::hours>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  std::ofstream csv(d.path / "gb.csv");
  csv << "timestamp,g_per_kwh\n";
  for (long long h = now_h - 36; h < now_h + 36; ++h) {
    csv << iso_hour(h) << "," << (h == now_h + 2 || h == now_h + 3 ? 50 : 200) << "\n";
  }
  csv.close();
  CliResult r = run_cli({"data", "import-intensity", (d.path / "gb.csv").string(), "--zone", "GB"}, env, 60);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_cli({"run", "--ledger", ledger, "--quiet", "--region", "GB", "--", "sleep", "0.2"}, env, 60);
  ASSERT_EQ(r.exit_code, 0) << r.err;

  const nlohmann::json c = counterfactual_of_last(env, ledger);
  ASSERT_TRUE(c["own_hours"].is_object()) << c.dump();
  EXPECT_EQ(c["own_hours"]["basis"], "hourly");
  EXPECT_NE(c["own_hours"]["data"].get<std::string>().find("hourly intensity, GB"), std::string::npos);
  EXPECT_NEAR(c["own_hours"]["intensity_g_per_kwh"]["central"].get<double>(), 200, 1e-6);
  ASSERT_TRUE(c["best_time"].is_object());
  EXPECT_NEAR(c["best_time"]["intensity_g_per_kwh"]["central"].get<double>(), 50, 1e-6);
  EXPECT_EQ(c["region_scope"], "the regions and zones in Europe");

  r = run_cli({"report", "last", "--ledger", ledger, "-f", "html"}, env, 60);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("<h2>Counterfactual</h2>"), std::string::npos);
  EXPECT_NE(r.out.find("Grid intensity over the run&#39;s hours"), std::string::npos) << r.out.substr(0, 200);
  r = run_cli({"report", "last", "--ledger", ledger, "-f", "md"}, env, 60);
  EXPECT_NE(r.out.find("### Counterfactual"), std::string::npos);
  EXPECT_NE(r.out.find("hourly intensity, GB"), std::string::npos);
}

TEST(ReportCounterfactual, ACloudRegionWithAnotherYearsSeriesIsAProfileEstimate) {
  TempDir d;
  const std::string ledger = (d.path / "l.db").string();
  std::filesystem::create_directories(d.path / "data");
  const std::vector<std::string> env{"CARBONSCOPE_DATA_DIR=" + (d.path / "data").string()};
  CliResult r =
      run_cli({"run", "--ledger", ledger, "--quiet", "--cloud", "aws:us-east-1", "--", "true"}, env, 60);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json c = counterfactual_of_last(env, ledger);
  ASSERT_TRUE(c["own_hours"].is_object()) << c.dump();
  EXPECT_EQ(c["own_hours"]["basis"], "profile");
  EXPECT_NE(c["own_hours"]["data"].get<std::string>().find("profile estimate from PJM 2022"),
            std::string::npos);
  EXPECT_EQ(c["region_scope"], "aws regions");
  EXPECT_NE(c["best_region"]["place"].get<std::string>().rfind("aws:", 0), std::string::npos);
  r = run_cli({"report", "last", "--ledger", ledger}, env, 60);
  EXPECT_NE(r.out.find("Counterfactual:"), std::string::npos);
}

}  // namespace
}  // namespace carbonscope::test
