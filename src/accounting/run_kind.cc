// Names of run kinds as stored in the ledger and printed in reports, and back.
#include <fmt/format.h>

#include "carbonscope/report.h"
#include "carbonscope/run_filter.h"  // declares parse_run_kind (the ledger filter's), defined here

namespace carbonscope {

std::string_view run_kind_name(RunKind k) {
  switch (k) {
    case RunKind::kRun: return "run";
    case RunKind::kMonitor: return "monitor";
    case RunKind::kEstimate: return "estimate";
  }
  return "unknown";
}

Result<RunKind> parse_run_kind(std::string_view text) {
  for (RunKind k : {RunKind::kRun, RunKind::kMonitor, RunKind::kEstimate}) {
    if (run_kind_name(k) == text) return k;
  }
  return Status::invalid_argument(
      fmt::format("unknown kind '{}': use run, monitor or estimate", text));
}

}  // namespace carbonscope
