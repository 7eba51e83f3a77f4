// The CPU model's rating from the tables, scaled to the cores a machine or VM sees.
#include "tracker/cpu_tdp.h"

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

const DataSet& data() { return **DataSet::builtin(); }

std::string cpuinfo(const std::string& brand, int siblings, int cores, int sockets = 1) {
  std::string out;
  for (int s = 0; s < sockets; ++s) {
    for (int i = 0; i < siblings; ++i) {
      out += "processor\t: " + std::to_string(s * siblings + i) + "\nmodel name\t: " + brand +
             "\nphysical id\t: " + std::to_string(s) + "\nsiblings\t: " + std::to_string(siblings) +
             "\ncpu cores\t: " + std::to_string(cores) + "\n\n";
    }
  }
  return out;
}

TEST(CpuRating, WholeSocketWithSmt) {
  // EPYC 7763: 280 W, 64 cores, 128 threads visible -> 64 cores -> 280 W.
  const auto r = cpu_rating_from_tables(data(), cpuinfo("AMD EPYC 7763 64-Core Processor", 128, 64), 128);
  EXPECT_DOUBLE_EQ(r.tdp.watts(), 280);
  EXPECT_EQ(r.source_id, "codecarbon");
  EXPECT_NE(r.detail.find("AMD EPYC 7763"), std::string::npos);
}

TEST(CpuRating, SmallVmIsChargedItsCores) {
  // A 4-vCPU VM (2 cores x 2 threads) on a Xeon Gold 6248 (150 W, 20 cores): 15 W.
  const auto r = cpu_rating_from_tables(data(), cpuinfo("Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", 4, 2), 4);
  EXPECT_DOUBLE_EQ(r.tdp.watts(), 15);
}

TEST(CpuRating, UnknownBrandGivesNoRating) {
  const auto r = cpu_rating_from_tables(data(), cpuinfo("AMD EPYC", 2, 2), 2);
  EXPECT_DOUBLE_EQ(r.tdp.watts(), 0);
  EXPECT_TRUE(r.source_id.empty());
}

}  // namespace
}  // namespace carbonscope
