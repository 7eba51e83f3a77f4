// The fault campaign as standing tests: 64 writers at once, a full disk, and bounded
// mutation loops with fixed seeds over data tables, project files, report imports and
// sysfs values. Each loop asserts no crash (exit 134/139) and no inf/nan/negative figure
// with exit 0; it stops at its input count or its time bound, whichever comes first, and
// prints how many inputs it tried (docs/validation.md records the figures).
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"
#include "e2e/ledger_util.h"
#include "faults/fault_util.h"

namespace carbonscope::test {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr auto kLoopBound = std::chrono::seconds(20);
const std::string kSource = CARBONSCOPE_SOURCE_DIR;

// The checked-in seed corpus of a target (tests/faults/corpus/<target>/): name -> bytes,
// in name order, so a fixed seed gives the same inputs everywhere.
std::vector<std::pair<std::string, std::string>> corpus(const std::string& target) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : std::filesystem::directory_iterator(kSource + "/tests/faults/corpus/" + target)) {
    if (e.is_regular_file()) out.emplace_back(e.path().filename().string(), read_file(e.path().string()));
  }
  std::sort(out.begin(), out.end());
  EXPECT_FALSE(out.empty()) << "no corpus for " << target;
  return out;
}

// A byte-level mutation: flip, insert, delete, duplicate a span, or splice in a token
// that parsers find hard (huge/tiny/negative numbers, NaN, quotes, bad UTF-8).
std::string mutate(std::string s, std::mt19937& rng) {
  static const std::vector<std::string> tokens = {
      "-1", "-5", "1e308", "1e-300", "4.9e-324", "nan", "inf", "-inf", "0", "\"", ",", "\n", "\xE9", "\xFF\xFE",
      "99999999999999999999", "-0", "1e400", "0x7FFFFFFFFFFFFFFF", "[", "]", "{", "}", ".", "=", "kWh", "%"};
  const int edits = 1 + static_cast<int>(rng() % 3);
  for (int k = 0; k < edits && !s.empty(); ++k) {
    const std::size_t at = rng() % s.size();
    switch (rng() % 5) {
      case 0: s[at] = static_cast<char>(rng() % 256); break;
      case 1: s.insert(at, tokens[rng() % tokens.size()]); break;
      case 2: s.erase(at, 1 + rng() % 8); break;
      case 3: s.insert(at, s.substr(at, 1 + rng() % 16)); break;
      default: {
        // Replace a number with a token.
        std::size_t b = s.find_first_of("0123456789", at);
        if (b == std::string::npos) break;
        std::size_t e = s.find_first_not_of("0123456789.e-", b);
        s.replace(b, (e == std::string::npos ? s.size() : e) - b, tokens[rng() % 14]);
      }
    }
  }
  return s;
}

struct LoopFigures {
  int inputs = 0;
  int failures = 0;
};

template <typename Fn>
LoopFigures loop(const char* name, int max_inputs, Fn one) {
  LoopFigures f;
  const auto start = Clock::now();
  for (; f.inputs < max_inputs && Clock::now() - start < kLoopBound; ++f.inputs) {
    if (!one(f.inputs)) ++f.failures;
  }
  std::printf("[ campaign ] %s: %d inputs, %d failures\n", name, f.inputs, f.failures);
  return f;
}

bool acceptable(const CliResult& r, const std::string& what) {
  const bool bad = absurd_success(r);
  if (bad) ADD_FAILURE() << what << ": exit " << r.exit_code << "\n" << r.out.substr(0, 2000) << r.err.substr(0, 500);
  return !bad;
}

TEST(Campaign, TheAbsurdCheckCatchesTheReportsOutputs) {
  EXPECT_TRUE(absurd_success({0, "20261202T025400Z-7871  estimate  p  -8 s        inf MWh  inf t CO2e", ""}));
  EXPECT_TRUE(absurd_success({0, "IT equipment  37.2 Wh (range -500 Wh to 39.2 Wh)", ""}));
  EXPECT_TRUE(absurd_success({0, "embodied  -nan%  n/a t", ""}));
  EXPECT_TRUE(absurd_success({134, "", "terminate called"}));
  EXPECT_FALSE(absurd_success({0, "Passenger car, EU average fleet, inf km\nBLOOM (Luccioni et al. inf)", ""}));
  EXPECT_FALSE(absurd_success({3, "inf MWh", ""}));
}

