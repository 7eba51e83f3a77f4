// `slurm report`: the grouped totals of imported jobs as a table (text), CSV or JSON,
// and as Reports (one per group) for the existing report formats (md, latex, html...).
// Wasted energy (GA4HPC's failed jobs: every end state but COMPLETED) is its own column.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "carbonscope/report.h"
#include "cluster/slurm_store.h"

namespace carbonscope::cluster {

struct ReportHeading {
  GroupBy by = GroupBy::kUser;
  std::string since, until, cluster;
};

std::string render_totals_text(const std::vector<GroupTotal>& groups, const ReportHeading& h);
std::string render_totals_csv(const std::vector<GroupTotal>& groups, const ReportHeading& h);
nlohmann::json totals_json(const std::vector<GroupTotal>& groups, const ReportHeading& h);

// One Report per group ("slurm.user.alice"), energies by component with their methods.
Report group_report(const GroupTotal& g, const ReportHeading& h);

}  // namespace carbonscope::cluster
