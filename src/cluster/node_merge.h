// `slurm job JOBID`: the runs tracked for one Slurm job on each of its nodes (by the
// SPANK plugin, or `srun carbonscope run -- ...`), found by their slurm_job tag and
// merged into one run: energy and emissions summed, each node's share kept. The
// job's imported accounting (slurm import) is shown beside it when present.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "carbonscope/report.h"
#include "cluster/slurm_store.h"

namespace carbonscope::cluster {

struct NodeShare {
  std::string node, step, run_id;
  Range<Energy> energy;
  Range<Emissions> emissions;
  Duration duration{};
};

struct MergedJob {
  std::string job;
  std::vector<NodeShare> nodes;         // one per tracked run
  std::optional<Report> merged;         // none when no run was tracked
  std::optional<StoredJob> accounting;  // from slurm import
  bool recorded = false;
};

// The merge itself (pure): the runs are those carrying the job's tag.
Report merge_runs(const std::string& job, const std::vector<Report>& runs, std::vector<NodeShare>& shares);

// Reads the ledger; with `record`, also stores the merged run as "slurm-JOB" (replacing
// an earlier merge). kNotFound when neither runs nor accounting exist for the job.
Result<MergedJob> merge_job(const std::string& ledger_path, const std::string& cluster,
                            const std::string& job, bool record);

std::string render_merged_job(const MergedJob& m);
nlohmann::json merged_job_json(const MergedJob& m);

}  // namespace carbonscope::cluster
