// SlurmSteps on Slurm-shaped cgroup trees (tests/fixtures/slurm_cgroup, copied so a test
// can start and end steps): both layouts found with their CPU time, kept files re-read
// without listing, steps appearing and ending, the multiple-slurmd scope prefix.
#include "sensors/slurm_steps.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "support/scratch_dir.h"

namespace carbonscope {
namespace {

namespace fs = std::filesystem;

constexpr const char* kScope = "sys/fs/cgroup/system.slice/slurmstepd.scope";

struct Tree {
  test::ScratchDir dir{"cs_slurm_steps"};
  explicit Tree(const std::string& layout) {
    fs::copy(std::string(CARBONSCOPE_FIXTURES) + "/slurm_cgroup/" + layout, dir.path, fs::copy_options::recursive);
  }
  FileReader reader() const { return FileReader(dir.path.string()); }
  // Rewrites a file in place (same inode), as the kernel's files change under a reader.
  void put(const std::string& rel, const std::string& text) const {
    std::ofstream(dir.path / rel, std::ios::trunc) << text;
  }
  void step_v2(const std::string& rel, long usec) const {
    fs::create_directories(dir.path / rel);
    put(rel + "/cpu.stat", "usage_usec " + std::to_string(usec) + "\nuser_usec 0\nsystem_usec 0\n");
  }
};

std::string names(const SlurmSteps& s) {
  std::string out;
  for (const SlurmStep& x : s.steps()) out += x.job_id + "." + x.step_id + " ";
  return out;
}

const SlurmStep* find(const SlurmSteps& s, const std::string& job, const std::string& step) {
  for (const SlurmStep& x : s.steps()) {
    if (x.job_id == job && x.step_id == step) return &x;
  }
  return nullptr;
}

TEST(SlurmSteps, CgroupV2StepsWithTheirCpuTime) {
  const Tree t("v2");
  SlurmSteps steps(t.reader(), "/sys/fs/cgroup");
  steps.read();
  EXPECT_STREQ(steps.layout(), "cgroup v2");
  // job_101's step_batch/user/task_0 and the scope's system/ are not steps.
  EXPECT_EQ(names(steps), "101.0 101.batch 101.extern 202.0 ");
  const SlurmStep* batch = find(steps, "101", "batch");
  ASSERT_NE(batch, nullptr);
  EXPECT_DOUBLE_EQ(batch->cpu_seconds, 2.5);
  EXPECT_EQ(batch->uid, "");
  EXPECT_EQ(batch->slurmd, "");
  EXPECT_FALSE(batch->born_in_interval);  // there before the first scan: its age is unknown
  EXPECT_NE(steps.description().find("cgroup v2"), std::string::npos);
}

TEST(SlurmSteps, CgroupV1StepsWithTheirUser) {
  const Tree t("v1");
  SlurmSteps steps(t.reader(), "/sys/fs/cgroup");
  steps.read();
  EXPECT_STREQ(steps.layout(), "cgroup v1");
  EXPECT_EQ(names(steps), "303.0 303.batch 404.0 404.extern ");
  const SlurmStep* s = find(steps, "404", "0");
  ASSERT_NE(s, nullptr);
  EXPECT_DOUBLE_EQ(s->cpu_seconds, 2.0);  // nanoseconds in cpuacct.usage
  EXPECT_EQ(s->uid, "1001");
}

TEST(SlurmSteps, KeptFilesAreReReadWithoutListingTheTree) {
  const Tree t("v2");
  SlurmSteps steps(t.reader(), "/sys/fs/cgroup", 100);
  steps.read();
  t.put(std::string(kScope) + "/job_202/step_0/cpu.stat", "usage_usec 4250000\n");
  steps.read();
  steps.read();
  EXPECT_EQ(steps.scans(), 1u);
  EXPECT_DOUBLE_EQ(find(steps, "202", "0")->cpu_seconds, 4.25);
}

TEST(SlurmSteps, ANewStepIsFoundAtTheNextReadAsBornInTheInterval) {
  const Tree t("v2");
  SlurmSteps steps(t.reader(), "/sys/fs/cgroup", 100);
  steps.read();
  const std::uint64_t old_id = find(steps, "202", "0")->id;
  t.step_v2(std::string(kScope) + "/job_202/step_1", 300000);  // a new step of a running job
  t.step_v2(std::string(kScope) + "/job_303/step_batch", 0);   // a new job
  steps.read();
  EXPECT_EQ(steps.scans(), 2u);
  const SlurmStep* added = find(steps, "202", "1");
  ASSERT_NE(added, nullptr) << names(steps);
  EXPECT_TRUE(added->born_in_interval);
  EXPECT_DOUBLE_EQ(added->cpu_seconds, 0.3);
  ASSERT_NE(find(steps, "303", "batch"), nullptr);
  EXPECT_GT(added->id, old_id);
  EXPECT_EQ(find(steps, "202", "0")->id, old_id);  // kept steps keep their identity
  EXPECT_FALSE(find(steps, "202", "0")->born_in_interval);
  steps.read();
  EXPECT_FALSE(find(steps, "202", "1")->born_in_interval);
  // Ordered by id: the new steps come last.
  for (std::size_t i = 1; i < steps.steps().size(); ++i) EXPECT_LT(steps.steps()[i - 1].id, steps.steps()[i].id);
}

TEST(SlurmSteps, AnEndedStepAndAnEndedJobDisappear) {
  const Tree t("v2");
  SlurmSteps steps(t.reader(), "/sys/fs/cgroup", 100);
  steps.read();
  fs::remove_all(t.dir.path / kScope / "job_101" / "step_0");
  steps.read();
  EXPECT_EQ(names(steps), "101.batch 101.extern 202.0 ");
  fs::remove_all(t.dir.path / kScope / "job_202");
  steps.read();
  EXPECT_EQ(names(steps), "101.batch 101.extern ");
}

TEST(SlurmSteps, AStepReplacedInTheSameIntervalIsFoundThroughTheGoneFile) {
  // One step ends and another starts in the same directory: the link count does not
  // move, the ended step's file read does.
  const Tree t("v2");
  SlurmSteps steps(t.reader(), "/sys/fs/cgroup", 100);
  steps.read();
  fs::remove_all(t.dir.path / kScope / "job_202" / "step_0");
  t.step_v2(std::string(kScope) + "/job_202/step_1", 100000);
  steps.read();
  EXPECT_EQ(find(steps, "202", "0"), nullptr);
  ASSERT_NE(find(steps, "202", "1"), nullptr) << names(steps);
  EXPECT_TRUE(find(steps, "202", "1")->born_in_interval);
}

TEST(SlurmSteps, APeriodicScanFindsWhatNoChangeSignalled) {
  const Tree t("v2");
  SlurmSteps steps(t.reader(), "/sys/fs/cgroup", 3);
  for (int i = 0; i < 4; ++i) steps.read();
  EXPECT_EQ(steps.scans(), 2u);  // the first read, then the fourth (every third after it)
}

TEST(SlurmSteps, AMultipleSlurmdScopeNamesItsNode) {
  const Tree t("v2");
  fs::rename(t.dir.path / kScope, t.dir.path / "sys/fs/cgroup/system.slice/c2_slurmstepd.scope");
  SlurmSteps steps(t.reader(), "/sys/fs/cgroup");
  steps.read();
  ASSERT_EQ(steps.steps().size(), 4u);
  EXPECT_EQ(steps.steps()[0].slurmd, "c2");
}

TEST(SlurmSteps, NoSlurmTreeIsNoStepsWithWhereItLooked) {
  const Tree t("v2");
  fs::remove_all(t.dir.path / kScope);
  SlurmSteps steps(t.reader(), "/sys/fs/cgroup");
  steps.read();
  EXPECT_TRUE(steps.steps().empty());
  EXPECT_STREQ(steps.layout(), "none");
  EXPECT_NE(steps.description().find("slurmstepd.scope"), std::string::npos) << steps.description();
  EXPECT_NE(steps.description().find("proctrack/cgroup"), std::string::npos);
  // slurmd starts later: its scope is found by the link count of system.slice.
  t.step_v2(std::string(kScope) + "/job_9/step_0", 5);
  steps.read();
  EXPECT_EQ(names(steps), "9.0 ");
}

}  // namespace
}  // namespace carbonscope
