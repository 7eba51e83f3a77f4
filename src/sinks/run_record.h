// The run's record in its directory: run.json when it begins (the RunStart written down:
// what recovery needs to finish the run should its tracker die) and report.json when it
// ends. A report.json the run's directory cannot take (a full disk) goes to the first
// fallback directory that does (fallback_dirs), and the failure says where.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/file_writer.h"
#include "sinks/run_sink.h"

namespace carbonscope {

nlohmann::json run_start_json(const RunStart& start);
// run.json back into a RunStart (resumed = true); the "ledger" field is left to the
// caller, which tells an older run directory (none) from a run of this carbonscope.
Result<RunStart> run_start_from_json(const nlohmann::json& j);

// Where a report that could not be written in `run_dir` goes: the first writable of
// $CARBONSCOPE_FALLBACK_DIR, the ledger's directory, $TMPDIR, /tmp, each with
// carbonscope-unsaved/<run id>/. Recovery moves it back when the run's disk has room.
std::vector<std::string> fallback_dirs(const std::string& ledger_path, const std::string& run_id);

class RunRecordSink : public RunSink {
 public:
  // `ledger` only places the fallback directories.
  RunRecordSink(std::string dir, std::string ledger, FileWriter& files);
  Status begin(const RunStart& start) override;  // run.json (nothing when resumed)
  Status end(const Report& report) override;     // report.json
  const std::string& report_path() const { return report_path_; }  // where it went ("" = nowhere)

 private:
  std::string dir_, ledger_;
  FileWriter& files_;
  std::string report_path_;
};

}  // namespace carbonscope
