// The output directory's index of unfinished runs (run_finish.h): a run has its entry
// while it runs and until its record is finished; recovery looks at the indexed runs
// only, and at every run directory once where there is no index (an older carbonscope's
// directory), which it then writes.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "carbonscope/tracker.h"
#include "platform/fake_clock.h"
#include "sinks/run_files.h"
#include "support/fake_tracker.h"
#include "support/scratch_dir.h"
#include "tracker/run_finish.h"

namespace carbonscope {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> entries(const std::string& out) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(out)) {
    const std::string n = e.path().filename().string();
    if (n.starts_with(kPendingPrefix)) names.push_back(n.substr(kPendingPrefix.size()));
  }
  return names;
}

// A tracker that started, sampled and then "died": destroyed without stop().
std::string dead_run(const std::string& out) {
  FakeClock clock;
  return test::dead_run(clock, test::fake_gpu_config(clock, out, 100, 1.0));
}

TEST(PendingIndex, ARunHasItsEntryUntilItsRecordIsFinished) {
  test::ScratchDir dir("cs_pending");
  const std::string out = (dir.path / "runs").string();
  FakeClock clock;
  auto t = Tracker::create(test::fake_gpu_config(clock, out, 100, 1.0));
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE((*t)->start().ok());
  EXPECT_EQ(entries(out), std::vector<std::string>{(*t)->run_id()});
  clock.advance(Duration(5));
  ASSERT_TRUE((*t)->stop().ok());
  EXPECT_TRUE(fs::exists(fs::path((*t)->run_dir()) / kRecordedMarker));
  EXPECT_TRUE(entries(out).empty());
}

TEST(PendingIndex, RecoveryLooksAtIndexedRunsOnlyOnceTheIndexExists) {
  test::ScratchDir dir("cs_pending");
  const std::string out = (dir.path / "runs").string();
  const std::string first = dead_run(out);
  ASSERT_FALSE(fs::exists(out + "/" + kPendingIndex));
  RecoveryResult r = recover_runs(out);  // no index yet: every run directory, then the index
  EXPECT_EQ(r.finished, std::vector<std::string>{first});
  EXPECT_TRUE(fs::exists(out + "/" + kPendingIndex));
  EXPECT_TRUE(entries(out).empty());
  // A dead run without its entry (as an older carbonscope leaves one) is not looked at...
  const std::string unindexed = dead_run(out);
  const std::string indexed = dead_run(out);
  fs::remove(out + "/" + std::string(kPendingPrefix) + unindexed);
  r = recover_runs(out);
  EXPECT_EQ(r.finished, std::vector<std::string>{indexed});
  EXPECT_FALSE(fs::exists(out + "/" + unindexed + "/" + kReportJson));
  // ... until the index is gone (an entry that could not be written removes it).
  fs::remove(out + "/" + kPendingIndex);
  r = recover_runs(out);
  EXPECT_EQ(r.finished, std::vector<std::string>{unindexed});
  EXPECT_TRUE(fs::exists(out + "/" + unindexed + "/" + kReportJson));
  EXPECT_TRUE(recover_runs(out).finished.empty());
}

TEST(PendingIndex, StaleEntriesAreClearedAndAScanIndexesWhatIsStillUnfinished) {
  test::ScratchDir dir("cs_pending");
  const std::string out = (dir.path / "runs").string();
  const std::string dead = dead_run(out);
  ASSERT_TRUE(recover_runs(out).problems.empty());  // writes the index
  // Entries for a run finished by a process killed before clearing it, for a run
  // directory that is gone, and for one killed before its run.json: all cleared.
  fs::create_directories(out + "/empty-run");
  for (const std::string& n : {dead, std::string("gone-run"), std::string("empty-run")}) {
    std::ofstream(out + "/" + std::string(kPendingPrefix) + n).close();
  }
  RecoveryResult r = recover_runs(out);
  EXPECT_TRUE(r.finished.empty() && r.recorded.empty() && r.problems.empty());
  EXPECT_TRUE(entries(out).empty());
  // Without the index, a live tracker's run keeps (or gets) its entry.
  FakeClock clock;
  auto live = Tracker::create(test::fake_gpu_config(clock, out, 100, 1.0));
  ASSERT_TRUE(live.ok());
  ASSERT_TRUE((*live)->start().ok());
  fs::remove(out + "/" + std::string(kPendingPrefix) + (*live)->run_id());
  fs::remove(out + "/" + kPendingIndex);
  r = recover_runs(out);
  EXPECT_TRUE(r.finished.empty());
  EXPECT_EQ(entries(out), std::vector<std::string>{(*live)->run_id()});
  EXPECT_TRUE(fs::exists(out + "/" + kPendingIndex));
  ASSERT_TRUE((*live)->stop().ok());
  EXPECT_TRUE(entries(out).empty());
}

}  // namespace
}  // namespace carbonscope
