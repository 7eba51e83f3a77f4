// SlurmJobMetrics on the Slurm-shaped cgroup tree and /proc/stat of
// tests/fixtures/slurm_cgroup/v2 (copied): what the steps are charged against what the
// node drew, checked by identities (a whole-machine workload is charged everything;
// splitting CPU time between steps does not change the total), steps that end or
// start, and the rendered families.
#include "serve/slurm_job_metrics.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "support/scratch_dir.h"

namespace carbonscope {
namespace {

namespace fs = std::filesystem;

constexpr const char* kScope = "sys/fs/cgroup/system.slice/slurmstepd.scope";
constexpr long kTicks = 100;

struct Node {
  test::ScratchDir dir{"cs_slurm_jobs"};
  long busy = 1500, idle = 8100;  // the fixture's /proc/stat: busy and idle+iowait ticks
  std::unique_ptr<SlurmJobMetrics> jobs;
  double elapsed = 0, cpu_j = 0, gpu_j = 0;

  Node() {
    fs::copy(std::string(CARBONSCOPE_FIXTURES) + "/slurm_cgroup/v2", dir.path, fs::copy_options::recursive);
    const FileReader r(dir.path.string());
    jobs = std::make_unique<SlurmJobMetrics>(r, r, MetricsScope{{{"node_name", "n1"}}, 1.5, 400}, kTicks);
  }
  void put(const std::string& rel, const std::string& text) const {
    std::ofstream(dir.path / rel, std::ios::trunc) << text;
  }
  void step_usec(const std::string& step, long usec) const {
    fs::create_directories(dir.path / kScope / step);
    put(std::string(kScope) + "/" + step + "/cpu.stat", "usage_usec " + std::to_string(usec) + "\n");
  }
  // One interval of `seconds` on the 2-CPU node: `busy_s` of its CPU time busy, and
  // the CPU and GPU domains drew `cpu` and `gpu` joules.
  void sample(double seconds, double busy_s, double cpu, double gpu) {
    busy += static_cast<long>(busy_s * kTicks);
    idle += static_cast<long>((2 * seconds - busy_s) * kTicks);
    put("proc/stat", "cpu  " + std::to_string(busy - 500) + " 0 500 " + std::to_string(idle - 100) +
                         " 100 0 0 0 0 0\ncpu0 0 0 0 0 0 0 0 0 0 0\ncpu1 0 0 0 0 0 0 0 0 0 0\n");
    elapsed += seconds;
    cpu_j += cpu;
    gpu_j += gpu;
    update();
  }
  void update() {
    Snapshot s;
    s.elapsed = Duration(elapsed);
    s.components.push_back({"package-0", "cpu", "rapl-powercap", Method::kMeasured, {}, Energy::joules(cpu_j)});
    s.components.push_back({"gpu-0", "gpu", "nvml", Method::kMeasured, {}, Energy::joules(gpu_j)});
    jobs->update(s);
  }
  double joules(const std::string& job, const std::string& step) const {
    for (const JobStepSeries& x : jobs->steps()) {
      if (x.job_id == job && x.step_id == step) return x.joules.at(0);
    }
    return -1;
  }
  double total() const {
    double sum = 0;
    for (const JobStepSeries& x : jobs->steps()) sum += x.joules.at(0);
    return sum;
  }
  std::string text() const {
    std::string out;
    jobs->board().render(out);
    return out;
  }
};

TEST(SlurmJobMetrics, AWorkloadThatFillsTheNodeIsChargedAllOfItsCpuEnergy) {
  Node n;
  n.update();  // the baseline
  // 101.0 and 202.0 keep both CPUs busy for 1 s: 1.2 + 0.8 CPU-seconds.
  n.step_usec("job_101/step_0", 2000000 + 1200000);
  n.step_usec("job_202/step_0", 1500000 + 800000);
  n.sample(1.0, 2.0, 90.0, 250.0);
  ASSERT_EQ(n.jobs->components(), std::vector<std::string>{"cpu"});  // GPUs are not charged
  EXPECT_NEAR(n.total(), n.jobs->attributed_node_joules(0), 1e-9);
  EXPECT_NEAR(n.jobs->attributed_node_joules(0), 90.0, 1e-9);
  EXPECT_NEAR(n.joules("101", "0") / n.joules("202", "0"), 1.2 / 0.8, 1e-9);
  EXPECT_EQ(n.joules("101", "batch"), 0.0);  // no CPU time in the interval
}

TEST(SlurmJobMetrics, SplittingCpuTimeBetweenStepsKeepsTheTotal) {
  // The same node interval (half busy), its 0.8 CPU-seconds of Slurm work in one step
  // or in two: the steps are charged the same in total, in proportion to CPU time, and
  // less than the node drew (the rest is other processes and idle capacity).
  Node one, two;
  one.update();
  two.update();
  one.step_usec("job_101/step_0", 2000000 + 800000);
  two.step_usec("job_101/step_0", 2000000 + 600000);
  two.step_usec("job_202/step_0", 1500000 + 200000);
  one.sample(1.0, 1.0, 60.0, 0);
  two.sample(1.0, 1.0, 60.0, 0);
  EXPECT_NEAR(two.total(), one.total(), 1e-9);
  EXPECT_NEAR(two.joules("101", "0"), 3 * two.joules("202", "0"), 1e-9);
  EXPECT_GT(one.total(), 0.0);
  EXPECT_LT(one.total(), one.jobs->attributed_node_joules(0));
}

TEST(SlurmJobMetrics, StepsReadingMoreThanTheNodeAreScaledToIt) {
  // The step files and /proc/stat are not read at the same instant: steps summing to
  // more than the node's busy time are charged no more than a full node.
  Node n;
  n.update();
  n.step_usec("job_101/step_0", 2000000 + 1500000);
  n.step_usec("job_202/step_0", 1500000 + 1500000);
  n.sample(1.0, 2.0, 80.0, 0);
  EXPECT_NEAR(n.total(), 80.0, 1e-9);
  EXPECT_NEAR(n.joules("101", "0"), n.joules("202", "0"), 1e-9);
}

TEST(SlurmJobMetrics, EndedStepsLeaveAndNewOnesAreChargedFromTheirStart) {
  Node n;
  n.update();
  n.step_usec("job_101/step_0", 2000000 + 1000000);
  n.step_usec("job_202/step_0", 1500000 + 1000000);
  n.sample(1.0, 2.0, 100.0, 0);
  const double before = n.joules("101", "0");
  ASSERT_GT(before, 0.0);
  EXPECT_NE(n.text().find("job_id=\"202\""), std::string::npos);
  fs::remove_all(n.dir.path / kScope / "job_202");
  n.step_usec("job_303/step_batch", 700000);  // started in this interval: 0.7 s so far
  n.step_usec("job_101/step_0", 2000000 + 1000000 + 1300000);
  n.sample(1.0, 2.0, 100.0, 0);
  EXPECT_EQ(n.joules("202", "0"), -1.0);
  EXPECT_EQ(n.text().find("job_id=\"202\""), std::string::npos) << n.text();
  EXPECT_GE(n.joules("101", "0"), before);  // a counter while the step lives
  EXPECT_NEAR(n.joules("303", "batch") / (n.joules("101", "0") - before), 0.7 / 1.3, 1e-9);
  EXPECT_NEAR(n.total() - before, 100.0, 1e-9);  // 101.0 and 303.batch filled the node
}

TEST(SlurmJobMetrics, AnIntervalWithoutAClockTickIsChargedWithTheNext) {
  Node n;
  n.update();
  n.step_usec("job_101/step_0", 2000000 + 500000);
  n.elapsed += 0.004;
  n.cpu_j += 1.0;
  n.update();  // /proc/stat has not moved: no shares to charge by
  EXPECT_EQ(n.total(), 0.0);
  n.step_usec("job_101/step_0", 2000000 + 2000000);
  n.sample(1.0, 2.0, 79.0, 0);
  EXPECT_NEAR(n.total(), 80.0, 1e-9);
}

TEST(SlurmJobMetrics, TheFamiliesCarryTheStepLabelsAndEmissions) {
  Node n;
  n.update();
  n.step_usec("job_101/step_0", 2000000 + 2000000);
  n.sample(1.0, 2.0, 3.6e6, 0);
  const std::string text = n.text();
  EXPECT_NE(text.find("# TYPE carbonscope_job_cpu_seconds_total counter\n"), std::string::npos);
  EXPECT_NE(text.find("carbonscope_job_cpu_seconds_total{node_name=\"n1\",job_id=\"101\",step_id=\"0\"} 4\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("carbonscope_job_joules_total{node_name=\"n1\",job_id=\"101\",step_id=\"0\",component=\"cpu\"} "
                      "3600000\n"),
            std::string::npos)
      << text;
  // 3.6 MJ = 1 kWh x PUE 1.5 x 400 g/kWh = 600 g.
  EXPECT_NE(text.find("carbonscope_job_co2e_grams_total{node_name=\"n1\",job_id=\"101\",step_id=\"0\",component="
                      "\"cpu\"} 600\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("carbonscope_job_watts{node_name=\"n1\",job_id=\"101\",step_id=\"0\",component=\"cpu\"} 3600000\n"),
            std::string::npos);
  EXPECT_NE(text.find("carbonscope_job_steps{node_name=\"n1\"} 4\n"), std::string::npos);
  EXPECT_EQ(text.find("component=\"gpu\""), std::string::npos);
}

}  // namespace
}  // namespace carbonscope
