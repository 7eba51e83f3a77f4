// F5/F19, flag side: every numeric flag of estimate, plan, run, monitor and report (and
// every numeric key of an lca project file), given each of a list of absurd values. A
// huge, negative or non-finite value is refused (exit != 0) with an error that names the
// flag; a tiny one is refused or gives sane figures. Nothing prints inf, nan, n/a or a
// negative figure with exit 0.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "e2e/cli.h"
#include "e2e/ledger_util.h"
#include "faults/fault_util.h"

namespace carbonscope::test {
namespace {

// Values that no flag may accept: huge (with and without units), negative, not finite.
const std::vector<std::string> kRefused = {"1e300",
                                           "1e306",
                                           "1.7976931348623157e308",
                                           "1e400",
                                           "99999999999999999999",
                                           "-1",
                                           "-1e300",
                                           "nan",
                                           "inf",
                                           "-inf",
                                           "1e300h",
                                           "1e300W",
                                           "1e300kWh",
                                           "1e306kg/kWh",
                                           "1e300GB",
                                           "1e300T",
                                           "1e308kg",
                                           "9e15h",
                                           "1e13TWh",
                                           "1e-300%"};
// Values that may be accepted, but then with sane figures only.
const std::vector<std::string> kTiny = {"0", "1e-300", "4.9e-324", "-0", "1e-300h", "1e-300W", "0.0000001%"};

struct Command {
  std::string name;
  std::vector<std::string> base;   // a valid command line without the flag
  std::vector<std::string> flags;  // its numeric flags
  std::vector<std::string> env;
};

// `base` with FLAG VALUE, replacing the flag's value if base has it.
std::vector<std::string> with_flag(std::vector<std::string> base, const std::string& flag,
                                   const std::string& value) {
  for (std::size_t i = 0; i + 1 < base.size(); ++i) {
    if (base[i] == flag) {
      base[i + 1] = value;
      return base;
    }
  }
  // Before "--" (run's command), else at the end.
  auto at = std::find(base.begin(), base.end(), "--");
  at = base.insert(at, value);
  base.insert(at, flag);
  return base;
}

bool names_flag(const std::string& err, const std::string& flag) {
  const std::string bare = flag.substr(2);
  return err.find(flag) != std::string::npos || err.find(bare) != std::string::npos;
}

TEST(AbsurdFlags, EveryNumericFlagRefusesAbsurdValues) {
  const std::string dir = temp_dir();
  const std::string ledger = dir + "/ledger.db";
  ASSERT_EQ(
      run_cli({"estimate", "--save", "--power", "100W", "--hours", "1"}, {"CARBONSCOPE_LEDGER=" + ledger})
          .exit_code,
      0);
  const std::vector<std::string> est = {
      "--count",        "--power",       "--cpus",      "--memory", "--energy", "--hours",   "--duration",
      "--device-hours", "--utilisation", "--intensity", "--pue",    "--year",   "--requests"};
  const std::vector<std::string> compute = {"--params", "--active-params", "--tokens", "--mfu"};
  const std::vector<Command> commands = {
      {"estimate", {"estimate", "--power", "100W", "--hours", "1"}, est, {}},
      {"estimate (cpu, memory)",
       {"estimate", "--cpu", "Xeon Gold 6248", "--cpus", "2", "--memory", "64GB", "--hours", "1"},
       {"--cpus", "--memory", "--utilisation"},
       {}},
      {"estimate (compute)",
       {"estimate", "--gpu", "A100 SXM4 80GB", "--params", "70B", "--tokens", "2T"},
       compute,
       {}},
      {"estimate (inference)",
       {"estimate", "--gpu", "A100 SXM4 80GB", "--params", "7B", "--inference-tokens", "1B"},
       {"--inference-tokens", "--params", "--mfu", "--count"},
       {}},
      {"plan",
       {"plan", "--power", "100W", "--hours", "10"},
       {"--count", "--power", "--hours", "--duration", "--device-hours", "--utilisation", "--top", "--year"},
       {}},
      {"plan (compute)",
       {"plan", "--gpu", "A100 SXM4 80GB", "--params", "70B", "--tokens", "2T"},
       compute,
       {}},
      {"run",
       {"run", "-q", "--no-ledger", "--output-dir", dir + "/runs", "--", "true"},
       {"--interval", "--intensity", "--pue", "--year"},
       {}},
      {"monitor",
       {"monitor", "-q", "--no-ledger", "--output-dir", dir + "/runs", "--duration", "200ms", "--interval",
        "100ms"},
       {"--duration", "--interval", "--intensity", "--pue"},
       {}},
      {"report sci",
       {"report", "last", "--format", "sci"},
       {"--functional-unit", "--embodied-kg", "--limit"},
       {"CARBONSCOPE_LEDGER=" + ledger}},
      {"report html",
       {"report", "last", "--format", "html"},
       {"--compare-intensity"},
       {"CARBONSCOPE_LEDGER=" + ledger}},
      {"runs list", {"runs", "list"}, {"--limit"}, {"CARBONSCOPE_LEDGER=" + ledger}},
  };
  int tried = 0, failures = 0;
  const auto start = std::chrono::steady_clock::now();
  for (const Command& c : commands) {
    ASSERT_EQ(run_cli(c.base, c.env).exit_code, 0) << c.name << ": the base command must work";
    for (const std::string& flag : c.flags) {
      for (const auto* list : {&kRefused, &kTiny}) {
        for (const std::string& v : *list) {
          const std::string value = flag == "--compare-intensity" ? "X=" + v : v;
          const CliResult r = run_cli(with_flag(c.base, flag, value), c.env, 30);
          ++tried;
          const std::string what = c.name + " " + flag + " " + value;
          if (absurd_success(r)) {
            ++failures;
            ADD_FAILURE() << what << ": exit " << r.exit_code << "\n" << r.out.substr(0, 1500);
            continue;
          }
          if (list == &kRefused && r.exit_code == 0) {
            ++failures;
            ADD_FAILURE() << what << ": accepted (exit 0)\n" << r.out.substr(0, 800) << r.err.substr(0, 400);
          } else if (r.exit_code != 0 && !names_flag(r.err, flag)) {
            ++failures;
            ADD_FAILURE() << what << ": the error does not name " << flag << ": " << r.err;
          }
        }
      }
    }
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ campaign ] absurd flags: %d command lines, %d failures (%.0f s)\n", tried, failures, s);
}

TEST(AbsurdFlags, EveryNumericProjectKeyRefusesAbsurdValues) {
  // The lca command's numbers come from its project file: each numeric key, absurd.
  const std::string base =
      "name = \"p\"\nintensity = \"INTENSITY\"\npue = PUE\n[fleet]\nservers = SERVERS\ngpus_per_server = 8\n"
      "gpu = \"A100 SXM4 80GB\"\nserver_embodied = \"EMBODIED\"\ngpu_embodied = \"150kg\"\n"
      "lifetime_years = LIFETIME\nuse_share = \"SHARE\"\n[[training]]\nname = \"t\"\n"
      "hardware = \"A100 SXM4 80GB\"\ncount = COUNT\ndevice_hours = HOURS\n[[inference]]\nname = \"api\"\n"
      "requests = REQUESTS\nenergy_per_request = \"PER_REQUEST\"\n";
  const std::vector<std::pair<std::string, std::string>> keys = {
      {"INTENSITY", "57g/kWh"}, {"PUE", "1.2"},        {"SERVERS", "48"}, {"EMBODIED", "2500kg"},
      {"LIFETIME", "6"},        {"SHARE", "85%"},      {"COUNT", "384"},  {"HOURS", "1082990"},
      {"REQUESTS", "1000000"},  {"PER_REQUEST", "2Wh"}};
  const auto fill = [&](const std::string& key, const std::string& value) {
    std::string s = base;
    for (const auto& [k, v] : keys) {
      const std::size_t at = s.find(k);
      s.replace(at, k.size(), k == key ? value : v);
    }
    return s;
  };
  const std::string path = temp_dir() + "/p.toml";
  write_file(path, fill("", ""));
  const CliResult ok = run_cli({"lca", path});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  int tried = 0, failures = 0;
  for (const auto& [key, sane] : keys) {
    for (const auto* list : {&kRefused, &kTiny}) {
      for (const std::string& v : *list) {
        write_file(path, fill(key, v));
        const CliResult r = run_cli({"lca", path}, {}, 30);
        ++tried;
        if (absurd_success(r) || (list == &kRefused && r.exit_code == 0)) {
          ++failures;
          ADD_FAILURE() << key << " = " << v << ": exit " << r.exit_code << "\n" << r.out.substr(0, 1200);
        }
      }
    }
  }
  std::printf("[ campaign ] absurd project keys: %d files, %d failures\n", tried, failures);
}

}  // namespace
}  // namespace carbonscope::test
