// The dashboard's HTML pages, rendered from ledger data: the runs list with filters,
// a run's page with its charts, project totals, a comparison of runs, and errors.
// Pure: data in, a complete HTML document out (stylesheet linked from /static/).
#pragma once

#include <string>
#include <vector>

#include "carbonscope/ledger.h"
#include "carbonscope/report_bundle.h"

namespace carbonscope {

// The filter as typed in the page's form, echoed back into it.
struct FilterForm {
  std::string project, tag, since, until, status, kind;
};

std::string runs_page(const std::vector<RunSummary>& runs, const FilterForm& form, std::int64_t total_runs,
                      std::size_t shown_limit);
std::string run_page(const ReportBundle& bundle);
std::string projects_page(const std::vector<ProjectTotal>& projects);
std::string compare_page(const ReportBundle& bundle);
std::string error_page(int status, const std::string& message);

}  // namespace carbonscope
