// A bounded, seeded fuzz of `estimate`'s argument handling: random and odd unit strings
// (case changes, prefixes, clock forms, huge exponents, non-UTF-8 bytes) to every
// quantity flag. The binary must answer 0, 2 or 3 and never crash or abort, and an
// error must say something on stderr.
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "e2e/cli.h"

namespace carbonscope::test {
namespace {

constexpr int kCases = 300;

const std::vector<std::string> kNumbers = {"0", "1", "700", "0.3", "-5", "1e308", "1e-320", "nan", "inf", "+3",
                                           "1.5.5", "", ".", "1e", "99999999999999999999", "2:30", "1-02:30:00"};
const std::vector<std::string> kUnits = {"", "W", "mW", "MW", "Mw", "mw", "kW", "KW", "Wh", "mWh", "MWH", "kwh", "J",
                                         "mJ", "MJ", "g", "kg", "g/kWh", "kg/MWh", "lb/mwh", "%", "h", "m", "M", "ms",
                                         "MS", "min", "d", "w", "GB", "TB", "MB", "B", "T", "k", "s", " h", ":00",
                                         "\xff", "\xc3\x28", "\xe2\x82", "\x80W", "W\xfe", "\t", "g/", "/kWh", "%%"};
const std::vector<std::string> kFlags = {"--power", "--energy", "--hours", "--duration", "--device-hours",
                                         "--utilisation", "--memory", "--intensity", "--pue", "--count", "--params",
                                         "--tokens", "--mfu", "--region", "--cloud", "--year", "--requests"};

TEST(EstimateFuzz, OddUnitStringsNeverCrash) {
  std::mt19937 rng(20261202);  // fixed: the same cases every run
  auto pick = [&rng](const std::vector<std::string>& v) {
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
  };
  for (int i = 0; i < kCases; ++i) {
    std::vector<std::string> args = {"estimate"};
    const int n = std::uniform_int_distribution<int>(1, 4)(rng);
    for (int k = 0; k < n; ++k) {
      args.push_back(pick(kFlags));
      std::string value = pick(kNumbers) + pick(kUnits);
      if (std::uniform_int_distribution<int>(0, 4)(rng) == 0) value += pick(kUnits);  // doubled units
      if (std::uniform_int_distribution<int>(0, 9)(rng) == 0) value = std::string(1, static_cast<char>(rng() % 256));
      args.push_back(value);
    }
    if (std::uniform_int_distribution<int>(0, 1)(rng) == 0) {  // often a valid base, so later stages run too
      args.insert(args.end(), {"--gpu", "GTX 1080 Ti"});
    }
    if (std::uniform_int_distribution<int>(0, 3)(rng) == 0) args.push_back("--json");
    const CliResult r = run_cli(args);
    std::string shown;
    for (const std::string& a : args) shown += "[" + a + "] ";
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 2 || r.exit_code == 3) << r.exit_code << ": " << shown << r.err;
    if (r.exit_code != 0) {
      EXPECT_FALSE(r.err.empty()) << shown;
    }
  }
}

}  // namespace
}  // namespace carbonscope::test
