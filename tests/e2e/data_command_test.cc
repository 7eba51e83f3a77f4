// `carbonscope data`: listing, searching, one entry with its sources, JSON, errors.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"

namespace carbonscope::test {
namespace {

TEST(DataCommand, ShowsOneEntryWithItsSources) {
  const CliResult r = run_cli({"data", "cpus", "xeon gold 6248"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("150 W"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("licence"), std::string::npos) << r.out;

  const CliResult us = run_cli({"data", "regions", "us-east-1", "--json"});
  ASSERT_EQ(us.exit_code, 0) << us.err;
  const auto j = nlohmann::json::parse(us.out);
  EXPECT_EQ(j["provider"], "aws");
  EXPECT_GT(j["g_per_kwh"].get<double>(), 0);
}

TEST(DataCommand, SearchListsAllMatches) {
  const CliResult r = run_cli({"data", "hardware", "h100", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_GE(j.size(), 3u);
  for (const auto& e : j) EXPECT_NE(e["name"].get<std::string>().find("H100"), std::string::npos);
}

TEST(DataCommand, ListsWholeTables) {
  const CliResult r = run_cli({"data", "sources", "--json"});
  ASSERT_EQ(r.exit_code, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_GT(j.size(), 10u);
  for (const auto& s : j) EXPECT_FALSE(s["licence"].get<std::string>().empty());
  const CliResult regions = run_cli({"data", "regions"});
  EXPECT_EQ(regions.exit_code, 0);
  EXPECT_NE(regions.out.find("gcp:us-central1"), std::string::npos);
  EXPECT_NE(regions.out.find("France"), std::string::npos);
}

TEST(DataCommand, UnknownSearchSuggests) {
  const CliResult r = run_cli({"data", "hardware", "a1000"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("did you mean"), std::string::npos) << r.err;
  EXPECT_EQ(run_cli({"data", "planets"}).exit_code, 2);
}

TEST(DataCommand, OverrideDirectoryReplacesATable) {
  char dir[] = "/tmp/cs_data_XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  const std::string path = std::string(dir) + "/equivalents.csv";
  FILE* f = fopen(path.c_str(), "w");
  fputs("key,name,kg_co2e_per_unit,unit,source_id\ncar_km_eu,Test car km,-1,km,ga-data\n", f);
  fclose(f);
  const CliResult r = run_cli({"--data-dir", dir, "estimate", "--power", "1W", "--hours", "1"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("equivalents.csv:2"), std::string::npos) << r.err;

  f = fopen(path.c_str(), "w");
  fputs("key,name,kg_co2e_per_unit,unit,source_id\ncar_km_eu,Test car km,1,km,ga-data\n", f);
  fclose(f);
  const CliResult ok = run_cli({"estimate", "--energy", "1kWh", "--intensity", "1000g", "--json"},
                               {std::string("CARBONSCOPE_DATA_DIR=") + dir});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  const auto j = nlohmann::json::parse(ok.out);
  EXPECT_EQ(j["estimate"]["equivalents"][0]["name"], "Test car km");
  EXPECT_DOUBLE_EQ(j["estimate"]["equivalents"][0]["amount"].get<double>(), 1.0);
  std::remove(path.c_str());
  rmdir(dir);
}

}  // namespace
}  // namespace carbonscope::test
