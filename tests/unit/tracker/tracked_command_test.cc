// run_tracked_command and run_untracked_command: exit codes passed through, 127/126 for a
// command that cannot run, the hooks' order, and a held child that never runs when the
// tracker cannot start.
#include "carbonscope/tracked_command.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "platform/fake_clock.h"
#include "support/fake_tracker.h"
#include "support/scratch_dir.h"

namespace carbonscope {
namespace {

namespace fs = std::filesystem;

struct TempDir : test::ScratchDir {
  TempDir() : ScratchDir("cs_tracked_command") {}
};

// The fake GPU tracker on this machine's /proc (the child is a real process); no files.
TrackerConfig command_config(FakeClock& clock) {
  TrackerConfig c = test::fake_gpu_config(clock, "", 200, 1.2);
  c.proc_root = "/";
  return c;
}

TrackedCommandOptions no_cgroup() {
  TrackedCommandOptions o;
  o.job_cgroup = false;  // leave this machine's cgroup tree alone
  return o;
}

// A file that exists but may not be executed.
std::string not_executable(const TempDir& dir) {
  const std::string path = dir.at("data.txt");
  std::ofstream(path) << "not a program\n";
  ::chmod(path.c_str(), 0644);
  return path;
}

TEST(UntrackedCommand, PassesTheExitStatusThrough) {
  auto exit = run_untracked_command({"/bin/sh", "-c", "exit 7"});
  ASSERT_TRUE(exit.ok()) << exit.status().to_string();
  EXPECT_TRUE(exit->launch.ok());
  EXPECT_EQ(exit->code, 7);
}

TEST(UntrackedCommand, ASignalThatKillsTheCommandIs128PlusIt) {
  auto exit = run_untracked_command({"/bin/sh", "-c", "kill -TERM $$"});
  ASSERT_TRUE(exit.ok());
  EXPECT_EQ(exit->code, 128 + 15);
}

TEST(UntrackedCommand, NotFoundIs127AndSaysSo) {
  auto exit = run_untracked_command({"carbonscope-no-such-command-here"});
  ASSERT_TRUE(exit.ok());
  EXPECT_EQ(exit->code, kExitCommandNotFound);
  EXPECT_EQ(exit->launch.code(), StatusCode::kNotFound);
  EXPECT_EQ(exit->launch.message(), "carbonscope-no-such-command-here: command not found");
}

TEST(UntrackedCommand, NotExecutableIs126) {
  TempDir dir;
  const std::string path = not_executable(dir);
  auto exit = run_untracked_command({path});
  ASSERT_TRUE(exit.ok());
  EXPECT_EQ(exit->code, kExitCommandNotExecutable);
  EXPECT_EQ(exit->launch.code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(exit->launch.message().starts_with(path + ": ")) << exit->launch.message();
}

TEST(UntrackedCommand, NoCommandIsAnError) {
  auto exit = run_untracked_command({});
  ASSERT_FALSE(exit.ok());
  EXPECT_EQ(exit.status().code(), StatusCode::kInvalidArgument);
}

TEST(TrackedCommand, RecordsTheCommandAndItsExitStatus) {
  FakeClock clock;
  auto run = run_tracked_command(command_config(clock), {"/bin/sh", "-c", "exit 3"}, no_cgroup());
  ASSERT_TRUE(run.ok()) << run.status().to_string();
  EXPECT_TRUE(run->exit.launch.ok());
  EXPECT_EQ(run->exit.code, 3);
  ASSERT_TRUE(run->report.ok()) << run->report.status().to_string();
  EXPECT_EQ(run->report->run.exit_code, 3);
  EXPECT_EQ(run->report->run.command, (std::vector<std::string>{"/bin/sh", "-c", "exit 3"}));
  EXPECT_FALSE(run->report->run.machine_scope);
  ASSERT_NE(run->tracker, nullptr);
  EXPECT_EQ(run->tracker->run_id(), run->report->run.id);
}

TEST(TrackedCommand, HooksRunAroundTheCommand) {
  TempDir dir;
  const std::string marker = dir.at("ran");
  std::vector<std::string> events;
  TrackedCommandOptions o = no_cgroup();
  o.on_start = [&](Tracker& t) {
    events.push_back(fs::exists(marker) ? "start after the command" : "start");
    EXPECT_FALSE(t.run_id().empty());
  };
  o.on_exit = [&] { events.push_back(fs::exists(marker) ? "exit" : "exit before the command"); };
  FakeClock clock;
  auto run = run_tracked_command(command_config(clock), {"/bin/sh", "-c", "touch '" + marker + "'"}, o);
  ASSERT_TRUE(run.ok()) << run.status().to_string();
  EXPECT_EQ(run->exit.code, 0);
  EXPECT_EQ(events, (std::vector<std::string>{"start", "exit"}));
}

TEST(TrackedCommand, ACommandThatCannotRunIsRecordedWith127Or126) {
  TempDir dir;
  FakeClock clock;
  auto missing = run_tracked_command(command_config(clock), {"carbonscope-no-such-command-here"}, no_cgroup());
  ASSERT_TRUE(missing.ok()) << missing.status().to_string();
  EXPECT_EQ(missing->exit.code, kExitCommandNotFound);
  EXPECT_EQ(missing->exit.launch.code(), StatusCode::kNotFound);
  ASSERT_TRUE(missing->report.ok());
  EXPECT_EQ(missing->report->run.exit_code, kExitCommandNotFound);

  FakeClock clock2;
  auto denied = run_tracked_command(command_config(clock2), {not_executable(dir)}, no_cgroup());
  ASSERT_TRUE(denied.ok());
  EXPECT_EQ(denied->exit.code, kExitCommandNotExecutable);
  EXPECT_EQ(denied->exit.launch.code(), StatusCode::kPermissionDenied);
  ASSERT_TRUE(denied->report.ok());
  EXPECT_EQ(denied->report->run.exit_code, kExitCommandNotExecutable);
}

TEST(TrackedCommand, NothingRunsWhenTheTrackerCannotBeCreated) {
  TempDir dir;
  const std::string marker = dir.at("ran");
  FakeClock clock;
  TrackerConfig c = command_config(clock);
  c.interval = Duration(0.001);  // below the 10 ms floor
  bool started = false;
  TrackedCommandOptions o = no_cgroup();
  o.on_start = [&](Tracker&) { started = true; };
  auto run = run_tracked_command(std::move(c), {"/bin/sh", "-c", "touch '" + marker + "'"}, o);
  ASSERT_FALSE(run.ok());
  EXPECT_TRUE(run.status().message().starts_with("cannot track")) << run.status().to_string();
  EXPECT_FALSE(started);
  EXPECT_FALSE(fs::exists(marker));  // the held child exited without exec'ing
}

TEST(TrackedCommand, NoCommandIsAnError) {
  FakeClock clock;
  auto run = run_tracked_command(command_config(clock), {}, no_cgroup());
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace carbonscope
