// End-to-end: an imported series with a gap inside the window is not used for that
// window, and the plan says why (the place falls back to its annual figure, marked
// so in the option's note and basis) rather than silently; the same series outside
// the gap is used.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"
#include "support/scratch_dir.h"

namespace carbonscope::test {
namespace {

struct TempDir : test::ScratchDir {
  TempDir() : ScratchDir("cs_plangap") {}
};

nlohmann::json plan_fr(const TempDir& d, const std::string& from, const std::string& to) {
  const CliResult r = run_cli({"--data-dir", d.path.string(), "plan", "--power", "1kW", "--hours", "2", "--providers",
                               "private", "--within", "FR", "--start-after", from, "--deadline", to, "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out)["options"][0];
}

TEST(PlanGaps, AGapInTheWindowIsSaidNotFilled) {
  TempDir d;
  std::filesystem::create_directories(d.path / "hourly");
  {
    std::ofstream f(d.path / "hourly" / "FR.csv");
    f << "timestamp,g_per_kwh\n";
    for (int h = 0; h < 24; ++h) {
      if (h == 15) continue;  // a missing hour
      f << "2025-03-01T" << (h < 10 ? "0" : "") << h << ":00Z," << 50 + h << "\n";
    }
  }
  const auto before = plan_fr(d, "2025-03-01T00:00Z", "2025-03-01T10:00Z");
  EXPECT_EQ(before["intensity"]["basis"], "hourly") << before.dump();
  const auto across = plan_fr(d, "2025-03-01T12:00Z", "2025-03-01T20:00Z");
  EXPECT_EQ(across["intensity"]["basis"], "annual") << across.dump();
  EXPECT_NE(across["note"].get<std::string>().find("does not cover"), std::string::npos) << across.dump();
}

}  // namespace
}  // namespace carbonscope::test
