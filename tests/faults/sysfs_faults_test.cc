// Sysfs faults of the campaign (F16): a RAPL counter written above its
// max_energy_range_uj while `monitor` runs is rejected, not integrated into gigawatt-hours;
// a FIFO or /dev/zero in place of a sysfs file is never read blocking or to its end.
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"
#include "e2e/ledger_util.h"
#include "faults/fault_util.h"

namespace carbonscope::test {
namespace {

const std::string kFixture = std::string(CARBONSCOPE_SOURCE_DIR) + "/tests/fixtures/powercap/one_socket";

std::string copy_tree() {
  const std::string root = temp_dir() + "/root";
  std::filesystem::copy(kFixture, root, std::filesystem::copy_options::recursive);
  return root;
}

std::string only_report(const std::string& out_dir) {
  for (const auto& e : std::filesystem::recursive_directory_iterator(out_dir)) {
    if (e.path().filename() == "report.json") return read_file(e.path().string());
  }
  return "";
}

TEST(SysfsFaults, CounterAboveItsRangeIsNotMeasuredEnergy) {
  const std::string root = copy_tree();
  const std::string z = root + "/sys/class/powercap/intel-rapl:0/energy_uj";
  const std::vector<std::string> env = {"CARBONSCOPE_SYSFS_ROOT=" + root, "CARBONSCOPE_PROC_ROOT=" + root};
  Started s = start_cli({"monitor", "--no-ledger", "--duration", "1s", "--interval", "100ms", "--output-dir",
                         root + "/out"}, env);
  // The values the campaign wrote, while the monitor samples (whenever they land, each
  // is either a plausible rise or a reading to reject).
  std::this_thread::sleep_for(std::chrono::milliseconds(350));
  write_file(z, "2000000\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  write_file(z, "18446744073709551615\n");
  const CliResult r = finish(s);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(only_report(root + "/out"), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_LT(j["energy_kwh"]["central"].get<double>(), 0.001) << j["energy_kwh"].dump();
  for (const auto& p : j["power"]) EXPECT_LT(p["peak_w"].get<double>(), 20000.0) << p.dump();
}

TEST(SysfsFaults, FifoAndDeviceFilesAreNeverReadBlocking) {
  for (const char* file : {"energy_uj", "name", "max_energy_range_uj"}) {
    for (const bool fifo : {true, false}) {
      const std::string root = copy_tree();
      const std::string target = root + "/sys/class/powercap/intel-rapl:0/" + file;
      std::filesystem::remove(target);
      if (fifo) {
        ASSERT_EQ(mkfifo(target.c_str(), 0644), 0);
      } else {
        std::filesystem::create_symlink("/dev/zero", target);
      }
      const CliResult r = run_cli({"sensors"}, {"CARBONSCOPE_SYSFS_ROOT=" + root, "CARBONSCOPE_PROC_ROOT=" + root});
      EXPECT_EQ(r.exit_code, 0) << file << (fifo ? " fifo: " : " /dev/zero: ") << r.err;
      std::filesystem::remove_all(root);
    }
  }
}

}  // namespace
}  // namespace carbonscope::test
