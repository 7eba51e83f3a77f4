// Bad input of the campaign (F14 data tables, F15 project files): rejected with
// file:line and the field, never an abort, never an n/a or negative figure.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "e2e/cli.h"
#include "e2e/ledger_util.h"
#include "faults/fault_util.h"

namespace carbonscope::test {
namespace {

const std::string kData = std::string(CARBONSCOPE_SOURCE_DIR) + "/data";

std::string fmt_line(const std::string& file, std::size_t line) { return file + ":" + std::to_string(line) + ":"; }

// A --data-dir holding `name` with `text`.
std::string data_dir_with(const std::string& name, const std::string& text) {
  const std::string dir = temp_dir();
  write_file(dir + "/" + name, text);
  return dir;
}

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const std::size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

TEST(InputFaults, InvalidUtf8InATableIsRejectedWithFileLine) {  // F14
  std::string eq = read_file(kData + "/equivalents.csv");
  const std::size_t line2 = eq.find('\n') + 1;
  const std::size_t comma = eq.find(',', line2);
  eq.insert(eq.find(',', comma + 1), "caf\xE9");
  const CliResult r = run_cli({"--data-dir", data_dir_with("equivalents.csv", eq), "estimate", "--power", "100W",
                               "--hours", "1", "--json"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("equivalents.csv:2: invalid UTF-8"), std::string::npos) << r.err;
}

TEST(InputFaults, NegativeLowOfAConstantIsRejected) {  // F14
  std::string c = read_file(kData + "/constants.csv");
  std::string line;
  for (std::size_t at = 0, n = 1; at < c.size(); ++n) {
    const std::size_t end = c.find('\n', at);
    line = c.substr(at, end - at);
    if (line.rfind("memory_w_per_gb,", 0) == 0) {
      // key,value,unit,low,high,...: the low becomes -5.
      const std::size_t f1 = line.find(','), f2 = line.find(',', f1 + 1), f3 = line.find(',', f2 + 1);
      const std::size_t f4 = line.find(',', f3 + 1);
      c.replace(at + f3 + 1, f4 - f3 - 1, "-5");
      const CliResult r = run_cli({"--data-dir", data_dir_with("constants.csv", c), "estimate", "--memory", "100GB",
                                   "--hours", "1"});
      EXPECT_EQ(r.exit_code, 3) << r.err << r.out;
      EXPECT_NE(r.err.find(fmt_line("constants.csv", n)), std::string::npos) << r.err;
      return;
    }
    at = end + 1;
  }
  FAIL() << "no memory_w_per_gb row";
}

TEST(InputFaults, AbsurdPeakFlopsAreRejected) {  // F14
  std::string a = read_file(kData + "/accelerators.csv");
  // The first bf16 figure of the table becomes 1e-300.
  const std::string header = a.substr(0, a.find('\n'));
  int col = 0;
  for (std::size_t p = 0, i = 0; p < header.size(); ++i) {
    const std::size_t e = header.find(',', p);
    if (header.substr(p, e - p) == "bf16_tflops") col = static_cast<int>(i);
    if (e == std::string::npos) break;
    p = e + 1;
  }
  ASSERT_GT(col, 0);
  std::size_t at = a.find('\n') + 1;
  std::size_t line = 2;
  for (;; ++line) {
    const std::size_t end = a.find('\n', at);
    std::string row = a.substr(at, end - at);
    std::size_t p = 0;
    for (int i = 0; i < col; ++i) p = row.find(',', p) + 1;
    const std::size_t e = row.find(',', p);
    if (row.find('"') == std::string::npos && e > p) {
      a.replace(at + p, e - p, "1e-300");
      break;
    }
    at = end + 1;
  }
  const CliResult r = run_cli({"--data-dir", data_dir_with("accelerators.csv", a), "estimate", "--power", "1W",
                               "--hours", "1"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find(fmt_line("accelerators.csv", line)), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bf16_tflops"), std::string::npos) << r.err;
}

TEST(InputFaults, TableErrorsThatLackedFileLineHaveIt) {  // F14
  CliResult r = run_cli({"--data-dir", data_dir_with("pue.csv", ""), "estimate", "--power", "1W", "--hours", "1"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("pue.csv:1:"), std::string::npos) << r.err;
  const std::string c = read_file(kData + "/constants.csv");
  std::string without;
  for (std::size_t at = 0; at < c.size();) {
    const std::size_t end = c.find('\n', at);
    const std::string line = c.substr(at, end == std::string::npos ? std::string::npos : end - at + 1);
    if (line.rfind("memory_w_per_gb,", 0) != 0) without += line;
    if (end == std::string::npos) break;
    at = end + 1;
  }
  r = run_cli({"--data-dir", data_dir_with("constants.csv", without), "estimate", "--memory", "1GB", "--hours", "1"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("constants.csv:1: no row with key 'memory_w_per_gb'"), std::string::npos) << r.err;
}

const std::string kBloom = std::string(CARBONSCOPE_SOURCE_DIR) + "/examples/bloom.toml";

CliResult lca_of(const std::string& text) {
  const std::string path = temp_dir() + "/p.toml";
  write_file(path, text);
  return run_cli({"lca", path});
}

TEST(InputFaults, DeeplyNestedProjectFileIsRejectedBeforeParsing) {  // F15
  std::string dotted;
  for (int i = 0; i < 50000; ++i) dotted += "x.";
  CliResult r = lca_of(dotted + "y = 1\n");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("p.toml:1: keys, tables or arrays nested deeper than 64"), std::string::npos) << r.err;
  std::string header = "name = \"p\"\n[";
  for (int i = 0; i < 40000; ++i) header += "a.";
  r = lca_of(header + "b]\n");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("p.toml:2:"), std::string::npos) << r.err;
  r = lca_of("x = " + std::string(100000, '[') + std::string(100000, ']') + "\n");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  // Dots and brackets inside strings and comments do not count.
  r = lca_of(read_file(kBloom) + "# " + dotted + "\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(InputFaults, TinyAndHugeProjectFiguresAreRejectedByName) {  // F15
  const std::string bloom = read_file(kBloom);
  CliResult r = lca_of(replace_once(bloom, "use_share = \"85%\"", "use_share = 4.9e-324"));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("use_share"), std::string::npos) << r.err;
  r = lca_of(replace_once(bloom, "lifetime_years = 6", "lifetime_years = 4.9e-324"));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("lifetime_years"), std::string::npos) << r.err;
  r = lca_of(bloom + "\n[[inference]]\nname = \"api\"\nrequests = 1000\nenergy_per_request = \"1e300kWh\"\n");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("energy_per_request"), std::string::npos) << r.err;
  r = lca_of(bloom + "\n[[inference]]\nname = \"api\"\nrequests = 1000\nenergy_per_request = \"1Wh\"\n"
                     "instances = 0x7FFFFFFFFFFFFFFF\n");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("instances"), std::string::npos) << r.err;
  EXPECT_FALSE(absurd_success(lca_of(bloom)));
}

}  // namespace
}  // namespace carbonscope::test