TEST(Campaign, SixtyFourWritersAtOnceLoseNothing) {
  const std::string ledger = temp_dir() + "/writers.db";
  std::vector<Started> procs;
  for (int i = 0; i < 64; ++i) {
    procs.push_back(start_cli({"estimate", "--save", "--project", "w" + std::to_string(i), "--power", "10W",
                               "--hours", "1"},
                              {"CARBONSCOPE_LEDGER=" + ledger}));
  }
  int ok = 0;
  for (const Started& p : procs) {
    const CliResult r = finish(p);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    ok += r.exit_code == 0;
  }
  std::printf("[ campaign ] 64 writers: %d recorded\n", ok);
  EXPECT_EQ(sql_text(ledger, "SELECT count(DISTINCT project) FROM runs"), "64");
  EXPECT_EQ(sql_text(ledger, "PRAGMA integrity_check"), "ok");
}

TEST(Campaign, FullDiskSaysDiskFullAndKeepsTheLedgerIntact) {
  if (geteuid() != 0) GTEST_SKIP() << "mounting a small tmpfs needs root (CI runs as root)";
  const std::string dir = temp_dir() + "/full";
  std::filesystem::create_directory(dir);
  if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=1m") != 0) {
    GTEST_SKIP() << "cannot mount a tmpfs here (" << std::strerror(errno) << "): a container without CAP_SYS_ADMIN";
  }
  const std::string ledger = dir + "/ledger.db";
  ASSERT_EQ(run_cli({"estimate", "--save", "--power", "1W", "--hours", "1"}, {"CARBONSCOPE_LEDGER=" + ledger}).exit_code, 0);
  {  // fill the disk
    FILE* f = std::fopen((dir + "/filler").c_str(), "w");
    std::string block(4096, 'x');
    while (f != nullptr && std::fwrite(block.data(), 1, block.size(), f) == block.size() && std::fflush(f) == 0) {
    }
    if (f != nullptr) std::fclose(f);
  }
  CliResult r = run_cli({"estimate", "--save", "--power", "1W", "--hours", "1"}, {"CARBONSCOPE_LEDGER=" + ledger});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("disk full"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("disk I/O error"), std::string::npos) << r.err;
  r = run_cli({"runs", "list"}, {"CARBONSCOPE_LEDGER=" + ledger});
  EXPECT_TRUE(r.exit_code == 0 || r.err.find("disk full") != std::string::npos) << r.err;
  std::filesystem::remove(dir + "/filler");
  EXPECT_EQ(sql_text(ledger, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(sql_text(ledger, "SELECT count(*) FROM runs"), "1");
  ::umount2(dir.c_str(), MNT_DETACH);
}

TEST(Campaign, MutatedDataTables) {
  std::mt19937 rng(1701);
  const auto seeds = corpus("data_tables");  // file name = the table it replaces
  const LoopFigures f = loop("data tables", 400, [&](int) {
    const auto& [name, text] = seeds[rng() % seeds.size()];
    const std::string dir = temp_dir();
    write_file(dir + "/" + name, mutate(text, rng));
    const CliResult r = run_cli({"--data-dir", dir, "estimate", "--gpu", "A100 SXM4 80GB", "--params", "70B",
                                 "--tokens", "2T", "--memory", "100GB", "--json"});
    std::filesystem::remove_all(dir);
    return acceptable(r, name);
  });
  EXPECT_EQ(f.failures, 0);
}

TEST(Campaign, MutatedProjectFiles) {
  std::mt19937 rng(1702);
  const auto seeds = corpus("project_files");
  const std::string path = temp_dir() + "/p.toml";
  const LoopFigures f = loop("project files", 400, [&](int) {
    write_file(path, mutate(seeds[rng() % seeds.size()].second, rng));
    return acceptable(run_cli({"lca", path}), "lca");
  });
  EXPECT_EQ(f.failures, 0);
}

TEST(Campaign, MutatedReportImports) {
  std::mt19937 rng(1703);
  const auto seeds = corpus("report_imports");
  const std::string dir = temp_dir();
  const LoopFigures f = loop("report imports", 400, [&](int i) {
    const std::string file = dir + "/r.json";
    write_file(file, mutate(seeds[rng() % seeds.size()].second, rng));
    const std::string ledger = dir + "/l" + std::to_string(i % 4) + ".db";
    CliResult r = run_cli({"runs", "import", "--ledger", ledger, file});
    bool ok = acceptable(r, "import");
    if (r.exit_code == 0) {
      // Accepted: every reader must still work, with sane figures.
      for (const std::vector<std::string>& cmd : {std::vector<std::string>{"runs", "list"}, {"report", "last"},
                                                  {"runs", "export", "--format", "json"}}) {
        std::vector<std::string> args = cmd;
        args.insert(args.end(), {"--ledger", ledger});
        const CliResult rr = run_cli(args);
        ok = acceptable(rr, cmd[0] + " " + cmd[1]) && ok;
        if (rr.exit_code != 0) {
          ADD_FAILURE() << cmd[0] << " " << cmd[1] << " failed after an accepted import: " << rr.err;
          ok = false;
        }
      }
      std::filesystem::remove(ledger);
    }
    return ok;
  });
  EXPECT_EQ(f.failures, 0);
}

TEST(Campaign, MutatedSysfsValues) {
  std::mt19937 rng(1704);
  const std::string fixture = kSource + "/tests/fixtures/powercap/one_socket";
  if (!std::filesystem::exists(fixture)) GTEST_SKIP() << "no powercap fixture";
  std::vector<std::string> values;
  for (const auto& [name, text] : corpus("sysfs_values")) values.push_back(text);
  const LoopFigures f = loop("sysfs values", 200, [&](int) {
    const std::string root = temp_dir() + "/root";
    std::filesystem::copy(fixture, root, std::filesystem::copy_options::recursive);
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root + "/sys/class/powercap")) {
      if (e.is_regular_file()) files.push_back(e.path().string());
    }
    const std::string target = files[rng() % files.size()];
    const int kind = static_cast<int>(rng() % 10);
    if (kind == 0) {
      std::filesystem::remove(target);
      mkfifo(target.c_str(), 0644);  // never read blocking
    } else if (kind == 1) {
      std::filesystem::remove(target);
      std::filesystem::create_symlink("/dev/zero", target);  // never read to the end
    } else {
      const std::string& v = values[rng() % values.size()];
      write_file(target, kind == 2 ? mutate(v, rng) : v);
    }
    const std::vector<std::string> env = {"CARBONSCOPE_SYSFS_ROOT=" + root, "CARBONSCOPE_PROC_ROOT=" + root};
    const CliResult r = run_cli({"monitor", "--no-ledger", "--duration", "300ms", "--interval", "100ms",
                                 "--output-dir", root + "/out"},
                                env);
    const bool ok = acceptable(r, target);
    std::filesystem::remove_all(root);
    return ok;
  });
  EXPECT_EQ(f.failures, 0);
}

