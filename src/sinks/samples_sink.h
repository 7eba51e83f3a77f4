// samples.csv as a sink: created when the run begins (samples_csv.h says how it is
// written), a line per point, cut to its real size when the run ends.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/file_writer.h"
#include "sinks/run_sink.h"
#include "formats/samples_csv.h"

namespace carbonscope {

class SamplesCsvSink : public RunSink {
 public:
  SamplesCsvSink(std::string path, FileWriter& files) : path_(std::move(path)), files_(files) {}
  Status begin(const RunStart& start) override;
  bool wants_points() const override { return true; }
  Status on_point(const SeriesPoint& p) override;
  Status end(const Report&) override;

 private:
  std::string path_;
  FileWriter& files_;
  std::optional<SamplesCsv> csv_;
};

}  // namespace carbonscope
