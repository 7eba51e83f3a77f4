// `sacct --json` (openapi dbv0.0.38 as Slurm 22.05 prints it; later layouts where the
// same names hold) to SlurmJob records. Known quirks handled: job-level CPU times are
// zero (the steps' are summed), step "tres.requested" is really usage, energy comes
// from the job's allocated "energy" TRES or the steps' statistics.energy.consumed.
#pragma once

#include <istream>
#include <string>

#include "cluster/sacct_parsable.h"

namespace carbonscope::cluster {

// A job that cannot be read is reported as "name: jobs[i] (id): reason" and skipped.
Result<ReadStats> read_sacct_json(std::istream& in, const std::string& name, const std::string& cluster,
                                  const JobSink& sink, ReadProblems& problems);

}  // namespace carbonscope::cluster
