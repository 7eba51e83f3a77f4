// `run` and `monitor` with a ledger they cannot write: the run's files are written, the
// failure is printed naming --ledger, and `run` still passes the child's exit code through.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "e2e/cli.h"

namespace carbonscope::test {
namespace {

namespace fs = std::filesystem;

TEST(RunLedgerWarning, ADamagedLedgerIsPrintedAndTheChildsExitCodePassesThrough) {
  const fs::path dir = fs::temp_directory_path() / ("cs_e2e_bad_ledger_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string bad = (dir / "bad.db").string();
  std::ofstream(bad) << std::string(200, 'x') << "\n";
  const CliResult r = run_cli({"run", "--quiet", "--ledger", bad, "--output-dir", (dir / "out").string(), "--",
                               "sh", "-c", "exit 3"},
                              {"CARBONSCOPE_FAKE_SENSORS=cpu=10W"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("in the ledger " + bad), std::string::npos) << r.err;
  int reports = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir / "out")) reports += e.path().filename() == "report.json";
  EXPECT_EQ(reports, 1);
  const CliResult m = run_cli({"monitor", "--quiet", "--duration", "100ms", "--ledger", bad, "--output-dir",
                               (dir / "out").string()},
                              {"CARBONSCOPE_FAKE_SENSORS=cpu=10W"});
  EXPECT_NE(m.exit_code, 0) << m.err;
  EXPECT_NE(m.err.find("in the ledger " + bad), std::string::npos) << m.err;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace carbonscope::test
