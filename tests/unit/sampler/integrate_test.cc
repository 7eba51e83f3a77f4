// Property tests of the pure middle: counter deltas, trapezoids, attribution.
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "sampler/attribution.h"
#include "sampler/integrate.h"

namespace carbonscope {
namespace {

TEST(CounterDelta, ForwardWrapAndBackwards) {
  EXPECT_EQ(*counter_delta(10, 25, 0), 15u);
  EXPECT_EQ(*counter_delta(90, 5, 100), 15u);  // wrapped
  EXPECT_FALSE(counter_delta(25, 10, 0).ok());  // backwards, no wrap
  EXPECT_EQ(counter_delta(60, 50, 100).status().code(), StatusCode::kDataError);  // a "wrap" of 90 %: a reset
  EXPECT_FALSE(counter_delta(150, 5, 100).ok());  // prev outside the range
}

TEST(CounterDelta, PropertySumOfDeltasEqualsTrueAdvance) {
  std::mt19937_64 rng(42);
  const std::uint64_t wrap = std::uint64_t{1} << 32;
  for (int trial = 0; trial < 100; ++trial) {
    std::uint64_t truth = rng() % wrap, counter = truth % wrap, sum = 0;
    const std::uint64_t start = truth;
    for (int i = 0; i < 200; ++i) {
      const std::uint64_t step = rng() % (wrap / 3);
      truth += step;
      const std::uint64_t next = truth % wrap;
      auto d = counter_delta(counter, next, wrap);
      ASSERT_TRUE(d.ok());
      sum += *d;
      counter = next;
    }
    EXPECT_EQ(sum, truth - start);
  }
}

TEST(Trapezoid, ExactForLinearPower) {
  // Power rising linearly 0 -> 100 W over 10 s, sampled in 7 uneven steps: 500 J.
  const double ts[] = {0, 1, 1.5, 4, 7, 9.9, 10};
  double total = 0;
  for (int i = 1; i < 7; ++i) {
    total += trapezoid(Power::watts(10 * ts[i - 1]), Power::watts(10 * ts[i]), Duration(ts[i] - ts[i - 1])).joules();
  }
  EXPECT_NEAR(total, 500.0, 1e-9);
}

TEST(Attribution, PartsSumToTheWholeAndJobNeverExceedsIt) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(-0.2, 1.2);  // shares out of range are clamped
  for (int i = 0; i < 10000; ++i) {
    const Energy e = Energy::joules(std::abs(u(rng)) * 1000);
    const Split c = split_cpu(e, u(rng), u(rng), u(rng));
    EXPECT_NEAR((c.idle + c.dynamic).joules(), e.joules(), 1e-9);
    EXPECT_LE(c.job.joules(), e.joules() + 1e-9);
    EXPECT_GE(c.job.joules(), 0);
    const Split g = split_gpu(e, Power::watts(std::abs(u(rng)) * 300), Duration(1), u(rng));
    EXPECT_NEAR((g.idle + g.dynamic).joules(), e.joules(), 1e-9);
    EXPECT_GE(g.dynamic.joules(), -1e-9);
    EXPECT_LE(g.job.joules(), e.joules() + 1e-9);
    const Split m = split_memory(e, u(rng));
    EXPECT_LE(m.job.joules(), e.joules() + 1e-9);
  }
}

TEST(Attribution, FullSharesChargeEverything) {
  const Energy e = Energy::joules(100);
  EXPECT_DOUBLE_EQ(split_cpu(e, 0.3, 1, 1).job.joules(), 100);
  EXPECT_DOUBLE_EQ(split_gpu(e, Power::watts(20), Duration(1), 1).job.joules(), 100);
  // A job with all the busy time on half the capacity: all dynamic, half the idle.
  const Split s = split_cpu(e, 0.5, 1, 0.5);
  EXPECT_DOUBLE_EQ(s.job.joules(), 50 + 25);
}

TEST(Attribution, JobSharesOfSeveralJobsSumToTheWhole) {
  // Three jobs split a machine's busy time 50/30/20 % and capacity (u = 0.8) 40/24/16 %;
  // the unused 20 % of capacity belongs to nobody.
  const Energy e = Energy::joules(1000);
  double sum = 0;
  for (double busy : {0.5, 0.3, 0.2}) sum += split_cpu(e, 0.8, busy, busy * 0.8).job.joules();
  EXPECT_NEAR(sum, 800 + 200 * 0.8, 1e-9);
}

TEST(Attribution, CpuSharesNeverSumPastTheNodeAndKeepTheirRatios) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> u(0, 1);
  for (int i = 0; i < 2000; ++i) {
    const double capacity = 1 + 63 * u(rng), busy = capacity * u(rng);
    std::vector<double> cpu(1 + i % 7);
    for (double& c : cpu) c = busy * u(rng);  // may sum past the busy time
    std::vector<CpuShare> out(cpu.size());
    cpu_shares(cpu, busy, capacity, out);
    double busy_sum = 0, capacity_sum = 0;
    for (const CpuShare& s : out) {
      busy_sum += s.busy;
      capacity_sum += s.capacity;
    }
    EXPECT_LE(busy_sum, 1 + 1e-9);
    EXPECT_LE(capacity_sum, busy / capacity + 1e-9);
    if (cpu.size() > 1 && cpu[1] > 0) {
      EXPECT_NEAR(out[0].busy / out[1].busy, cpu[0] / cpu[1], 1e-9);
    }
    for (std::size_t k = 0; k < out.size(); ++k) EXPECT_NEAR(out[k].capacity * capacity, out[k].busy * busy, 1e-9);
  }
  std::vector<CpuShare> none(1);
  cpu_shares(std::vector<double>{1.0}, 0, 2, none);  // an idle node: nothing to share
  EXPECT_EQ(none[0].busy, 0);
  EXPECT_EQ(none[0].capacity, 0);
}

}  // namespace
}  // namespace carbonscope
