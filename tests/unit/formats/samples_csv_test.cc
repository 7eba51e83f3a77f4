// samples.csv: lines are readable as soon as they are appended (no write per line),
// the file is cut to its real size on close, and a killed writer loses nothing it
// appended (the page cache keeps the mapped lines); recovery trims the reserved tail.
#include "formats/samples_csv.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <filesystem>

#include <gtest/gtest.h>

#include "support/faulty_writer.h"
#include "support/scratch_dir.h"

namespace carbonscope {
namespace {

namespace fs = std::filesystem;

void append_rows(SamplesCsv& csv, int n, int from = 0) {
  for (int i = from; i < from + n; ++i) {
    ASSERT_TRUE(
        csv.append(i * 0.5, 1.7e9 + i, 10, i * 5.0, i * 0.001, 0.5, 20, {3.0, 7.0}, {i * 1.5, i * 3.5}).ok());
  }
}

TEST(SamplesCsv, LinesAreReadableWhileOpenAndTheFileIsExactAfterClose) {
  test::ScratchDir dir("cs_samples_csv");
  const std::string path = (dir.path / "samples.csv").string();
  std::size_t size = 0;
  {
    auto csv = SamplesCsv::create(path, {"cpu", "ram"});
    ASSERT_TRUE(csv.ok());
    append_rows(*csv, 5);
    auto live = read_samples_csv(path);  // what recovery or a reader sees mid-run
    ASSERT_TRUE(live.ok());
    EXPECT_EQ(live->rows.size(), 5u);
    EXPECT_EQ(live->columns.size(), 11u);
    size = csv->size();
  }
  EXPECT_EQ(fs::file_size(path), size);
  const std::string text = test::slurp(path);
  EXPECT_EQ(text.find('\0'), std::string::npos);
  EXPECT_EQ(text.back(), '\n');
  auto table = read_samples_csv(path);
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table->rows.size(), 5u);
  EXPECT_DOUBLE_EQ(table->rows[4][table->column("cpu_j")], 6.0);
  EXPECT_EQ(text.substr(text.find('\n') + 1, 60).substr(0, 47),
            "0.000,1700000000.000,10.0000,0.0000,0.000000,0.");
}

TEST(SamplesCsv, ManyLinesCrossTheReservedWindows) {
  test::ScratchDir dir("cs_samples_csv");
  const std::string path = (dir.path / "samples.csv").string();
  {
    auto csv = SamplesCsv::create(path, {"cpu", "ram"});
    ASSERT_TRUE(csv.ok());
    append_rows(*csv, 30000);  // about 3 MB: several 1 MiB windows
  }
  auto table = read_samples_csv(path);
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table->rows.size(), 30000u);
  for (std::size_t i = 0; i < table->rows.size(); i += 997)
    EXPECT_DOUBLE_EQ(table->rows[i][0], static_cast<double>(i) * 0.5);
}

TEST(SamplesCsv, AKilledWriterLosesNoAppendedLineAndRecoveryTrimsTheTail) {
  test::ScratchDir dir("cs_samples_csv");
  const std::string path = (dir.path / "samples.csv").string();
  const pid_t pid = ::fork();
  if (pid == 0) {
    auto csv = SamplesCsv::create(path, {"cpu", "ram"});
    if (!csv.ok()) _exit(1);
    for (int i = 0; i < 7; ++i) {
      if (!csv->append(i, 1.7e9 + i, 10, i, 0, 0.5, 20, {3.0, 7.0}, {1.0, 1.0}).ok()) _exit(1);
    }
    ::raise(SIGKILL);  // no destructor, no flush: as `kill -9`
    _exit(2);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status));
  auto table = read_samples_csv(path);
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->rows.size(), 7u);
  trim_samples_csv(path);
  const std::string text = test::slurp(path);
  EXPECT_EQ(text.find('\0'), std::string::npos);
  EXPECT_EQ(text.back(), '\n');
  auto again = read_samples_csv(path);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->rows.size(), 7u);
}

// samples.csv through the file seam (support/faulty_writer.h): a disk that cannot
// reserve blocks (ENOSPC from fallocate), then cannot take a write either, and a
// directory that refuses the file.
using test::FaultyWriter;

TEST(SamplesCsvFaults, ARefusedFileIsSaidWithItsPath) {
  test::ScratchDir dir("cs_samples_faults");
  const std::string path = (dir.path / "samples.csv").string();
  FaultyWriter disk;
  disk.open_errno = EACCES;
  auto csv = SamplesCsv::create(path, {"cpu"}, disk);
  ASSERT_FALSE(csv.ok());
  EXPECT_NE(csv.status().message().find("cannot create " + path), std::string::npos) << csv.status().message();
  EXPECT_NE(csv.status().message().find("Permission denied"), std::string::npos) << csv.status().message();
}

TEST(SamplesCsvFaults, NoRoomToReserveFallsBackToWritesAndAFullDiskIsSaid) {
  test::ScratchDir dir("cs_samples_faults");
  const std::string path = (dir.path / "samples.csv").string();
  FaultyWriter disk;
  disk.allocate_errno = ENOSPC;
  {
    auto csv = SamplesCsv::create(path, {"cpu", "ram"}, disk);
    ASSERT_TRUE(csv.ok());
    append_rows(*csv, 3);  // reserving fails: each line is written with write(2)
    EXPECT_GE(disk.allocations, 1);
    disk.budget = disk.written;  // and now the disk is full
    const Status st = csv->append(9, 1.7e9, 10, 1, 0, 0.5, 20, {3.0, 7.0}, {1.0, 1.0});
    EXPECT_EQ(st.code(), StatusCode::kIoError);
    EXPECT_NE(st.message().find("cannot append to " + path + ": disk full"), std::string::npos) << st.message();
  }
  auto table = read_samples_csv(path);  // the lines before the fault, whole
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(test::slurp(path).find('\0'), std::string::npos);
}

}  // namespace
}  // namespace carbonscope
