// `carbonscope runs ...` end to end: list with filters and JSON, show, compare,
// export (CodeCarbon CSV and JSON round trip), rm, import errors, and the clear errors
// for damaged, foreign and newer ledgers through the CLI.
#include <fstream>
#include <filesystem>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"
#include "e2e/ledger_util.h"

namespace carbonscope::test {
namespace {

TEST(RunsCli, ListFiltersAndJson) {
  const std::string ledger = fixture_ledger();
  CliResult r = run_cli({"runs", "list", "--ledger", ledger}, {"COLUMNS=120"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(r.out.find("20261123T080000Z-0789ab"), r.out.find("20261121T090000Z-a1b2c3"));  // newest first
  EXPECT_NE(r.out.find("incomplete (exit 137)"), std::string::npos);

  const auto ids = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"runs", "list", "--json", "--ledger", ledger});
    const CliResult res = run_cli(args);
    EXPECT_EQ(res.exit_code, 0) << res.err;
    std::vector<std::string> out;
    for (const auto& j : nlohmann::json::parse(res.out)) out.push_back(j["id"]);
    return out;
  };
  EXPECT_EQ(ids({}).size(), 3u);
  EXPECT_EQ(ids({"--project", "bert-finetune"}).size(), 2u);
  EXPECT_EQ(ids({"--tag", "ablation"}), std::vector<std::string>{"20261122T140000Z-d4e5f6"});
  EXPECT_EQ(ids({"--status", "incomplete"}), std::vector<std::string>{"20261122T140000Z-d4e5f6"});
  EXPECT_EQ(ids({"--kind", "estimate"}), std::vector<std::string>{"20261123T080000Z-0789ab"});
  EXPECT_EQ(ids({"--since", "2026-11-22", "--until", "2026-11-22"}), std::vector<std::string>{"20261122T140000Z-d4e5f6"});
  EXPECT_EQ(ids({"--limit", "1"}), std::vector<std::string>{"20261123T080000Z-0789ab"});