TEST(Campaign, MutatedArguments) {
  // Command lines (one argument per line in the corpus), one to three words replaced by
  // a hard token, mutated bytes, dropped or doubled.
  std::mt19937 rng(1706);
  const auto seeds = corpus("argv");
  const std::string ledger = temp_dir() + "/argv.db";
  const std::vector<std::string> env = {"CARBONSCOPE_LEDGER=" + ledger};
  ASSERT_EQ(run_cli({"estimate", "--save", "--power", "100W", "--hours", "1"}, env).exit_code, 0);
  static const std::vector<std::string> tokens = {
      "-1",       "0",      "1e308",       "1e-300",  "nan", "inf", "-inf", "1e400", "99999999999999999999",
      "4.9e-324", "1e300h", "1e306kg/kWh", "1e-300%", "",    "--",  "-",    "=",     "\xE9",
      "1e300W",   "0x10"};
  const LoopFigures f = loop("arguments", 600, [&](int) {
    std::vector<std::string> args;
    std::stringstream in(seeds[rng() % seeds.size()].second);
    for (std::string w; std::getline(in, w);) args.push_back(w);
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < edits && args.size() > 1; ++k) {
      const std::size_t at = 1 + rng() % (args.size() - 1);  // the command word stays
      switch (rng() % 4) {
        case 0:
          args[at] = tokens[rng() % tokens.size()];
          break;
        case 1:
          args[at] = mutate(args[at], rng);
          break;
        case 2:
          args.erase(args.begin() + static_cast<std::ptrdiff_t>(at));
          break;
        default:
          args.insert(args.begin() + static_cast<std::ptrdiff_t>(at), args[at]);
      }
    }
    std::string line;
    for (const std::string& a : args) line += a + " ";
    return acceptable(run_cli(args, env, 30), line);
  });
  EXPECT_EQ(f.failures, 0);
}

}  // namespace
}  // namespace carbonscope::test
