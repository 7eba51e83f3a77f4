// End-to-end: `carbonscope sensors` and `carbonscope run` read one sensor
// configuration, so on the same machine (here the VM fixture) they show the same CPU
// model and TDP.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"

namespace carbonscope::test {
namespace {

namespace fs = std::filesystem;

std::string tdp_in(const std::string& text) {
  std::smatch m;
  return std::regex_search(text, m, std::regex("TDP = ([0-9.]+) W \\(([^)]*)\\)")) ? m[1].str() + " W, " + m[2].str()
                                                                                   : "";
}

TEST(SensorConfig, SensorsAndRunAgreeOnTheCpuModel) {
  const std::string vm = std::string(CARBONSCOPE_FIXTURES) + "/vm";
  const std::vector<std::string> env = {"CARBONSCOPE_SYSFS_ROOT=" + vm, "CARBONSCOPE_PROC_ROOT=" + vm,
                                        "CARBONSCOPE_NVML_LIBRARY=/nonexistent/libnvidia-ml.so.1",
                                        "CARBONSCOPE_ROCM_SMI_LIBRARY=/nonexistent/librocm_smi64.so.1"};
  const CliResult sensors = run_cli({"sensors"}, env, 60);
  ASSERT_EQ(sensors.exit_code, 0) << sensors.err;
  const std::string listed = tdp_in(sensors.out);
  EXPECT_NE(listed.find("15 W, Intel Xeon Gold 6148"), std::string::npos) << sensors.out;

  const fs::path dir = fs::temp_directory_path() / ("cs_sensorcfg_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const CliResult run = run_cli({"run", "--quiet", "--no-ledger", "--output-dir", dir.string(), "--", "true"}, env, 60);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::string used;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!e.is_directory()) continue;
    std::ifstream in(e.path() / "report.json");
    std::stringstream ss;
    ss << in.rdbuf();
    const auto report = nlohmann::json::parse(ss.str());
    for (const auto& c : report["components"]) {
      if (c["component"] == "cpu") used = tdp_in(c["detail"].get<std::string>());
    }
  }
  fs::remove_all(dir);
  EXPECT_EQ(used, listed) << run.err;
}

}  // namespace
}  // namespace carbonscope::test
