// gather_runs: ledger runs and their series into a ReportBundle (see report_bundle.h).
#include "carbonscope/report_bundle.h"

namespace carbonscope {
namespace {

Status add_samples(const Ledger& ledger, ReportBundle& b) {
  for (const Report& r : b.runs) {
    CS_ASSIGN_OR_RETURN(std::vector<PowerSample> s, ledger.samples(r.run.id));
    if (!s.empty()) b.samples[r.run.id] = std::move(s);
  }
  return {};
}

}  // namespace

Status gather_runs(const Ledger& ledger, const std::vector<std::string>& ids, ReportBundle& b) {
  for (const std::string& id : ids) {
    CS_ASSIGN_OR_RETURN(Report r, ledger.get(id));
    b.runs.push_back(std::move(r));
  }
  return add_samples(ledger, b);
}

Status gather_runs(const Ledger& ledger, const RunFilter& filter, ReportBundle& b) {
  CS_ASSIGN_OR_RETURN(std::vector<Report> runs, ledger.reports(filter));
  for (Report& r : runs) b.runs.push_back(std::move(r));
  return add_samples(ledger, b);
}

}  // namespace carbonscope
