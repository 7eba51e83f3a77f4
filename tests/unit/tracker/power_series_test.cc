// PowerSeries: one basis (the job's) per point, sub-interval samples merged into the
// next point, a short last sample averaged over the window before it, peaks.
#include "tracker/power_series.h"

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

std::vector<Energy> joules(std::initializer_list<double> v) {
  std::vector<Energy> out;
  for (double j : v) out.push_back(Energy::joules(j));
  return out;
}

TEST(PowerSeries, EachPointIsTheEnergyOverItsWindow) {
  PowerSeries s(2, Duration(1));
  auto base = s.add(Duration(0), joules({0, 0}), joules({0, 0}));
  ASSERT_TRUE(base);
  EXPECT_EQ(base->window.count(), 0);
  auto p = s.add(Duration(1), joules({3, 1}), joules({10, 4}));
  ASSERT_TRUE(p);
  EXPECT_DOUBLE_EQ(p->job[0].watts(), 3);
  EXPECT_DOUBLE_EQ(p->job[1].watts(), 1);
  EXPECT_DOUBLE_EQ(p->job_total.watts(), 4);
  EXPECT_DOUBLE_EQ(p->machine_total.watts(), 14);
  EXPECT_DOUBLE_EQ(s.last_job_total().watts(), 4);
}

// A phase boundary 1 ms after a tick used to make a point of its own (a dip to the
// idle share, or a spike); now its energy lands in the next point.
TEST(PowerSeries, SubIntervalSamplesAreMergedIntoTheNextPoint) {
  PowerSeries s(1, Duration(1));
  ASSERT_TRUE(s.add(Duration(0), joules({0}), joules({0})));
  ASSERT_TRUE(s.add(Duration(1), joules({2}), joules({8})));
  EXPECT_FALSE(s.add(Duration(1.001), joules({2.0001}), joules({8.01})));
  EXPECT_FALSE(s.add(Duration(1.002), joules({2.0002}), joules({8.02})));
  auto p = s.add(Duration(2), joules({4}), joules({16}));
  ASSERT_TRUE(p);
  EXPECT_DOUBLE_EQ(p->window.count(), 1);
  EXPECT_DOUBLE_EQ(p->job[0].watts(), 2);
  EXPECT_DOUBLE_EQ(p->machine[0].watts(), 8);
  EXPECT_DOUBLE_EQ(s.job_peak(0).watts(), 2);
  EXPECT_DOUBLE_EQ(s.machine_peak(0).watts(), 8);
}

TEST(PowerSeries, AShortLastSampleIsAveragedWithTheWindowBefore) {
  PowerSeries s(1, Duration(1));
  ASSERT_TRUE(s.add(Duration(0), joules({0}), joules({0})));
  ASSERT_TRUE(s.add(Duration(1), joules({2}), joules({2})));
  auto last = s.add(Duration(1.001), joules({2.0}), joules({2.0}), /*last=*/true);
  ASSERT_TRUE(last) << "the last sample is always recorded";
  EXPECT_NEAR(last->window.count(), 1.001, 1e-12);
  EXPECT_NEAR(last->job[0].watts(), 2 / 1.001, 1e-9);  // not 0 W over 1 ms
}

TEST(PowerSeries, ARunShorterThanHalfAnIntervalStillGetsItsPoint) {
  PowerSeries s(1, Duration(1));
  ASSERT_TRUE(s.add(Duration(0), joules({0}), joules({0})));
  auto last = s.add(Duration(0.1), joules({0.5}), joules({1}), true);
  ASSERT_TRUE(last);
  EXPECT_DOUBLE_EQ(last->job[0].watts(), 5);
  EXPECT_FALSE(s.add(Duration(0.1), joules({0.5}), joules({1}), true)) << "no time passed";
}

// The job's share never exceeds the machine's, point by point, whatever the merging.
TEST(PowerSeries, JobNeverAboveMachine) {
  PowerSeries s(1, Duration(0.5));
  double job = 0, machine = 0, t = 0;
  ASSERT_TRUE(s.add(Duration(0), joules({0}), joules({0})));
  for (int i = 1; i <= 200; ++i) {
    const double dt = i % 7 == 0 ? 0.001 : 0.5;
    t += dt;
    machine += 10 * dt;
    job += (i % 3) * dt;
    if (auto p = s.add(Duration(t), joules({job}), joules({machine}), i == 200)) {
      EXPECT_LE(p->job[0].watts(), p->machine[0].watts() + 1e-9);
      EXPECT_GE(p->window.count(), 0.25);
    }
  }
}

}  // namespace
}  // namespace carbonscope
