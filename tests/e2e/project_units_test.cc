// Project files read quantities with the same parsers as the flags: a per-request
// energy in mWh is milliwatt-hours (newcomer report #2: it was read as MWh, 10^9 too
// large), and a spelling whose m/M case is lost is refused with the file and line.
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"

namespace carbonscope::test {
namespace {

std::string write_project(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / ("carbonscope-units-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

TEST(ProjectUnits, EnergyPerRequestInMilliwattHours) {
  const std::string path = write_project("api.toml", R"(
intensity = "400g"
[[inference]]
requests = 2000000
energy_per_request = "0.3mWh"
)");
  const CliResult r = run_cli({"lca", path, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  // 0.3 mWh x 2e6 = 600 Wh = 0.6 kWh.
  EXPECT_NEAR(j["entries"][0]["energy_kwh"]["central"].get<double>(), 0.6, 1e-9);
}

TEST(ProjectUnits, LostCaseIsRefusedWithFileAndLine) {
  const std::string path = write_project("bad.toml", "[[inference]]\nrequests = 10\nenergy_per_request = \"0.3MWH\"\n");
  const CliResult r = run_cli({"lca", path});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(path + ":3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mWh (milliwatt-hours) or MWh (megawatt-hours)"), std::string::npos) << r.err;
}

// A cloud region given as region = "..." is sent to cloud = "...", in the file's terms.
TEST(ProjectUnits, CloudRegionAsRegionPointsToCloudKey) {
  const std::string path = write_project("cloud.toml", "region = \"us-east-1\"\n[[inference]]\nenergy = \"3kWh\"\n");
  const CliResult r = run_cli({"lca", path});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("region: 'us-east-1' is a cloud region, not a grid zone: use cloud = \"aws:us-east-1\""),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace carbonscope::test
