// `carbonscope plan`: the done-when example in text and JSON, filters, imported series,
// and bad input with exit code 2 and a message that says what to change.
#include <cstdio>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"

namespace carbonscope::test {
namespace {

const std::vector<std::string> kDoneWhen = {"plan",  "--gpu",          "H100 SXM", "--count",          "8",
                                            "--hours", "10",           "--from",   "aws:us-east-1", "--within",
                                            "US",    "--start-after", "2022-07-01T00:00Z", "--deadline",
                                            "2022-07-03T00:00Z"};

std::vector<std::string> with(std::vector<std::string> base, const std::vector<std::string>& more) {
  base.insert(base.end(), more.begin(), more.end());
  return base;
}

TEST(PlanCommand, DoneWhenExampleText) {
  const CliResult r = run_cli(kDoneWhen);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* s : {"Window    start between 2022-07-01T00:00Z and 2022-07-02T14:00Z", "hourly BPAT 2022 [eia930]",
                        "Saving vs aws:us-east-1", "hourly PJM 2022", "Best ", "Later ", "annual"}) {
    EXPECT_NE(r.out.find(s), std::string::npos) << s << "\n" << r.out;
  }
  EXPECT_NE(r.out.find(" to "), std::string::npos);  // ranges
}

TEST(PlanCommand, DoneWhenExampleJson) {
  const CliResult r = run_cli(with(kDoneWhen, {"--json"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "carbonscope.plan/1");
  EXPECT_EQ(j["window"]["starts"], 39);
  ASSERT_EQ(j["options"].size(), 10u);
  double last = 0;
  int hourly = 0;
  for (const auto& o : j["options"]) {
    const auto& e = o["emissions_kg"];
    EXPECT_LE(e["low"].get<double>(), e["central"].get<double>());
    EXPECT_LE(e["central"].get<double>(), e["high"].get<double>());
    EXPECT_GE(e["central"].get<double>(), last);
    last = e["central"].get<double>();
    EXPECT_EQ(o["saving"]["against"], "aws:us-east-1");
    if (o["intensity"]["basis"] == "hourly") {
      ++hourly;
      const std::string start = o["start"];
      EXPECT_GE(start, "2022-07-01T00:00Z");
      EXPECT_LE(start, "2022-07-02T14:00Z");
    } else {
      EXPECT_NE(o["note"].get<std::string>().find("annual"), std::string::npos);
    }
  }
  EXPECT_GT(hourly, 0);
  EXPECT_EQ(j["from"]["intensity"]["series_zone"], "PJM");
  EXPECT_TRUE(j["from"].contains("best_start"));
}

TEST(PlanCommand, WhereOnlyWithFilters) {
  const CliResult r = run_cli({"plan", "--gpu", "A100 SXM4 80GB", "--hours", "12", "--providers", "aws,gcp",
                               "--within", "EU", "--exclude-region", "gcp:europe-north2", "--top", "3", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["window"].is_null());
  ASSERT_EQ(j["options"].size(), 3u);
  for (const auto& o : j["options"]) {
    EXPECT_TRUE(o["provider"] == "aws" || o["provider"] == "gcp");
    EXPECT_NE(o["place"], "gcp:europe-north2");
    EXPECT_EQ(o["intensity"]["basis"], "annual");
  }
}

TEST(PlanCommand, UsesAnImportedSeries) {
  char dir[] = "/tmp/cs_plan_XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  const std::string hourly = std::string(dir) + "/hourly";
  ASSERT_EQ(::mkdir(hourly.c_str(), 0755), 0);
  {
    std::ofstream f(hourly + "/FR.csv");
    f << "timestamp,g_per_kwh\n";
    for (int d = 1; d <= 2; ++d) {
      for (int h = 0; h < 24; ++h) {
        char line[64];
        std::snprintf(line, sizeof line, "2025-03-%02dT%02d:00Z,%d\n", d, h, h >= 10 && h < 16 ? 20 : 80);
        f << line;
      }
    }
  }
  const CliResult r = run_cli({"--data-dir", dir, "plan", "--power", "1kW", "--hours", "4", "--providers",
                               "private", "--within", "FR", "--start-after", "2025-03-01T00:00Z", "--deadline",
                               "2025-03-02T00:00Z", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_GE(j["options"].size(), 1u);
  const auto& o = j["options"][0];
  EXPECT_EQ(o["place"], "FR");
  EXPECT_EQ(o["intensity"]["basis"], "hourly");
  EXPECT_EQ(o["start"], "2025-03-01T10:00Z");
  EXPECT_DOUBLE_EQ(o["intensity"]["g_per_kwh"]["central"].get<double>(), 20);
  std::remove((hourly + "/FR.csv").c_str());
  ::rmdir(hourly.c_str());
  ::rmdir(dir);
}

TEST(PlanCommand, BadInputSaysWhatToDo) {
  struct Case {
    std::vector<std::string> args;
    const char* must_mention;
  };
  const Case cases[] = {
      {{"--start-after", "2022-07-03T00:00Z", "--deadline", "2022-07-01T00:00Z"}, "is not after the start"},
      {{"--start-after", "2022-07-01T00:00Z", "--deadline", "2022-07-01T04:00Z"}, "or later, or shorten the job"},
      {{"--start-after", "2022-07-01 00:00", "--deadline", "2022-07-03T00:00Z"}, "no time zone"},
      {{"--start-after", "2022-07-01T00:00Z"}, "--within 48h"},
      {{"--within", "Atlantis"}, "--within Atlantis"},
      {{"--providers", "nimbus"}, "not a provider"},
      {{"--from", "aws:mars-1"}, "--from"},
  };
  for (const Case& c : cases) {
    const CliResult r = run_cli(with({"plan", "--gpu", "H100 SXM", "--hours", "10"}, c.args));
    EXPECT_EQ(r.exit_code, 2) << c.must_mention << ": " << r.err;
    EXPECT_NE(r.err.find(c.must_mention), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
}

}  // namespace
}  // namespace carbonscope::test
