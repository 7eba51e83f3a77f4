// Temporary ledgers and golden files for the ledger end-to-end tests.
#include "e2e/ledger_util.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "e2e/cli.h"

namespace carbonscope::test {

std::string temp_dir() {
  static std::atomic<int> n{0};
  const auto dir = std::filesystem::temp_directory_path() /
                   ("cs_e2e_ledger_" + std::to_string(getpid()) + "_" + std::to_string(n++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string fixture_ledger() {
  const std::string path = temp_dir() + "/ledger.db";
  std::vector<std::string> args = {"runs", "import", "--ledger", path};
  for (const auto& e : std::filesystem::directory_iterator(std::string(CARBONSCOPE_FIXTURES) + "/reports/runs")) {
    args.push_back(e.path().string());
  }
  const CliResult r = run_cli(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return path;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

void expect_golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(CARBONSCOPE_FIXTURES) + "/reports/golden/" + name;
  const char* update = std::getenv("CARBONSCOPE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    write_file(path, actual);
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path)) << path << " is missing: run with CARBONSCOPE_UPDATE_GOLDEN=1";
  EXPECT_EQ(actual, read_file(path)) << "golden " << name
                                     << " differs; if the change is intended, rerun with CARBONSCOPE_UPDATE_GOLDEN=1";
}

}  // namespace carbonscope::test
