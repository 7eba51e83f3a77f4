// `carbonscope plan`: the done-when example in text and JSON, filters, imported series,
// and bad input with exit code 2 and a message that says what to change.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"

namespace carbonscope::test {
namespace {

const std::vector<std::string> kDoneWhen = {"plan",
                                            "--gpu",
                                            "H100 SXM",
                                            "--count",
                                            "8",
                                            "--hours",
                                            "10",
                                            "--from",
                                            "aws:us-east-1",
                                            "--within",
                                            "US",
                                            "--start-after",
                                            "2022-07-01T00:00Z",
                                            "--deadline",
                                            "2022-07-03T00:00Z"};

std::vector<std::string> with(std::vector<std::string> base, const std::vector<std::string>& more) {
  base.insert(base.end(), more.begin(), more.end());
  return base;
}

TEST(PlanCommand, DoneWhenExampleText) {
  const CliResult r = run_cli(kDoneWhen);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* s :
       {"Window    start between 2022-07-01T00:00Z and 2022-07-02T14:00Z", "hourly BPAT 2022 [eia930]",
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

TEST(PlanCommand, ForecastsPastTheEndOfTheSeries) {
  const CliResult r = run_cli({"plan", "--gpu", "H100 SXM", "--count", "8", "--hours", "10", "--from",
                               "aws:us-east-1", "--providers", "aws", "--within", "US", "--start-after",
                               "2023-01-02T00:00Z", "--within", "48h", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["from"]["intensity"]["basis"], "forecast");
  bool noted = false;
  for (const auto& n : j["notes"])
    noted = noted || n.get<std::string>().find("profile forecast") != std::string::npos;
  EXPECT_TRUE(noted) << r.out;
}

TEST(PlanCommand, ComparesHardware) {
  const CliResult r = run_cli({"plan",
                               "--gpu",
                               "H100 SXM",
                               "--gpu",
                               "A100 SXM4 80GB",
                               "--count",
                               "8",
                               "--params",
                               "7B",
                               "--tokens",
                               "5B",
                               "--from",
                               "aws:us-east-1",
                               "--providers",
                               "aws,gcp",
                               "--within",
                               "US",
                               "--start-after",
                               "2022-07-01T00:00Z",
                               "--within",
                               "96h",
                               "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["hardware"].size(), 2u);
  std::set<std::string> seen;
  for (const auto& o : j["options"]) seen.insert(o["hardware"].get<std::string>());
  EXPECT_EQ(seen.size(), 2u) << r.out;
  const CliResult text =
      run_cli({"plan", "--gpu", "H100 SXM", "--gpu", "A100 SXM4 80GB", "--hours", "5", "--top", "3"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Hardware"), std::string::npos);
  EXPECT_NE(text.out.find("  or        1 x NVIDIA A100"), std::string::npos) << text.out;
}

TEST(PlanCommand, WhereOnlyWithFilters) {
  const CliResult r =
      run_cli({"plan", "--gpu", "A100 SXM4 80GB", "--hours", "12", "--providers", "aws,gcp", "--within", "EU",
               "--exclude-region", "gcp:europe-north2", "--top", "3", "--json"});
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
                               "private", "--within", "FR", "--start-after", "2025-03-01T00:00Z",
                               "--deadline", "2025-03-02T00:00Z", "--json"});
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
      {{"--start-after", "2022-07-01T00:00Z", "--deadline", "2022-07-01T04:00Z"},
       "or later, or shorten the job"},
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

TEST(PlanCommand, NearAddsADistanceColumnAndWeighRanksByScore) {
  const CliResult plain = run_cli(with(kDoneWhen, {"--near", "New York City"}));
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  for (const char* s : {"Near      New York City, US-NY (40.7143, -74.0060)", " km ", "great-circle km from",
                        "km away", "Best "}) {
    EXPECT_NE(plain.out.find(s), std::string::npos) << s << "\n" << plain.out;
  }
  EXPECT_EQ(plain.out.find("Score"), std::string::npos);

  const CliResult weighed =
      run_cli(with(kDoneWhen, {"--near", "40.71,-74.01", "--weigh", "carbon=1,distance=0.3", "--json"}));
  ASSERT_EQ(weighed.exit_code, 0) << weighed.err;
  const auto j = nlohmann::json::parse(weighed.out);
  EXPECT_DOUBLE_EQ(j["near"]["lat"].get<double>(), 40.71);
  EXPECT_DOUBLE_EQ(j["weights"]["distance"].get<double>(), 0.3);
  double last = 2;
  for (const auto& o : j["options"]) {
    ASSERT_TRUE(o.contains("distance_km")) << o.dump();
    ASSERT_TRUE(o.contains("score")) << o.dump();
    EXPECT_LE(o["score"].get<double>(), last);
    last = o["score"].get<double>();
    EXPECT_NE(o["provider"], "private");
    EXPECT_FALSE(o["city"].get<std::string>().empty());
  }
  EXPECT_GT(j["from"]["distance_km"].get<double>(), 300);  // Ashburn, VA from New York
  EXPECT_LT(j["from"]["distance_km"].get<double>(), 400);

  const CliResult none = run_cli(with(kDoneWhen, {"--json"}));
  ASSERT_EQ(none.exit_code, 0) << none.err;
  const auto n = nlohmann::json::parse(none.out);
  EXPECT_TRUE(n["near"].is_null());
  EXPECT_TRUE(n["weights"].is_null());
  EXPECT_FALSE(n["options"][0].contains("distance_km"));
}

TEST(PlanCommand, BadNearAndWeighSayWhatToDo) {
  struct Case {
    std::vector<std::string> args;
    const char* must_mention;
  };
  const Case cases[] = {
      {{"--near", "London"}, "London, GB-ENG (pop. 7.6M); London, CA-08 (pop. 347k)"},
      {{"--near", "Atlantis"}, "no city of 100,000 people or more"},
      {{"--near", "91,0"}, "latitude 91 is outside -90..90"},
      {{"--near", "45,-200"}, "longitude -200 is outside -180..180"},
      {{"--weigh", "carbon=1,distance=0.3"}, "add --near"},
      {{"--near", "Paris,FR", "--weigh", "price=1"}, "no price criterion"},
      {{"--near", "Paris,FR", "--weigh", "latency=1"}, "unknown criterion 'latency'"},
      {{"--near", "Paris,FR", "--weigh", "carbon=-1"}, "is negative"},
      {{"--near", "Paris,FR", "--weigh", "carbon=0,distance=0"}, "every weight is 0"},
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

namespace carbonscope::test {
namespace {

std::string fixture(const std::string& name) {
  return std::string(CARBONSCOPE_FIXTURES) + "/intensity/" + name;
}

struct TempDir {
  std::string path;
  TempDir() {
    char d[] = "/tmp/cs_import_XXXXXX";
    path = mkdtemp(d);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

TEST(ImportIntensity, EveryFormatEndToEndIntoPlan) {
  struct Case {
    const char* file;
    const char* zone;  // given with --zone; nullptr = the one the file names
    const char* format;
    const char* day;
    double first_hour;
  };
  const Case cases[] = {
      {"electricitymaps.csv", nullptr, "electricitymaps", "2025-03-01", 40.5},
      {"watttime.csv", "US-CA", "watttime", "2025-03-01", 453.6},
      {"uk_carbon_intensity.json", "GB", "uk-carbon-intensity", "2024-05-01", 110},
      {"carbon_aware_sdk.json", "US-VA", "carbon-aware-sdk", "2025-03-01", 400},
      {"plain.csv", "DE", "plain", "2025-03-01", 80},
  };
  for (const Case& c : cases) {
    TempDir dir;
    std::vector<std::string> args = {"--data-dir", dir.path, "data", "import-intensity", fixture(c.file)};
    if (c.zone) args.insert(args.end(), {"--zone", c.zone});
    const CliResult r = run_cli(args);
    ASSERT_EQ(r.exit_code, 0) << c.file << ": " << r.err;
    EXPECT_NE(r.out.find(std::string("(") + c.format + ")"), std::string::npos) << r.out;
    const std::string zone = c.zone ? c.zone : "FR";
    const CliResult show =
        run_cli({"--data-dir", dir.path, "data", "intensity", zone, "--date", c.day, "--json"});
    ASSERT_EQ(show.exit_code, 0) << c.file << ": " << show.err;
    const auto j = nlohmann::json::parse(show.out);
    EXPECT_NEAR(j["hours"][0]["g_per_kwh"].get<double>(), c.first_hour, 0.1) << c.file;
    // plan picks the imported series for the private zone within its span.
    const std::string start = std::string(c.day) + "T00:00Z";
    const std::string end = std::string(c.day) + "T02:00Z";
    const CliResult plan =
        run_cli({"--data-dir", dir.path, "plan", "--power", "1kW", "--hours", "1", "--providers", "private",
                 "--within", zone, "--start-after", start, "--deadline", end, "--json", "--top", "50"});
    ASSERT_EQ(plan.exit_code, 0) << c.file << ": " << plan.err;
    const auto p = nlohmann::json::parse(plan.out);
    bool found = false;
    for (const auto& o : p["options"]) {
      if (o["place"] == zone) {
        found = true;
        EXPECT_EQ(o["intensity"]["basis"], "hourly") << c.file;
        EXPECT_NE(o["intensity"]["origin"].get<std::string>().find(dir.path), std::string::npos) << c.file;
      }
    }
    EXPECT_TRUE(found) << c.file << "\n" << plan.out;
  }
}

TEST(ImportIntensity, ElectricityMapsBalancingAuthorityIdsMapToTheSeries) {
  TempDir dir;
  const std::string file = dir.path + "/pjm.csv";
  {
    std::ofstream f(file);
    f << "Datetime (UTC),Country,Zone Name,Zone Id,Carbon Intensity gCO\u2082eq/kWh (direct),"
         "Carbon Intensity gCO\u2082eq/kWh (LCA)\n";
    for (int d = 1; d <= 2; ++d) {
      for (int h = 0; h < 24; ++h) {
        char line[160];
        std::snprintf(line, sizeof line, "2025-03-%02d %02d:00:00,United States,PJM,US-MIDA-PJM,300,%d\n", d,
                      h, h == 12 ? 100 : 400);
        f << line;
      }
    }
  }
  const CliResult r = run_cli({"--data-dir", dir.path, "data", "import-intensity", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("as zone PJM"), std::string::npos) << r.out;
  // aws:us-east-1 maps to PJM, so plan now uses the imported series for it.
  const CliResult p =
      run_cli({"--data-dir", dir.path, "plan", "--power", "1kW", "--hours", "1", "--from", "aws:us-east-1",
               "--start-after", "2025-03-01T00:00Z", "--deadline", "2025-03-02T00:00Z", "--json"});
  ASSERT_EQ(p.exit_code, 0) << p.err;
  const auto j = nlohmann::json::parse(p.out);
  EXPECT_EQ(j["from"]["intensity"]["basis"], "hourly");
  EXPECT_EQ(j["from"]["best_start"]["start"], "2025-03-01T12:00Z");
}

TEST(ImportIntensity, BadFilesAndZones) {
  TempDir dir;
  const auto import = [&](std::vector<std::string> more) {
    std::vector<std::string> args = {"--data-dir", dir.path, "data", "import-intensity"};
    args.insert(args.end(), more.begin(), more.end());
    return run_cli(args);
  };
  CliResult r = import({fixture("bad_value.csv"), "--zone", "FR"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("bad_value.csv:3:"), std::string::npos) << r.err;
  r = import({fixture("duplicate.csv"), "--zone", "FR"});
  EXPECT_NE(r.err.find("duplicate time"), std::string::npos) << r.err;
  r = import({fixture("plain.csv")});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("--zone"), std::string::npos) << r.err;
  r = import({fixture("plain.csv"), "--zone", "../etc"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  r = import({fixture("plain.csv"), "--format", "excel", "--zone", "FR"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  r = import({"/nonexistent.csv", "--zone", "FR"});
  EXPECT_NE(r.exit_code, 0);
}

TEST(DataIntensity, ShowsADayWithAChart) {
  const CliResult r = run_cli({"data", "intensity", "aws:us-east-1", "--date", "2022-07-01", "--hourly"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("grid zone PJM"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[eia930]"), std::string::npos);
  EXPECT_NE(r.out.find("\u2588"), std::string::npos);  // the chart's tallest bar
  EXPECT_NE(r.out.find("2022-07-01T23:00Z"), std::string::npos);
  const CliResult j = run_cli({"data", "intensity", "GB", "--date", "2024-03-10", "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  EXPECT_EQ(nlohmann::json::parse(j.out)["hours"].size(), 24u);
  const CliResult outside = run_cli({"data", "intensity", "PJM", "--date", "2023-07-01"});
  EXPECT_EQ(outside.exit_code, 2);
  EXPECT_NE(outside.err.find("2022-01-01 to 2022-12-31"), std::string::npos) << outside.err;
  const CliResult none = run_cli({"data", "intensity", "FR", "--date", "2022-07-01"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("import-intensity"), std::string::npos) << none.err;
  EXPECT_EQ(run_cli({"data", "regions", "us-east-1"}).exit_code, 0);  // the tables still work
  char svg[] = "/tmp/cs_svg_XXXXXX";
  const int fd = mkstemp(svg);
  ASSERT_GE(fd, 0);
  ::close(fd);
  const CliResult chart =
      run_cli({"data", "intensity", "MISO", "--date", "2022-07-01", "--days", "2", "--svg", svg});
  ASSERT_EQ(chart.exit_code, 0) << chart.err;
  std::ifstream in(svg);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_NE(ss.str().find("<svg"), std::string::npos);
  EXPECT_NE(ss.str().find("MISO"), std::string::npos);
  std::remove(svg);
}

}  // namespace
}  // namespace carbonscope::test
