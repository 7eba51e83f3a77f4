// Ledger faults of the campaign (F5 stored side, F6, F7, F8, F12, F13, F20): each test is
// the report's reproduction, bounded, on a temporary ledger.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"
#include "e2e/ledger_util.h"
#include "faults/fault_util.h"

namespace carbonscope::test {
namespace {

using nlohmann::json;

const std::string kFixtureRun = std::string(CARBONSCOPE_FIXTURES) + "/reports/runs/20261121T090000Z-a1b2c3.json";

json fixture_report() { return json::parse(read_file(kFixtureRun)); }

std::string write_json(const std::string& dir, const std::string& name, const json& j) {
  const std::string path = dir + "/" + name;
  write_file(path, j.dump());
  return path;
}

TEST(LedgerFaults, NumericFlagsOutOfRangeAreUsageErrors) {  // F6
  const std::string ledger = fixture_ledger();
  for (const char* limit : {"-1", "2147483648", "18446744073709551615", "1e3", "x"}) {
    for (std::vector<std::string> cmd : {std::vector<std::string>{"runs", "list"}, {"runs", "export"}, {"report"}}) {
      cmd.insert(cmd.end(), {"--ledger", ledger, "--limit", limit});
      const CliResult r = run_cli(cmd);
      EXPECT_EQ(r.exit_code, 2) << cmd[0] << " --limit " << limit << ": " << r.err;
      EXPECT_NE(r.err.find("--limit"), std::string::npos) << r.err;
    }
  }
  EXPECT_EQ(run_cli({"runs", "list", "--ledger", ledger, "--limit", "1000000000"}).exit_code, 0);
}

TEST(LedgerFaults, ImportNamesTheFieldOfAWrongType) {  // F7
  const std::string dir = temp_dir();
  json s = fixture_report();
  s["schema"] = 1;
  CliResult r = run_cli({"runs", "import", "--ledger", dir + "/l.db", write_json(dir, "s.json", s)});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("s.json: schema: expected a string"), std::string::npos) << r.err;

  json c = fixture_report();
  c["samples"] = json::array({{{"t_s", 0}, {"component", 5}, {"power_w", 1}}});
  r = run_cli({"runs", "import", "--ledger", dir + "/l.db", write_json(dir, "c.json", c)});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("c.json: samples[0].component: expected a string, got a number"), std::string::npos) << r.err;

  json runs = json::array();
  for (int i = 0; i < 3; ++i) {
    json j = fixture_report();
    j["run"]["id"] = "typed-" + std::to_string(i);
    runs.push_back(j);
  }
  runs[2]["samples"] = json::array({{{"t_s", 0}, {"component", 5}, {"power_w", 1}}});
  runs[1]["run"]["tags"] = json::array({"ok", nullptr});
  r = run_cli({"runs", "import", "--ledger", dir + "/l.db",
               write_json(dir, "b.json", {{"schema", "carbonscope.runs/1"}, {"runs", runs}})});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("b.json: run[1].run.tags[1]: expected a string, got null"), std::string::npos) << r.err;
  // Every string, number, array and object field with each wrong type: never an abort.
  const json base = fixture_report();
  int tried = 0;
  for (const auto& [key, value] : base["run"].items()) {
    for (const json& wrong : {json(5), json(nullptr), json::object(), json::array(), json("x")}) {
      json j = base;
      j["run"][key] = wrong;
      r = run_cli({"runs", "import", "--ledger", dir + "/l.db", write_json(dir, "w.json", j)});
      ++tried;
      EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 3) << key << "=" << wrong.dump() << ": " << r.exit_code << r.err;
      if (r.exit_code == 0) (void)run_cli({"runs", "rm", "--ledger", dir + "/l.db", "20261121T090000Z-a1b2c3"});
      if (r.exit_code == 3 && wrong.type() != value.type() && !(wrong.is_number() && value.is_number())) {
        EXPECT_NE(r.err.find("run." + key), std::string::npos) << r.err;
      }
    }
  }
  EXPECT_GT(tried, 50);
}

