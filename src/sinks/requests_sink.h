// RequestsCsvSink: requests.csv in an inference run's directory, one row per interval
// of its request log (formats/requests_csv.h). An extra beside the run's record: a
// failure to write it is said in the report's notes (it writes at prepare, before the
// report is fixed) and keeps neither the record nor the ledger entry from being written
// (Role::kNoted).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "carbonscope/inference.h"
#include "formats/requests_csv.h"
#include "platform/file_writer.h"
#include "sinks/run_sink.h"

namespace carbonscope {

class RequestsCsvSink : public RunSink {
 public:
  // `intervals` is asked once, at prepare, of a run that counted requests (Report::inference).
  using Intervals = std::function<std::vector<RequestInterval>()>;
  RequestsCsvSink(std::string path, FileWriter& files, Intervals intervals)
      : path_(std::move(path)), files_(files), intervals_(std::move(intervals)) {}
  Role role() const override { return Role::kNoted; }
  Status prepare(Report& report) override;
  Status end(const Report&) override { return {}; }

 private:
  std::string path_;
  FileWriter& files_;
  Intervals intervals_;
};

}  // namespace carbonscope
