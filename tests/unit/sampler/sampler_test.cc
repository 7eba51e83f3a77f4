// The sampler on a proc tree the test writes: an interval too short for /proc/stat to
// advance keeps the last utilisation instead of reading as idle.
#include "sampler/sampler.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

namespace fs = std::filesystem;

void write_stat(const fs::path& root, std::uint64_t busy, std::uint64_t idle) {
  // cpu user nice system idle iowait irq softirq steal
  std::ofstream(root / "proc/stat") << "cpu  " << busy << " 0 0 " << idle << " 0 0 0 0\ncpu0 " << busy
                                    << " 0 0 " << idle << " 0 0 0 0\n";
}

TEST(Sampler, AnIntervalWithoutAClockTickKeepsTheLastUtilisation) {
  const fs::path root = fs::temp_directory_path() / ("cs_sampler_" + std::to_string(::getpid()));
  fs::create_directories(root / "proc");
  std::ofstream(root / "proc/meminfo") << "MemTotal:        8000000 kB\n";
  write_stat(root, 100, 100);
  SamplerConfig c;
  c.proc_root = root.string();
  std::vector<double> seen;
  Sampler s(c, {}, [&](const Sample& x) { seen.push_back(x.ctx.node_utilisation); });
  s.sample_now();             // baseline
  write_stat(root, 175, 125);  // 75 of 100 ticks busy
  s.sample_now();
  s.sample_now();             // a phase boundary: no tick since
  write_stat(root, 200, 200);  // 25 of 100
  s.sample_now();
  fs::remove_all(root);
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_DOUBLE_EQ(seen[1], 0.75);
  EXPECT_DOUBLE_EQ(seen[2], 0.75) << "read as idle before";
  EXPECT_DOUBLE_EQ(seen[3], 0.25);
}

}  // namespace
}  // namespace carbonscope
