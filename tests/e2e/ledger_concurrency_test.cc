// 32 carbonscope processes recording into the same ledger at once lose nothing, both
// when the ledger does not exist yet (they race to create it) and when it does.
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"
#include "e2e/ledger_util.h"

namespace carbonscope::test {
namespace {

constexpr int kProcesses = 32;

void import_concurrently(const std::string& dir, const std::string& ledger, int round) {
  const auto base = nlohmann::json::parse(
      read_file(std::string(CARBONSCOPE_FIXTURES) + "/reports/runs/20261121T090000Z-a1b2c3.json"));
  std::vector<std::string> files;
  for (int i = 0; i < kProcesses; ++i) {
    auto doc = base;
    doc["run"]["id"] = fmt::format("concurrent-{}-{:02}", round, i);
    files.push_back(fmt::format("{}/run-{}-{}.json", dir, round, i));
    write_file(files.back(), doc.dump());
  }
  std::vector<CliResult> results(kProcesses);
  std::vector<std::thread> threads;
  for (int i = 0; i < kProcesses; ++i) {
    threads.emplace_back([&, i] { results[i] = run_cli({"runs", "import", files[i], "--ledger", ledger}); });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < kProcesses; ++i) EXPECT_EQ(results[i].exit_code, 0) << i << ": " << results[i].err;
}

TEST(LedgerConcurrency, ThirtyTwoProcessesLoseNothing) {
  const std::string dir = temp_dir();
  const std::string ledger = dir + "/shared.db";
  import_concurrently(dir, ledger, 0);  // nobody has created the ledger yet
  import_concurrently(dir, ledger, 1);
  const CliResult r = run_cli({"runs", "list", "--json", "--ledger", ledger});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> ids;
  for (const auto& j : nlohmann::json::parse(r.out)) ids.insert(j["id"].get<std::string>());
  EXPECT_EQ(ids.size(), 2u * kProcesses);
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < kProcesses; ++i) EXPECT_TRUE(ids.count(fmt::format("concurrent-{}-{:02}", round, i))) << i;
  }
  // The power series of every run arrived too.
  const CliResult j = run_cli({"report", "concurrent-0-07", "-f", "json", "--ledger", ledger});
  EXPECT_EQ(nlohmann::json::parse(j.out)["samples"]["concurrent-0-07"]["t_s"].size(), 122u);
}

}  // namespace
}  // namespace carbonscope::test
