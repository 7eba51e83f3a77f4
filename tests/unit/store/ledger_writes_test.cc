// The ledger writes through the file seam (store/sqlite_vfs.h), so its faults are
// injected like every other sink's: a commit on a full disk or refused by permissions
// fails with a Status that says what and how to fix it and loses no earlier run, and a
// process killed in the middle of a torn write leaves a ledger that opens, passes
// PRAGMA integrity_check and holds every run committed before the tear.
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "carbonscope/ledger.h"
#include "store/sqlite_vfs.h"
#include "support/faulty_writer.h"
#include "support/integrity_check.h"
#include "support/scratch_dir.h"
#include "support/test_reports.h"

namespace carbonscope {
namespace {

using test::FaultyWriter;
using test::measured_run;

Result<Ledger> open_through(FileWriter& files, const std::string& path) {
  const LedgerWriterScope scope(files);
  return Ledger::open(path);
}

std::string run_id(int i) { return fmt::format("run-{}", i); }

TEST(LedgerWrites, GoThroughTheFileSeam) {
  test::ScratchDir dir("cs_ledger_seam");
  const std::string path = (dir.path / "l.db").string();
  FaultyWriter counting;  // no fault: it counts what reaches it
  counting.only_under = path;
  {
    auto l = open_through(counting, path);
    ASSERT_TRUE(l.ok()) << l.status().to_string();
    const std::size_t created = counting.written;
    EXPECT_GT(created, 0u);  // the new file, its schema and -shm
    ASSERT_TRUE(l->append(measured_run("run-a", "p", 1000)).ok());
    EXPECT_GT(counting.written, created);  // the commit's WAL frames and checkpoint
    EXPECT_GE(counting.syncs, 2);          // the WAL and the database, made durable
  }
  // A connection opened without a scope writes through the real file system's seam.
  auto l = Ledger::open(path);
  ASSERT_TRUE(l.ok());
  const std::size_t before = counting.written;
  ASSERT_TRUE(l->append(measured_run("run-b", "p", 2000)).ok());
  EXPECT_EQ(counting.written, before);
  EXPECT_EQ(l->count().value_or(-1), 2);
}

// A ledger holding run-a, and a writer whose faults hit its files only.
struct LedgerWriteFaults : ::testing::Test {
  void SetUp() override {
    ASSERT_TRUE(Ledger::open(path)->append(measured_run("run-a", "p", 1000)).ok());
    disk.only_under = path;
  }
  test::ScratchDir dir{"cs_ledger_faults"};
  std::string path = (dir.path / "l.db").string();
  FaultyWriter disk;
};

TEST_F(LedgerWriteFaults, ACommitOnAFullDiskSaysSoAndKeepsEveryEarlierRun) {
  {
    auto l = open_through(disk, path);
    ASSERT_TRUE(l.ok()) << l.status().to_string();
    disk.budget = disk.written;  // the disk is full from here on
    const Status s = l->append(measured_run("run-b", "p", 2000));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.code(), StatusCode::kIoError);
    EXPECT_NE(s.message().find("disk full"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find("free some space"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find(path), std::string::npos) << s.message();
    EXPECT_EQ(l->count().value_or(-1), 1);  // the connection still reads, without the failed run
  }
  EXPECT_EQ(test::integrity_check(path), "ok");
  auto l = Ledger::open(path);
  ASSERT_TRUE(l.ok()) << l.status().to_string();
  EXPECT_TRUE(l->get("run-a").ok());
  EXPECT_FALSE(l->get("run-b").ok());
  ASSERT_TRUE(l->append(measured_run("run-b", "p", 2000)).ok());  // room again: it is recorded
  EXPECT_EQ(l->count().value_or(-1), 2);
}

TEST_F(LedgerWriteFaults, AFailedSyncIsReportedNotPassedOverSilently) {
  auto l = open_through(disk, path);
  ASSERT_TRUE(l.ok()) << l.status().to_string();
  disk.sync_errno = EIO;
  const Status s = l->append(measured_run("run-b", "p", 2000));
  // The commit is in the WAL, but not on the disk: said so, and the run is queued (its
  // recovery finds it recorded, and does not add it twice).
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("could not be synced"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find(path + "-wal"), std::string::npos) << s.message();
  EXPECT_GT(disk.syncs, 0);
}

TEST_F(LedgerWriteFaults, APermissionRefusalSaysWhichLedgerAndHowToFixIt) {
  for (const std::string& refused : {path, path + "-wal", path + "-shm"}) {
    FaultyWriter denied;
    denied.only_under = refused;
    denied.open_errno = EACCES;
    auto l = open_through(denied, path);
    Status s = l.ok() ? l->append(measured_run("run-b", "p", 2000)) : l.status();
    ASSERT_FALSE(s.ok()) << refused;
    EXPECT_EQ(s.code(), StatusCode::kPermissionDenied) << s.to_string();
    EXPECT_NE(s.message().find("check the permissions"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find(path), std::string::npos) << s.message();
  }
  auto l = Ledger::open(path, {Ledger::Mode::kReadOnly, 15000});
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(l->count().value_or(-1), 1);
  EXPECT_EQ(test::integrity_check(path), "ok");
}

// A child records kRuns runs, one commit each, through a writer that cuts the write
// reaching `budget` bytes and kills the child there; it tells the parent each run whose
// commit returned. -1 budget: no tear (the count of bytes is written to `bytes`).
constexpr int kRuns = 5;

struct Torn {
  bool killed = false;
  std::vector<int> committed;
};

Torn record_until_torn(const std::string& path, std::size_t budget, std::size_t* bytes = nullptr) {
  int fds[2];
  if (::pipe(fds) != 0) return {};
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    FaultyWriter disk;
    disk.only_under = path;
    disk.budget = budget;
    disk.crash_at_budget = true;
    auto l = open_through(disk, path);
    if (!l.ok()) ::_exit(2);
    for (int i = 0; i < kRuns; ++i) {
      if (!l->append(measured_run(run_id(i), "p", 1000 + i)).ok()) ::_exit(3);
      const char c = static_cast<char>(i);
      if (::write(fds[1], &c, 1) != 1) ::_exit(4);
    }
    const std::size_t n = disk.written;
    if (::write(fds[1], &n, sizeof n) != sizeof n) ::_exit(4);
    ::_exit(0);
  }
  ::close(fds[1]);
  Torn t;
  char c = 0;
  for (int i = 0; i < kRuns && ::read(fds[0], &c, 1) == 1; ++i) t.committed.push_back(c);
  if (bytes != nullptr && ::read(fds[0], bytes, sizeof *bytes) != sizeof *bytes) *bytes = 0;
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  t.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  return t;
}

TEST(LedgerWrites, ATornWriteThenACrashLosesNoCommittedRun) {
  test::ScratchDir dir("cs_ledger_torn");
  std::size_t total = 0;
  const Torn whole =
      record_until_torn((dir.path / "whole.db").string(), static_cast<std::size_t>(-1), &total);
  ASSERT_FALSE(whole.killed);
  ASSERT_EQ(whole.committed.size(), static_cast<std::size_t>(kRuns));
  ASSERT_GT(total, 0u);
  // Tears spread over the whole byte stream (creation, WAL frames, checkpoints), each a
  // cut inside a write (odd offsets), in a fresh ledger each.
  constexpr int kTears = 24;
  int torn_mid_commit = 0;
  for (int k = 0; k < kTears; ++k) {
    const std::size_t budget =
        total * static_cast<std::size_t>(k) / kTears + 1 + 2 * static_cast<std::size_t>(k);
    const std::string path = (dir.path / fmt::format("torn{}.db", k)).string();
    const Torn t = record_until_torn(path, budget);
    ASSERT_TRUE(t.killed) << "budget " << budget << " of " << total;
    torn_mid_commit += !t.committed.empty();
    auto l = Ledger::open(path);  // the next run opens it, recovering the WAL
    ASSERT_TRUE(l.ok()) << "budget " << budget << ": " << l.status().to_string();
    EXPECT_EQ(test::integrity_check(path), "ok") << "budget " << budget;
    for (int i : t.committed) EXPECT_TRUE(l->get(run_id(i)).ok()) << run_id(i) << ", budget " << budget;
    const std::int64_t n = l->count().value_or(-1);
    // The torn commit itself may have reached the WAL whole before the cut (in its
    // checkpoint): it is then there too, once.
    EXPECT_GE(n, static_cast<std::int64_t>(t.committed.size())) << "budget " << budget;
    EXPECT_LE(n, static_cast<std::int64_t>(t.committed.size()) + 1) << "budget " << budget;
    EXPECT_TRUE(l->append(measured_run("run-after", "p", 5000)).ok()) << "budget " << budget;
    auto reader = Ledger::open(path, {Ledger::Mode::kReadOnly, 15000});
    ASSERT_TRUE(reader.ok());
    EXPECT_EQ(reader->count().value_or(-1), n + 1);
  }
  EXPECT_GT(torn_mid_commit, kTears / 2);  // most tears fell after some runs were in
}

}  // namespace
}  // namespace carbonscope
