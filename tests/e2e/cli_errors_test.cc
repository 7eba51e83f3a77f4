// Command-line mistakes are answered in carbonscope's words: no raw CLI11 text, an
// unknown command or option gets a suggestion, and every error points to the help of
// the subcommand it concerns (newcomer report #9 and section 6).
#include <stdlib.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "e2e/cli.h"

namespace carbonscope::test {
namespace {

// CLI11's own phrases, which must never reach the user.
const char* const kRawPhrases[] = {"The following argument", "A subcommand is required", "Could not convert",
                                   "required TEXT missing", " not in {", "is required\n", "ExtrasError",
                                   "RequiredError"};

void expect_ours(const CliResult& r, const std::string& help_of) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  for (const char* raw : kRawPhrases) EXPECT_EQ(r.err.find(raw), std::string::npos) << raw << " in " << r.err;
  EXPECT_NE(r.err.find("Run '" + help_of + " --help' for usage."), std::string::npos) << r.err;
}

TEST(CliErrors, UnknownCommandSuggestsClosest) {
  const CliResult r = run_cli({"runz"});
  expect_ours(r, "carbonscope");
  EXPECT_NE(r.err.find("unknown command 'runz'; did you mean: run, runs?"), std::string::npos) << r.err;
  const CliResult far = run_cli({"xyzzy"});
  expect_ours(far, "carbonscope");
  EXPECT_NE(far.err.find("the commands are: estimate"), std::string::npos) << far.err;
  const CliResult none = run_cli({});
  expect_ours(none, "carbonscope");
  EXPECT_NE(none.err.find("needs a command: estimate"), std::string::npos) << none.err;
}

TEST(CliErrors, UnknownOptionIsNamedWithASuggestion) {
  const CliResult r = run_cli({"run", "--projet", "x", "--", "true"});
  expect_ours(r, "carbonscope run");
  EXPECT_NE(r.err.find("unknown option '--projet' for 'carbonscope run'; did you mean --project?"), std::string::npos)
      << r.err;
  const CliResult eq = run_cli({"estimate", "--hourz=3", "--power", "1W"});
  expect_ours(eq, "carbonscope estimate");
  EXPECT_NE(eq.err.find("unknown option '--hourz'"), std::string::npos) << eq.err;
  EXPECT_NE(eq.err.find("--hours"), std::string::npos) << eq.err;
  const CliResult sensors = run_cli({"sensors", "--foo"});
  expect_ours(sensors, "carbonscope sensors");
  const CliResult top = run_cli({"estimate", "--data-dir", "x", "--power", "1W", "--hours", "1"});
  expect_ours(top, "carbonscope estimate");
  EXPECT_NE(top.err.find("goes before the command"), std::string::npos) << top.err;
}

TEST(CliErrors, RunCommandWithoutDashDashSaysWhereItGoes) {
  const CliResult r = run_cli({"run", "python3", "-c", "print(1)"});
  expect_ours(r, "carbonscope run");
  EXPECT_NE(r.err.find("put the command after --: carbonscope run [options] -- python3 -c 'print(1)'"),
            std::string::npos)
      << r.err;
  // run's own options before the command are fine; the command still starts at its first word.
  const CliResult q = run_cli({"run", "--quiet", "python3", "train.py", "-x"});
  expect_ours(q, "carbonscope run");
  EXPECT_NE(q.err.find("-- python3 train.py -x"), std::string::npos) << q.err;
}

TEST(CliErrors, SubcommandErrorsPointToTheirOwnHelp) {
  const CliResult lst = run_cli({"runs", "lst"});
  expect_ours(lst, "carbonscope runs");
  EXPECT_NE(lst.err.find("did you mean: list?"), std::string::npos) << lst.err;
  const CliResult runs = run_cli({"runs"});
  expect_ours(runs, "carbonscope runs");
  EXPECT_NE(runs.err.find("needs a subcommand: list"), std::string::npos) << runs.err;
  const CliResult lca = run_cli({"lca"});
  expect_ours(lca, "carbonscope lca");
  const CliResult format = run_cli({"lca", "--format", "pdf", "x.toml"});
  expect_ours(format, "carbonscope lca");
  EXPECT_NE(format.err.find("--format: 'pdf' is not one of: text, md, json"), std::string::npos) << format.err;
  const CliResult value = run_cli({"estimate", "--gpu"});
  expect_ours(value, "carbonscope estimate");
  EXPECT_NE(value.err.find("--gpu needs a value"), std::string::npos) << value.err;
  const CliResult year = run_cli({"estimate", "--power", "1W", "--hours", "1", "--year", "abc"});
  expect_ours(year, "carbonscope estimate");
  EXPECT_NE(year.err.find("--year: 'abc' is not a whole number"), std::string::npos) << year.err;
  const CliResult limit = run_cli({"runs", "list", "--limit", "x"});
  expect_ours(limit, "carbonscope runs list");
  const CliResult extra = run_cli({"estimate", "--gpu", "A100", "SXM4", "--hours", "1"});
  expect_ours(extra, "carbonscope estimate");
  EXPECT_NE(extra.err.find("unexpected argument 'SXM4'"), std::string::npos) << extra.err;
  EXPECT_NE(extra.err.find("quotes"), std::string::npos) << extra.err;
  const CliResult table = run_cli({"data", "gpus"});
  expect_ours(table, "carbonscope data");
}

// Values that start with a dash are values, not unknown options.
TEST(CliErrors, NegativeValuesAreNotOptions) {
  const CliResult r = run_cli({"estimate", "--power", "400W", "--hours", "-3"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--hours"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("unknown option"), std::string::npos) << r.err;
}

TEST(CliErrors, UsageLineNamesTheToolNotItsPath) {
  const CliResult r = run_cli({"run", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Usage: carbonscope run"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(CARBONSCOPE_BINARY), std::string::npos) << r.out;
  const CliResult top = run_cli({"--help"});
  EXPECT_NE(top.out.find("Usage: carbonscope "), std::string::npos) << top.out;
}

// run and monitor warn about a likely unit slip too, and go on.
TEST(CliErrors, RunWarnsAboutAnImplausibleIntensity) {
  char dir[] = "/tmp/cs_e2e_warn_XXXXXX";
  ASSERT_NE(::mkdtemp(dir), nullptr);
  const CliResult r = run_cli({"run", "--quiet", "--no-ledger", "--output-dir", dir, "--intensity", "0.4", "--", "true"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: --intensity: 0.4 g/kWh is implausibly low"), std::string::npos) << r.err;
  std::filesystem::remove_all(dir);
}

TEST(CliErrors, SensorsOnAVirtualMachineSayRaplIsNotExposed) {
  const std::string root = std::string(CARBONSCOPE_FIXTURES) + "/vm";
  const CliResult r = run_cli({"sensors"}, {"CARBONSCOPE_SYSFS_ROOT=" + root, "CARBONSCOPE_PROC_ROOT=" + root,
                                            "CARBONSCOPE_NVML_LIBRARY=/nonexistent/libnvidia-ml.so.1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("rapl-powercap  unavailable  RAPL is not exposed to this virtual machine (QEMU)"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("modprobe"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace carbonscope::test