TEST(LedgerFaults, ImportIsAllOrNothingPerFile) {  // F8
  const std::string dir = temp_dir();
  json runs = json::array();
  for (int i = 0; i < 3; ++i) {
    json j = fixture_report();
    j["run"]["id"] = "atomic-" + std::to_string(i);
    j["samples"] = json::array({{{"t_s", 0}, {"component", "cpu"}, {"power_w", 10}}});
    runs.push_back(j);
  }
  runs[2]["run"]["id"] = "atomic-0";
  const std::string ledger = dir + "/a.db";
  CliResult r = run_cli({"runs", "import", "--ledger", ledger,
                         write_json(dir, "a.json", {{"schema", "carbonscope.runs/1"}, {"runs", runs}})});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("nothing of it was imported"), std::string::npos) << r.err;
  EXPECT_EQ(sql_text(ledger, "SELECT count(*) FROM runs"), "0");
  EXPECT_EQ(sql_text(ledger, "SELECT count(*) FROM samples"), "0");
  runs[2]["run"]["id"] = "atomic-2";
  r = run_cli({"runs", "import", "--ledger", ledger,
               write_json(dir, "b.json", {{"schema", "carbonscope.runs/1"}, {"runs", runs}})});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(sql_text(ledger, "SELECT count(*) FROM runs"), "3");
  EXPECT_EQ(sql_text(ledger, "SELECT count(DISTINCT run_seq) FROM samples"), "3");
}

TEST(LedgerFaults, AbsurdFiguresAreRefusedOnImport) {  // F5
  const std::string dir = temp_dir();
  json n = fixture_report();
  n["energy_kwh"] = {{"central", -1}, {"low", -2}, {"high", -0.5}};
  n["emissions_kg"]["central"] = -5;
  n["run"]["duration_s"] = -3600;
  CliResult r = run_cli({"runs", "import", "--ledger", dir + "/l.db", write_json(dir, "n.json", n)});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("cannot be negative"), std::string::npos) << r.err;
  json h = fixture_report();
  h["energy_kwh"]["central"] = 5e301;
  r = run_cli({"runs", "import", "--ledger", dir + "/l.db", write_json(dir, "h.json", h)});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("energy_kwh.central"), std::string::npos) << r.err;
  r = run_cli({"estimate", "--save", "--ledger", dir + "/l.db", "--power", "1e300W", "--hours", "1e300"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(sql_text(dir + "/l.db", "SELECT count(*) FROM runs"), "0");
}

TEST(LedgerFaults, OneBadStoredRunDoesNotBreakTheOthers) {  // F5, stored side
  const std::string ledger = fixture_ledger();
  const std::string bad = "20261121T090000Z-a1b2c3";
  ASSERT_EQ(sql_exec(ledger, "UPDATE runs SET energy_kwh = 9e999, duration_s = -8 WHERE id = '" + bad + "'; "
                             "UPDATE reports SET report = json_set(report, '$.energy_kwh.central', json('null')) "
                             "WHERE run_seq = (SELECT seq FROM runs WHERE id = '" + bad + "')"), "");
  const std::string project = sql_text(ledger, "SELECT project FROM runs WHERE id = '" + bad + "'");
  CliResult r = run_cli({"runs", "list", "--ledger", ledger});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("inf"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("invalid"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find(bad), std::string::npos) << r.err;
  r = run_cli({"runs", "list", "--json", "--ledger", ledger});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(json::parse(r.out, nullptr, false).is_discarded()) << r.out;
  for (const char* fmt : {"csv", "json"}) {
    r = run_cli({"runs", "export", "--format", fmt, "--ledger", ledger});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("skipped " + bad), std::string::npos) << fmt << r.err;
    EXPECT_EQ(r.out.find(bad), std::string::npos);
  }
  r = run_cli({"report", "--since", "2000-01-01", "--ledger", ledger});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(bad), std::string::npos) << r.err;
  r = run_cli({"runs", "show", bad, "--ledger", ledger});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find(bad), std::string::npos) << r.err;
  (void)project;
}

