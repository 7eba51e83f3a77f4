// Writes through the FileWriter seam under injected faults: a full disk (ENOSPC) on the
// first write or after part of the file (a torn write), a refused open (EACCES), a
// failed rename. Whatever fails, the file keeps its old contents whole, no PATH.tmp is
// left, and the error says why. Concurrent appenders of a CSV write its header once.
#include "platform/file_writer.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include <gtest/gtest.h>

#include "support/faulty_writer.h"
#include "support/scratch_dir.h"

namespace carbonscope {
namespace {

namespace fs = std::filesystem;

using test::FaultyWriter;  // support/faulty_writer.h

struct FileWriterFaults : ::testing::Test {
  test::ScratchDir dir{"cs_file_writer"};
  std::string path = (dir.path / "report.json").string();
  void SetUp() override { ASSERT_TRUE(system_file_writer().write_atomic(path, "old contents\n").ok()); }
  void expect_untouched() {
    EXPECT_EQ(test::slurp(path), "old contents\n");
    EXPECT_FALSE(fs::exists(path + ".tmp"));
  }
};

TEST_F(FileWriterFaults, ReplacesWholeWhenNothingFails) {
  ASSERT_TRUE(system_file_writer().write_atomic(path, "new\n").ok());
  EXPECT_EQ(test::slurp(path), "new\n");
  EXPECT_FALSE(fs::exists(path + ".tmp"));
}

TEST_F(FileWriterFaults, DiskFullOnTheFirstWrite) {
  FaultyWriter w;
  w.budget = 0;
  const Status s = w.write_atomic(path, std::string(10000, 'x'));
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_EQ(s.message(), "cannot write " + path + ".tmp: disk full");
  expect_untouched();
}

TEST_F(FileWriterFaults, TornWriteThenDiskFull) {
  FaultyWriter w;
  w.budget = 4096;  // part of the file reaches the disk, then the disk is full
  const Status s = w.write_atomic(path, std::string(10000, 'x'));
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find("disk full"), std::string::npos) << s.message();
  EXPECT_EQ(w.written, 4096u);
  expect_untouched();
}

TEST_F(FileWriterFaults, ShortWritesAreCompleted) {
  // A write that takes fewer bytes than asked, without an error, is carried on.
  struct Trickle : FileWriter {
    ssize_t write_some(int fd, const char* data, std::size_t size) override {
      return FileWriter::write_some(fd, data, std::min<std::size_t>(size, 7));
    }
  } w;
  ASSERT_TRUE(w.write_atomic(path, std::string(1000, 'y')).ok());
  EXPECT_EQ(test::slurp(path), std::string(1000, 'y'));
}

TEST_F(FileWriterFaults, PermissionDeniedOnOpen) {
  FaultyWriter w;
  w.open_errno = EACCES;
  const Status s = w.write_atomic(path, "new\n");
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find("cannot create " + path + ".tmp"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("ermission denied"), std::string::npos) << s.message();
  expect_untouched();
}

TEST_F(FileWriterFaults, FailedRenameLeavesNoTmp) {
  FaultyWriter w;
  w.rename_errno = EXDEV;
  EXPECT_FALSE(w.write_atomic(path, "new\n").ok());
  expect_untouched();
}

TEST_F(FileWriterFaults, AppendKeepsEarlierLinesOnAFullDisk) {
  const std::string csv = (dir.path / "emissions.csv").string();
  ASSERT_TRUE(system_file_writer().append(csv, "header\n").ok());
  ASSERT_TRUE(system_file_writer().append(csv, "row 1\n").ok());
  FaultyWriter w;
  w.budget = 0;
  const Status s = w.append(csv, "row 2\n");
  EXPECT_EQ(s.message(), "cannot write " + csv + ": disk full");
  EXPECT_EQ(test::slurp(csv), "header\nrow 1\n");
}

TEST_F(FileWriterFaults, MakesNestedDirectories) {
  const std::string nested = (dir.path / "a" / "b" / "c").string();
  ASSERT_TRUE(system_file_writer().make_dirs(nested).ok());
  EXPECT_TRUE(fs::is_directory(nested));
  EXPECT_TRUE(system_file_writer().make_dirs(nested).ok());  // existing: fine
}

// Processes appending rows to one CSV at once (recoverers finishing the runs of one
// output directory): the header is written once, every row whole.
TEST(FileWriterAppend, ConcurrentAppendersWriteTheHeaderOnce) {
  test::ScratchDir dir("cs_file_writer_header");
  const std::string path = (dir.path / "emissions.csv").string();
  constexpr int kWriters = 8, kRows = 40;
  std::vector<pid_t> pids;
  for (int w = 0; w < kWriters; ++w) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      for (int r = 0; r < kRows; ++r) {
        if (!system_file_writer().append_with_header(path, "header\n", fmt::format("row,{},{}\n", w, r)).ok())
          ::_exit(1);
      }
      ::_exit(0);
    }
    pids.push_back(pid);
  }
  for (pid_t pid : pids) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  std::istringstream in(test::slurp(path));
  std::string line, first;
  int headers = 0, rows = 0;
  while (std::getline(in, line)) {
    if (first.empty()) first = line;
    headers += line == "header";
    rows += line.rfind("row,", 0) == 0;
  }
  EXPECT_EQ(first, "header");
  EXPECT_EQ(headers, 1);
  EXPECT_EQ(rows, kWriters * kRows);
}

}  // namespace
}  // namespace carbonscope
