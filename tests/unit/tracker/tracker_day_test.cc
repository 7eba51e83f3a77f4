// A day of `monitor` at 1 s on a fake clock: 86,400 samples leave the tracker's own
// memory flat (nothing grows per sample) and the files at the size their rows need.
// No timing is asserted; the test takes a few seconds of CPU.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "carbonscope/tracker.h"
#include "platform/fake_clock.h"
#include "sensors/fake.h"
#include "support/scratch_dir.h"

namespace carbonscope {
namespace {

namespace fs = std::filesystem;

// Anonymous resident memory of this process in KiB (heap and stacks; the samples.csv
// mapping is file-backed and bounded by its window).
long rss_anon_kib() {
  std::ifstream in("/proc/self/status");
  std::string key;
  long value = -1;
  while (in >> key) {
    if (key == "RssAnon:") {
      in >> value;
      return value;
    }
    in.ignore(1 << 12, '\n');
  }
  return value;
}

std::size_t count_lines(const fs::path& p) {
  std::ifstream in(p);
  std::size_t n = 0;
  std::string line;
  while (std::getline(in, line)) ++n;
  return n;
}

TEST(TrackerDay, MonitorForADayAtOneSecondIsFlat) {
  test::ScratchDir dir("cs_tracker_day");
  FakeClock clock;
  TrackerConfig c;
  c.kind = RunKind::kMonitor;
  c.clock = &clock;
  c.interval = Duration(1.0);
  c.output_dir = dir.path.string();
  c.proc_root = std::string(CARBONSCOPE_FIXTURES) + "/vm";
  c.intensity.value = Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(300));
  c.pue.value = Range<double>::exact(1.0);
  FakeDomain cpu;
  cpu.domain.name = "cpu-0";
  cpu.domain.component = "cpu";
  cpu.domain.label = "CPU fake";
  cpu.domain.kind = ReadingKind::kPower;
  cpu.domain.provenance.method = Method::kMeasured;
  cpu.values = {40, 60};
  c.sensors.push_back(make_fake_sensor({cpu}));
  auto t = Tracker::create(std::move(c));
  ASSERT_TRUE(t.ok()) << t.status().to_string();
  Tracker& tr = **t;
  ASSERT_TRUE(tr.start().ok());
  constexpr int kDay = 86400;
  long warm = -1;
  long peak = 0;
  for (int i = 1; i <= kDay; ++i) {
    clock.advance(Duration(1.0));
    tr.sample_now();
    if (i == 3600) warm = rss_anon_kib();  // after the first hour: buffers at their size
    if (i > 3600 && i % 7200 == 0) peak = std::max(peak, rss_anon_kib());
  }
  ASSERT_GT(warm, 0);
  // Flat: the next 23 hours add less than 256 KiB (one sample's data is ~100 bytes,
  // so a container growing per sample would add megabytes).
  EXPECT_LT(peak - warm, 256) << "RssAnon after 1 h " << warm << " KiB, peak later " << peak << " KiB";
  auto report = tr.stop();
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  const fs::path run = fs::path(tr.run_dir());
  const fs::path csv = run / "samples.csv";
  // The background thread may add samples of its own between the explicit ones.
  const std::size_t rows = count_lines(csv) - 1;
  EXPECT_GE(rows, static_cast<std::size_t>(kDay));
  EXPECT_LE(rows, static_cast<std::size_t>(2 * kDay + 2));
  // Every byte is a row's: no reserved tail after the close, no runaway line.
  const std::uintmax_t bytes = fs::file_size(csv);
  EXPECT_LE(bytes, (rows + 1) * 120);
  EXPECT_GE(bytes, rows * 40);
  EXPECT_LT(fs::file_size(run / "report.json"), 64u * 1024);
  EXPECT_EQ(count_lines(dir.path / "emissions.csv"), 2u);  // header and this run
  EXPECT_NEAR(report->run.duration.count(), kDay, 2);
}

}  // namespace
}  // namespace carbonscope
