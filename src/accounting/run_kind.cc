// Names of run kinds as stored in the ledger and printed in reports.
#include "carbonscope/report.h"

namespace carbonscope {

std::string_view run_kind_name(RunKind k) {
  switch (k) {
    case RunKind::kRun: return "run";
    case RunKind::kMonitor: return "monitor";
    case RunKind::kEstimate: return "estimate";
  }
  return "unknown";
}

}  // namespace carbonscope