  r = run_cli({"runs", "list", "--ledger", ledger, "--since", "yesterday"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("YYYY-MM-DD"), std::string::npos);
  r = run_cli({"runs", "list", "--ledger", ledger, "--status", "done"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(RunsCli, ShowCompareAndRemove) {
  const std::string ledger = fixture_ledger();
  CliResult r = run_cli({"runs", "show", "20261121T09", "--ledger", ledger});  // a unique prefix
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("python3 train.py --epochs 3"), std::string::npos);
  EXPECT_NE(r.out.find("Energy, GPU"), std::string::npos);
  r = run_cli({"runs", "show", "last", "--json", "--ledger", ledger});
  EXPECT_EQ(nlohmann::json::parse(r.out)["run"]["id"], "20261123T080000Z-0789ab");
  r = run_cli({"runs", "show", "2026", "--ledger", ledger});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("matches several runs"), std::string::npos);

  r = run_cli({"runs", "compare", "20261121T090000Z-a1b2c3", "20261122T140000Z-d4e5f6", "--ledger", ledger});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("energy ram"), std::string::npos);
  EXPECT_NE(r.out.find("-"), std::string::npos);
  r = run_cli({"runs", "compare", "last", "--ledger", ledger});
  EXPECT_EQ(r.exit_code, 2);

  r = run_cli({"runs", "rm", "20261122T140000Z-d4e5f6", "--ledger", ledger});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_cli({"runs", "show", "20261122T140000Z-d4e5f6", "--ledger", ledger});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no run"), std::string::npos);
}

TEST(RunsCli, ExportCsvInCodeCarbonLayoutAndJsonRoundTrip) {
  const std::string ledger = fixture_ledger();
  CliResult r = run_cli({"runs", "export", "--ledger", ledger, "--project", "bert-finetune"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string header = r.out.substr(0, r.out.find('\n'));
  EXPECT_EQ(header,
            "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,"
            "ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,"
            "country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,"
            "cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,"
            "cpu_utilization_percent,gpu_utilization_percent,ram_utilization_percent,ram_used_gb,on_cloud,pue,wue");
  EXPECT_EQ(std::count(header.begin(), header.end(), ',') + 1, 38);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3);  // header + 2 runs, oldest first
  // UTC with an explicit offset; the run's tags as CodeCarbon's experiment_id.
  EXPECT_NE(r.out.find("\n2026-11-21T10:00:00+00:00,bert-finetune,20261121T090000Z-a1b2c3,baseline;lr=3e-5,3600,"),
            std::string::npos)
      << r.out;
  // A run recorded before reports carried their place gets it from its label ("FR").
  EXPECT_NE(r.out.find(",France,FRA,,,,"), std::string::npos) << r.out;

  const std::string json_path = temp_dir() + "/runs.json";
  r = run_cli({"runs", "export", "--ledger", ledger, "--format", "json", "-o", json_path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string copy = temp_dir() + "/copy.db";
  r = run_cli({"runs", "import", json_path, "--ledger", copy});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const CliResult a = run_cli({"report", "20261121T090000Z-a1b2c3", "-f", "json", "--ledger", ledger});
  const CliResult b = run_cli({"report", "20261121T090000Z-a1b2c3", "-f", "json", "--ledger", copy});
  EXPECT_EQ(a.out, b.out);  // reports and samples survive export + import
  r = run_cli({"runs", "import", json_path, "--ledger", copy});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("already in the ledger"), std::string::npos);
}

TEST(RunsCli, ImportRejectsBadFilesAndAssignsMissingIds) {
  const std::string dir = temp_dir();
  const std::string ledger = dir + "/l.db";
  write_file(dir + "/bad.json", "{not json");
  CliResult r = run_cli({"runs", "import", dir + "/bad.json", "--ledger", ledger});
  EXPECT_EQ(r.exit_code, 3);
  write_file(dir + "/other.json", R"({"schema": "something/9"})");
  r = run_cli({"runs", "import", dir + "/other.json", "--ledger", ledger});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("carbonscope.report/1"), std::string::npos);
  auto doc = nlohmann::json::parse(read_file(std::string(CARBONSCOPE_FIXTURES) +
                                             "/reports/runs/20261121T090000Z-a1b2c3.json"));
  doc["run"]["id"] = "";
  write_file(dir + "/noid.json", doc.dump());
  r = run_cli({"runs", "import", dir + "/noid.json", "--ledger", ledger});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("imported 20261121T090000Z-", 0), 0u) << r.out;
}

TEST(RunsCli, DamagedForeignMissingAndNewerLedgers) {
  const std::string dir = temp_dir();
  write_file(dir + "/garbage.db", std::string(4096, 'x'));
  CliResult r = run_cli({"runs", "list", "--ledger", dir + "/garbage.db"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("damaged"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(dir + "/garbage.db"), std::string(4096, 'x'));
  r = run_cli({"runs", "import", std::string(CARBONSCOPE_FIXTURES) + "/reports/runs/20261121T090000Z-a1b2c3.json",
               "--ledger", dir + "/garbage.db"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(read_file(dir + "/garbage.db"), std::string(4096, 'x'));

  r = run_cli({"runs", "list", "--ledger", dir + "/missing.db"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("runs import"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir + "/missing.db"));
}

TEST(RunsCli, LedgerPathFromEnvironment) {
  const std::string dir = temp_dir();
  const std::string fixture = std::string(CARBONSCOPE_FIXTURES) + "/reports/runs/20261121T090000Z-a1b2c3.json";
  CliResult r = run_cli({"runs", "import", fixture}, {"CARBONSCOPE_LEDGER=" + dir + "/env.db"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir + "/env.db"));
  r = run_cli({"runs", "import", fixture}, {"XDG_DATA_HOME=" + dir + "/xdg"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir + "/xdg/carbonscope/ledger.db"));
  r = run_cli({"runs", "list", "--ledger", dir + "/env.db"}, {"CARBONSCOPE_LEDGER=/nonexistent/x.db"});
  EXPECT_EQ(r.exit_code, 0) << "--ledger wins over the environment: " << r.err;
}

}  // namespace
}  // namespace carbonscope::test

namespace carbonscope::test {
namespace {

TEST(RunsCli, ListShowsTheNewestHundredUnlessAskedForAll) {
  const std::string dir = temp_dir();
  std::ifstream in(std::string(CARBONSCOPE_FIXTURES) + "/reports/runs/20261121T090000Z-a1b2c3.json");
  const nlohmann::json one = nlohmann::json::parse(in);
  nlohmann::json doc = {{"schema", "carbonscope.runs/1"}, {"runs", nlohmann::json::array()}};
  for (int i = 0; i < 130; ++i) {
    nlohmann::json r = one;
    r["run"]["id"] = fmt::format("20261121T09{:02}{:02}Z-{:04x}", i / 60, i % 60, i);
    r["run"]["start_unix"] = 1795338000.0 + i;
    doc["runs"].push_back(r);
  }
  const std::string file = dir + "/many.json";
  std::ofstream(file) << doc.dump();
  const std::string ledger = dir + "/many.db";
  ASSERT_EQ(run_cli({"runs", "import", file, "--ledger", ledger}).exit_code, 0);

  const CliResult capped = run_cli({"runs", "list", "--json", "--ledger", ledger});
  ASSERT_EQ(capped.exit_code, 0) << capped.err;
  const auto newest = nlohmann::json::parse(capped.out);
  ASSERT_EQ(newest.size(), 100u);
  // Newest first: run 129 heads the list and run 30 closes it.
  EXPECT_EQ(newest.front()["id"], "20261121T090209Z-0081");
  EXPECT_EQ(newest.back()["id"], "20261121T090030Z-001e");
  EXPECT_NE(capped.err.find("--all"), std::string::npos) << capped.err;

  const CliResult all = run_cli({"runs", "list", "--all", "--json", "--ledger", ledger});
  EXPECT_EQ(nlohmann::json::parse(all.out).size(), 130u);
  EXPECT_TRUE(all.err.empty()) << all.err;
  EXPECT_EQ(nlohmann::json::parse(run_cli({"runs", "list", "--limit", "7", "--json", "--ledger", ledger}).out).size(),
            7u);
}

}  // namespace
}  // namespace carbonscope::test

namespace carbonscope::test {
namespace {

TEST(ServeCli, TheMainBinaryHandsServeToCarbonscopeServe) {
  // The dashboard lives in carbonscope-serve; `carbonscope serve` execs it with the same
  // arguments, so its own validation answers (a port out of range, an address that is
  // not local) come back through the main binary.
  const CliResult port = run_cli({"serve", "--port", "99999", "--ledger", temp_dir() + "/l.db"});
  EXPECT_EQ(port.exit_code, 2);
  EXPECT_NE(port.err.find("out of range"), std::string::npos) << port.err;
  const CliResult host = run_cli({"serve", "--host", "300.1.1.1", "--ledger", temp_dir() + "/l.db"});
  EXPECT_EQ(host.exit_code, 1);
  EXPECT_NE(host.err.find("cannot listen on 300.1.1.1"), std::string::npos) << host.err;
}

// `runs list` fits the terminal whatever the values: no line is wider than COLUMNS,
// every column starts where its header does (long values end in "..."), tiny figures
// keep the unit policy, and the command shows when there is room.
TEST(RunsCli, ListFitsTheTerminalAndStaysAligned) {
  const std::string dir = temp_dir();
  std::ifstream in(std::string(CARBONSCOPE_FIXTURES) + "/reports/runs/20261121T090000Z-a1b2c3.json");
  nlohmann::json tiny = nlohmann::json::parse(in);
  tiny["run"]["id"] = "20261124T090000Z-f00d01";
  tiny["run"]["start_unix"] = 1795597200.0;
  tiny["run"]["project"] = "a-project-name-far-longer-than-any-terminal-column-should-ever-hold";
  tiny["run"]["command"] = {"python3", "train.py", "--a-very-long-option", "with-a-value", "--and-another", "one"};
  for (const char* key : {"energy_kwh", "facility_energy_kwh"}) {
    tiny[key] = {{"central", 1.67e-10}, {"low", 1e-10}, {"high", 2e-10}};
  }
  tiny["emissions_kg"] = {{"central", 7.36e-12}, {"low", 5e-12}, {"high", 9e-12}};
  const std::string file = dir + "/tiny.json";
  std::ofstream(file) << tiny.dump();
  const std::string ledger = fixture_ledger();
  ASSERT_EQ(run_cli({"runs", "import", file, "--ledger", ledger}).exit_code, 0);
  for (const int columns : {80, 120, 200}) {
    for (const bool all : {false, true}) {
      std::vector<std::string> args = {"runs", "list", "--ledger", ledger};
      if (all) args.push_back("--all");
      const CliResult r = run_cli(args, {fmt::format("COLUMNS={}", columns)});
      ASSERT_EQ(r.exit_code, 0) << r.err;
      std::vector<std::string> lines;
      for (std::size_t p = 0, e; p < r.out.size(); p = e + 1) {
        e = r.out.find('\n', p);
        lines.push_back(r.out.substr(p, e - p));
      }
      ASSERT_GE(lines.size(), 5u) << r.out;
      std::vector<std::size_t> starts;  // where each header word begins
      for (std::size_t i = 1; i < lines[0].size(); ++i) {
        if (lines[0][i] != ' ' && lines[0][i - 1] == ' ' && i >= 2 && lines[0][i - 2] == ' ') starts.push_back(i);
      }
      for (const std::string& line : lines) {
        EXPECT_LE(line.size(), static_cast<std::size_t>(columns)) << columns << ":\n" << r.out;
        for (std::size_t s : starts) {
          if (s >= line.size()) continue;
          EXPECT_TRUE(line[s - 1] == ' ' && line[s - 2] == ' ') << "column at " << s << " of:\n" << r.out;
        }
      }
      if (columns < 200) {
        EXPECT_NE(r.out.find("..."), std::string::npos) << r.out;  // the long project
      }
      EXPECT_EQ(r.out.find("e-0"), std::string::npos) << r.out;  // no exponent
      if (columns >= 120) {
        EXPECT_NE(r.out.find("0.000167 mWh"), std::string::npos) << r.out;
        EXPECT_NE(r.out.find("0.00000736 mg"), std::string::npos) << r.out;
      }
      if (columns == 200 && !all) {
        EXPECT_NE(r.out.find("COMMAND"), std::string::npos) << r.out;
      }
      if (columns == 80) {
        EXPECT_EQ(r.out.find("COMMAND"), std::string::npos) << r.out;
      }
    }
  }
}

}  // namespace
}  // namespace carbonscope::test
