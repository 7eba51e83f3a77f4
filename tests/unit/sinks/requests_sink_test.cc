// requests.csv as a sink: written at prepare for a run that counted requests (a row per
// interval of its log), not at all otherwise; a failure to write it is a note in the
// report every later sink sees, and a kNoted failure: the run's files and ledger entry
// are not failed by it.
#include "sinks/requests_sink.h"

#include <cerrno>
#include <filesystem>

#include <gtest/gtest.h>

#include "support/faulty_writer.h"
#include "support/scratch_dir.h"

namespace carbonscope {
namespace {

std::vector<RequestInterval> two_intervals() {
  return {{1.0, 1.0, 50.5, {2, 100, 400}}, {2.0, 1.0, 48.25, {0, 0, 0}}};
}

// Keeps the report it is ended with.
class Keeping : public RunSink {
 public:
  explicit Keeping(Report& out) : out_(out) {}
  Status end(const Report& r) override {
    out_ = r;
    return {};
  }

 private:
  Report& out_;
};

TEST(RequestsCsvSink, WritesARowPerIntervalOfARunThatCountedRequests) {
  test::ScratchDir dir("requests_sink");
  const std::string path = (dir.path / kRequestsCsv).string();
  int asked = 0;
  RequestsCsvSink sink(path, system_file_writer(), [&] {
    ++asked;
    return two_intervals();
  });
  Report plain;
  ASSERT_TRUE(sink.prepare(plain).ok());
  EXPECT_FALSE(std::filesystem::exists(path)) << "no requests counted: no file";
  EXPECT_EQ(asked, 0);
  Report counted;
  counted.inference = InferenceSummary{};
  ASSERT_TRUE(sink.prepare(counted).ok());
  EXPECT_EQ(test::slurp(path),
            "t_s,dt_s,energy_j,requests,input_tokens,output_tokens\n"
            "1.000,1.000,50.5,2,100,400\n"
            "2.000,1.000,48.25,0,0,0\n");
  EXPECT_TRUE(counted.notes.empty());
}

TEST(RequestsCsvSink, AFailureIsANoteThatEverySinkWritesAndFailsNeitherFilesNorLedger) {
  test::ScratchDir dir("requests_sink");
  test::FaultyWriter full;
  full.budget = 0;  // ENOSPC on the first byte
  SinkList sinks;
  sinks.add(std::make_unique<RequestsCsvSink>((dir.path / kRequestsCsv).string(), full, two_intervals));
  Report ended;
  sinks.add(std::make_unique<Keeping>(ended));
  Report report;
  report.inference = InferenceSummary{};
  const SinkList::Ended e = sinks.end(report);
  EXPECT_TRUE(e.files.ok()) << e.files.message();
  EXPECT_TRUE(e.ledger.ok());
  ASSERT_FALSE(e.noted.ok());
  ASSERT_EQ(ended.notes.size(), 1u);
  EXPECT_EQ(ended.notes[0], "requests.csv was not written (" + e.noted.message() + ")");
  EXPECT_FALSE(std::filesystem::exists(dir.path / kRequestsCsv));
  EXPECT_FALSE(std::filesystem::exists(dir.path / "requests.csv.tmp")) << "no torn file left";
}

}  // namespace
}  // namespace carbonscope
