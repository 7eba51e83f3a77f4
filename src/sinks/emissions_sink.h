// The run's row of OUTPUT_DIR/emissions.csv (codecarbon_csv.h), once: a recovery after a
// kill that came after the row was written finds it and adds no second one.
#pragma once

#include <string>

#include "platform/file_writer.h"
#include "sinks/run_sink.h"

namespace carbonscope {

class EmissionsCsvSink : public RunSink {
 public:
  // `own_run`: the tracker finishing its own run, whose row cannot be there yet, so the
  // file (it grows by a row per run) is not searched.
  EmissionsCsvSink(std::string path, bool own_run, FileWriter& files)
      : path_(std::move(path)), own_run_(own_run), files_(files) {}
  Status prepare(Report& report) override;
  Status end(const Report& report) override;

 private:
  std::string path_;
  bool own_run_;
  FileWriter& files_;
  std::string first_id_;  // the id before the ledger's prepare could change it
};

}  // namespace carbonscope
