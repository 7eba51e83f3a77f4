// JobTree on a fake /proc and a fake cgroup tree (tests/fixtures/job_tree, copied so
// a test can change it): the same usage as the full walk, kept descriptors re-read,
// the walk redone only when the tree can have changed.
#include "sensors/job_tree.h"

#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "platform/job_cgroup.h"
#include "sensors/procfs.h"
#include "support/scratch_dir.h"

namespace carbonscope {
namespace {

namespace fs = std::filesystem;

constexpr long kPage = 4096;

struct Tree {
  test::ScratchDir dir{"cs_job_tree"};
  Tree() { fs::copy(std::string(CARBONSCOPE_FIXTURES) + "/job_tree", dir.path, fs::copy_options::recursive); }
  FileReader reader() const { return FileReader(dir.path.string()); }
  // Rewrites a file in place (same inode), as the kernel's files change under a reader.
  void put(const std::string& rel, const std::string& text) const {
    std::ofstream(dir.path / rel, std::ios::trunc) << text;
  }
};

std::string pid_stat(int pid, int ppid, int utime, int threads, int rss) {
  return std::to_string(pid) + " (w) S " + std::to_string(ppid) + " 1 1 0 -1 0 0 0 0 0 " +
         std::to_string(utime) + " 0 0 0 20 0 " + std::to_string(threads) + " 0 100 1000 " +
         std::to_string(rss) + " 0\n";
}

TEST(JobTree, ProcfsMatchesTheFullWalk) {
  const Tree t;
  const FileReader r = t.reader();
  auto walk = read_process_tree(r, 100, kPage);
  ASSERT_TRUE(walk.ok()) << walk.status().message();
  JobTree tree(r, 100, kPage, 100);
  auto u = tree.read(5000);
  ASSERT_TRUE(u.ok()) << u.status().message();
  EXPECT_EQ(u->cpu_ticks, static_cast<double>(walk->cpu_ticks));
  EXPECT_EQ(u->rss_bytes, walk->rss_bytes);
  EXPECT_EQ(std::vector<int>(tree.pids().begin(), tree.pids().end()), walk->pids);
  EXPECT_EQ(u->cpu_ticks, 210.0);  // 120+30+5+5 and 40+10
  EXPECT_EQ(u->rss_bytes, 3000u * kPage);
  EXPECT_STREQ(tree.method(), "procfs");
}

TEST(JobTree, WithoutAForkTheKeptFilesAreReReadAndTheTreeIsNotWalked) {
  const Tree t;
  const FileReader r = t.reader();
  JobTree tree(r, 100, kPage, 100);
  ASSERT_TRUE(tree.read(5000).ok());
  ASSERT_EQ(tree.walks(), 1u);
  t.put("proc/101/stat", pid_stat(101, 100, 90, 1, 700));
  auto u = tree.read(5000);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(tree.walks(), 1u);
  EXPECT_EQ(u->cpu_ticks, 160.0 + 90.0);
  EXPECT_EQ(u->rss_bytes, 3200u * kPage);
}

TEST(JobTree, AForkOrAnUnknownCounterWalksAgainAndFindsNewChildren) {
  const Tree t;
  const FileReader r = t.reader();
  JobTree tree(r, 100, kPage, 100);
  ASSERT_TRUE(tree.read(5000).ok());
  fs::create_directories(t.dir.path / "proc/103/task/103");
  t.put("proc/103/stat", pid_stat(103, 101, 7, 1, 10));
  t.put("proc/103/task/103/children", "");
  t.put("proc/101/task/101/children", "103 ");
  auto u = tree.read(5001);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(tree.walks(), 2u);
  EXPECT_EQ(std::vector<int>(tree.pids().begin(), tree.pids().end()), (std::vector<int>{100, 101, 103}));
  EXPECT_EQ(u->cpu_ticks, 217.0);
  ASSERT_TRUE(tree.read(std::nullopt).ok());
  EXPECT_EQ(tree.walks(), 3u);
}

TEST(JobTree, AThreadCountChangeOrAGoneProcessWalksAgain) {
  const Tree t;
  const FileReader r = t.reader();
  JobTree tree(r, 100, kPage, 100);
  ASSERT_TRUE(tree.read(5000).ok());
  t.put("proc/100/stat", pid_stat(100, 1, 160, 1, 2500));  // thread 102 exited
  fs::remove(t.dir.path / "proc/100/task/102/children");
  fs::remove(t.dir.path / "proc/100/task/102");
  auto u = tree.read(5000);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(tree.walks(), 2u);
  // 101 was the exited thread's child: no longer reachable, as with the full walk.
  EXPECT_EQ(std::vector<int>(tree.pids().begin(), tree.pids().end()), (std::vector<int>{100}));
  auto walk = read_process_tree(r, 100, kPage);
  ASSERT_TRUE(walk.ok());
  EXPECT_EQ(u->cpu_ticks, static_cast<double>(walk->cpu_ticks));
  fs::remove(t.dir.path / "proc/100/stat");
  EXPECT_FALSE(tree.read(5000).ok());  // the root has gone
}

TEST(JobTree, AForkRereadsTheKeptChildrenFilesAndTheTaskListsOnlyWhenTheyCanBeStale) {
  const Tree t;
  const FileReader r = t.reader();
  JobTree tree(r, 100, kPage, 100);
  ASSERT_TRUE(tree.read(5000, Duration(0.0)).ok());
  // A new child of a known task is found at the next fork, through its kept file.
  fs::create_directories(t.dir.path / "proc/103/task/103");
  t.put("proc/103/stat", pid_stat(103, 100, 7, 1, 10));
  t.put("proc/103/task/103/children", "");
  t.put("proc/100/task/100/children", "103 ");
  auto u = tree.read(5001, Duration(0.2));
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(std::vector<int>(tree.pids().begin(), tree.pids().end()), (std::vector<int>{100, 101, 103}));
  // Thread 104 replaces thread 102 (the count stays 2) and starts 105: its task list is
  // not read again until it is kRelistAfter old, then 105 is found.
  fs::create_directories(t.dir.path / "proc/100/task/104");
  fs::create_directories(t.dir.path / "proc/105/task/105");
  t.put("proc/105/stat", pid_stat(105, 100, 3, 1, 10));
  t.put("proc/105/task/105/children", "");
  t.put("proc/100/task/104/children", "105 ");
  ASSERT_TRUE(tree.read(5002, Duration(0.5)).ok());
  EXPECT_EQ(std::vector<int>(tree.pids().begin(), tree.pids().end()), (std::vector<int>{100, 101, 103}));
  u = tree.read(5003, Duration(0.0) + JobTree::kRelistAfter);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(std::vector<int>(tree.pids().begin(), tree.pids().end()), (std::vector<int>{100, 101, 103, 105}));
  auto walk = read_process_tree(r, 100, kPage);
  ASSERT_TRUE(walk.ok());
  EXPECT_EQ(u->cpu_ticks, static_cast<double>(walk->cpu_ticks));
  EXPECT_EQ(std::vector<int>(tree.pids().begin(), tree.pids().end()), walk->pids);
}

TEST(JobTree, CgroupReadsCpuStatOnceAndMemoryPerMember) {
  const Tree t;
  const FileReader r = t.reader();
  JobTree tree(r, 100, kPage, 100, "/sys/fs/cgroup/job");
  auto u = tree.read(5000);
  ASSERT_TRUE(u.ok()) << u.status().message();
  EXPECT_DOUBLE_EQ(u->cpu_ticks, 205.0);  // 2.05 s at 100 ticks per second
  EXPECT_EQ(u->rss_bytes, 3000u * kPage);
  EXPECT_EQ(std::vector<int>(tree.pids().begin(), tree.pids().end()), (std::vector<int>{100, 101}));
  EXPECT_STREQ(tree.method(), "cgroup");
  EXPECT_NE(tree.description().find("cpu.stat"), std::string::npos);
  // Exited members still count (the cgroup keeps their time); members come and go.
  t.put("sys/fs/cgroup/job/cpu.stat", "usage_usec 3000000\nuser_usec 2000000\nsystem_usec 1000000\n");
  t.put("sys/fs/cgroup/job/cgroup.procs", "100\n");
  u = tree.read(std::nullopt);
  ASSERT_TRUE(u.ok());
  EXPECT_DOUBLE_EQ(u->cpu_ticks, 300.0);
  EXPECT_EQ(u->rss_bytes, 2500u * kPage);
  EXPECT_EQ(std::vector<int>(tree.pids().begin(), tree.pids().end()), (std::vector<int>{100}));
  EXPECT_EQ(tree.walks(), 0u);
}

TEST(JobTree, CgroupReadsABigTreesMemoryASliceASampleAndEveryNewMemberAtOnce) {
  const Tree t;
  const FileReader r = t.reader();
  constexpr int kMembers = 20;  // 3 samples of 8 reads cover them
  std::string procs = "100\n";
  for (int i = 0; i < kMembers - 1; ++i) {
    fs::create_directories(t.dir.path / fmt::format("proc/{}", 200 + i));
    t.put(fmt::format("proc/{}/statm", 200 + i), "100 10 0 0 0 0 0\n");
    procs += fmt::format("{}\n", 200 + i);
  }
  t.put("sys/fs/cgroup/job/cgroup.procs", procs);
  JobTree tree(r, 100, kPage, 100, "/sys/fs/cgroup/job");
  auto u = tree.read(5000);
  ASSERT_TRUE(u.ok()) << u.status().message();
  EXPECT_EQ(u->rss_bytes, (2500u + 10u * (kMembers - 1)) * kPage);  // every member read the first time
  // Each member's memory grows by 1 page: a slice of 8 a sample picks it up, all within 3.
  t.put("proc/100/statm", "5000 2501 100 10 0 200 0\n");
  for (int i = 0; i < kMembers - 1; ++i) t.put(fmt::format("proc/{}/statm", 200 + i), "100 11 0 0 0 0 0\n");
  std::vector<std::uint64_t> seen;
  for (int k = 0; k < 3; ++k) {
    u = tree.read(5000);
    ASSERT_TRUE(u.ok());
    seen.push_back(u->rss_bytes / kPage - (2500u + 10u * (kMembers - 1)));
  }
  EXPECT_EQ(seen, (std::vector<std::uint64_t>{8, 16, 20}));
  EXPECT_EQ(std::vector<int>(tree.pids().begin(), tree.pids().end()).size(), static_cast<std::size_t>(kMembers));
  // A new member (after a fork) is read in its first sample, beyond the slice; CPU time
  // is the cgroup's whole figure every sample.
  fs::create_directories(t.dir.path / "proc/300");
  t.put("proc/300/statm", "100 1000 0 0 0 0 0\n");
  t.put("sys/fs/cgroup/job/cgroup.procs", procs + "300\n");
  t.put("sys/fs/cgroup/job/cpu.stat", "usage_usec 4000000\n");
  u = tree.read(5001);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->rss_bytes, (2501u + 11u * (kMembers - 1) + 1000u) * kPage);
  EXPECT_DOUBLE_EQ(u->cpu_ticks, 400.0);
}

TEST(JobTree, CgroupWithoutCpuStatIsAnError) {
  const Tree t;
  fs::remove(t.dir.path / "sys/fs/cgroup/job/cpu.stat");
  JobTree tree(t.reader(), 100, kPage, 100, "/sys/fs/cgroup/job");
  EXPECT_FALSE(tree.read(5000).ok());
}

TEST(JobCgroup, ParsesMountinfoAndSelfCgroup) {
  EXPECT_EQ(cgroup2_mount("24 1 0:21 / /proc rw - proc proc rw\n"
                          "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n"),
            "/sys/fs/cgroup/unified");
  EXPECT_EQ(cgroup2_mount("24 1 0:21 / /proc rw - proc proc rw\n"), "");
  EXPECT_EQ(cgroup2_path("4:memory:/x\n0::/user.slice/a.scope\n"), "/user.slice/a.scope");
  EXPECT_EQ(cgroup2_path("4:memory:/x\n"), "");
}

TEST(JobCgroup, PlacesTheChildInACgroupOfItsOwnUnderOurs) {
  const Tree t;
  const FileReader r = t.reader();
  // A killed tracker's empty cgroup is removed; one still holding something stays.
  fs::create_directories(t.dir.path / "sys/fs/cgroup/job/carbonscope-1");
  fs::create_directories(t.dir.path / "sys/fs/cgroup/job/carbonscope-2");
  t.put("sys/fs/cgroup/job/carbonscope-2/cgroup.procs", "77\n");
  {
    auto g = JobCgroup::place(r, 4242);
    ASSERT_TRUE(g.ok()) << g.status().message();
    EXPECT_EQ(g->path(), "/sys/fs/cgroup/job/carbonscope-4242");
    EXPECT_EQ(test::slurp(t.dir.path / "sys/fs/cgroup/job/carbonscope-4242/cgroup.procs"), "4242\n");
  }
  EXPECT_FALSE(fs::exists(t.dir.path / "sys/fs/cgroup/job/carbonscope-1"));
  EXPECT_TRUE(fs::exists(t.dir.path / "sys/fs/cgroup/job/carbonscope-2"));
  t.put("proc/self/mountinfo", "24 1 0:21 / /proc rw - proc proc rw\n");
  auto none = JobCgroup::place(r, 4243);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("cgroup2"), std::string::npos);
}

}  // namespace
}  // namespace carbonscope
