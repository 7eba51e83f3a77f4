// A streaming reader of `sacct --parsable2` output (a header line, then '|'-separated
// rows: a job's row followed by its steps' rows). Reads any istream in fixed-size
// chunks, never the whole input; a row that cannot be read is reported as "file:line:
// reason" and skipped, so one broken row never stops an import.
#pragma once

#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "carbonscope/status.h"
#include "cluster/slurm_job.h"

namespace carbonscope::cluster {

// The --format fields carbonscope asks sacct for (any subset works; JobID and State
// are required, the others fill what they can).
inline constexpr const char* kSacctFields =
    "Cluster,JobID,JobName,User,Account,Partition,State,Submit,Start,End,Elapsed,ElapsedRaw,NCPUS,NNodes,"
    "NodeList,ReqMem,AllocTRES,TotalCPU,ConsumedEnergyRaw,MaxRSS";

struct ReadProblems {
  std::vector<std::string> messages;  // the first kMaxKept, "file:line: reason"
  std::size_t count = 0;
  static constexpr std::size_t kMaxKept = 50;
  void add(std::string message) {
    ++count;
    if (messages.size() < kMaxKept) messages.push_back(std::move(message));
  }
};

struct ReadStats {
  std::size_t rows = 0;  // data rows read (job and step rows)
  std::size_t jobs = 0;  // jobs handed to the sink
  std::size_t steps = 0;
};

using JobSink = std::function<Status(SlurmJob&&)>;

// Reads `in` (named `name` in messages); `cluster` names the jobs when there is no
// Cluster column. Returns an error only for unusable input (no header, no JobID) or a
// sink failure; bad rows land in `problems`.
Result<ReadStats> read_sacct_parsable(std::istream& in, const std::string& name, const std::string& cluster,
                                      const JobSink& sink, ReadProblems& problems);

}  // namespace carbonscope::cluster