TEST(LedgerFaults, ForeignSqliteFileIsNeverModified) {  // F13
  const std::string dir = temp_dir();
  const std::string db = dir + "/f.db";
  ASSERT_EQ(sql_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1)"), "");
  const std::string before = read_file(db);
  const std::vector<std::vector<std::string>> cmds = {
      {"estimate", "--save", "--power", "1W", "--hours", "1"}, {"runs", "list"}, {"report", "last"},
      {"runs", "import", kFixtureRun}, {"runs", "export"}};
  for (const auto& cmd : cmds) {
    const CliResult r = run_cli(cmd, {"CARBONSCOPE_LEDGER=" + db});
    EXPECT_EQ(r.exit_code, 3) << cmd[0] << ": " << r.err;
    EXPECT_NE(r.err.find("not a carbonscope ledger"), std::string::npos) << r.err;
  }
  EXPECT_EQ(read_file(db), before);
  EXPECT_EQ(sql_text(db, "PRAGMA journal_mode"), "delete");
  EXPECT_FALSE(std::filesystem::exists(db + "-wal"));
}

TEST(LedgerFaults, EmptyFileReadsAsAnEmptyLedger) {  // F20
  const std::string dir = temp_dir();
  write_file(dir + "/e.db", "");
  CliResult r = run_cli({"runs", "list", "--ledger", dir + "/e.db"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("no runs match"), std::string::npos);
  r = run_cli({"runs", "list", "--json", "--ledger", dir + "/e.db"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = run_cli({"report", "last", "--ledger", dir + "/e.db"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("no runs yet"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(dir + "/e.db"), "");
}

TEST(LedgerFaults, ReadersRacingTheCreationNeverSeeRawSqlErrors) {  // F20
  for (int round = 0; round < 3; ++round) {
    const std::string ledger = temp_dir() + "/race.db";
    std::vector<Started> procs;
    for (int i = 0; i < 8; ++i) {
      procs.push_back(start_cli({"estimate", "--save", "--power", "1W", "--hours", "1"}, {"CARBONSCOPE_LEDGER=" + ledger}));
      procs.push_back(start_cli({"runs", "list"}, {"CARBONSCOPE_LEDGER=" + ledger}));
    }
    for (const Started& p : procs) {
      const CliResult r = finish(p);
      EXPECT_EQ(r.err.find("no such table"), std::string::npos) << r.err;
      EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 2) << r.exit_code << r.err;
    }
    EXPECT_EQ(sql_text(ledger, "SELECT count(*) FROM runs"), "8");
  }
}

TEST(LedgerFaults, ReadOnlyLedgerOfAnotherUserCanBeRead) {  // F12
  const std::string src = temp_dir() + "/l.db";
  ASSERT_EQ(run_cli({"runs", "import", "--ledger", src, kFixtureRun}).exit_code, 0);
  const std::string dir = temp_dir();
  chmod(dir.c_str(), 0755);
  const std::string ro = dir + "/ro";
  std::filesystem::create_directory(ro);
  std::filesystem::copy_file(src, ro + "/ledger.db");
  const std::string ledger = ro + "/ledger.db";
  chmod(ledger.c_str(), 0444);
  std::vector<std::string> prefix;
  if (geteuid() == 0) {
    if (run_program({"setpriv", "--version"}).exit_code != 0) GTEST_SKIP() << "setpriv is not installed: cannot drop root";
    if (chown(ro.c_str(), 65534, 65534) != 0 || chown(ledger.c_str(), 65534, 65534) != 0) GTEST_SKIP() << "cannot chown";
    prefix = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
  }
  chmod(ro.c_str(), 0555);
  for (const std::vector<std::string>& cmd : {std::vector<std::string>{"runs", "list"}, {"report", "last"},
                                              {"runs", "export", "--format", "json"}}) {
    std::vector<std::string> argv = prefix;
    argv.push_back(CARBONSCOPE_BINARY);
    argv.insert(argv.end(), cmd.begin(), cmd.end());
    argv.insert(argv.end(), {"--ledger", ledger});
    const CliResult r = run_program(argv);
    EXPECT_EQ(r.exit_code, 0) << cmd[0] << " " << cmd[1] << ": " << r.err;
    EXPECT_NE(r.out.find("20261121T090000Z-a1b2c3"), std::string::npos) << r.out;
  }
  EXPECT_FALSE(std::filesystem::exists(ledger + "-shm"));
  chmod(ro.c_str(), 0755);
}

}  // namespace
}  // namespace carbonscope::test
