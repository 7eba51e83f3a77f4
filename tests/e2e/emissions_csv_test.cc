// End-to-end: the live emissions.csv row that `run` writes is the row `runs export`
// writes for the same run (one writer), with CodeCarbon's location columns filled.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "e2e/cli.h"
#include "e2e/ledger_util.h"

namespace carbonscope::test {
namespace {

std::string last_line(const std::string& text) {
  std::string t = text;
  while (!t.empty() && t.back() == '\n') t.pop_back();
  return t.substr(t.rfind('\n') + 1);
}

std::string run_and_compare(const std::vector<std::string>& where) {
  const std::string dir = temp_dir();
  const std::string ledger = dir + "/ledger.db";
  std::vector<std::string> args = {"run", "--quiet", "--output-dir", dir + "/runs", "--ledger", ledger};
  args.insert(args.end(), where.begin(), where.end());
  args.insert(args.end(), {"--", "true"});
  CliResult r = run_cli(args, {"TZ=America/New_York"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string live = last_line(read_file(dir + "/runs/emissions.csv"));
  r = run_cli({"runs", "export", "--ledger", ledger}, {"TZ=Asia/Tokyo"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(live, last_line(r.out));  // same row, whatever the time zone
  return live;
}

TEST(EmissionsCsv, CountryRunFillsCountryNameAndAlpha3) {
  const std::string row = run_and_compare({"--country", "FR"});
  EXPECT_NE(row.find(",France,FRA,,,,"), std::string::npos) << row;
  EXPECT_NE(row.find("+00:00,"), std::string::npos) << row;
  EXPECT_NE(row.find(",N,1,0"), std::string::npos) << row;  // on_cloud, pue, wue
}

TEST(EmissionsCsv, CloudRunFillsProviderRegionAndOnCloud) {
  const std::string row = run_and_compare({"--cloud", "aws:us-east-1"});
  EXPECT_NE(row.find(",United States,USA,Northern Virginia,aws,us-east-1,"), std::string::npos) << row;
  EXPECT_NE(row.find(",Y,"), std::string::npos) << row;
}

}  // namespace
}  // namespace carbonscope::test
