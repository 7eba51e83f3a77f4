// Report <-> JSON in the documented schema "carbonscope.report/1"
// (docs/reference/json.md). Every sink and command that writes JSON uses this one
// mapping; the ledger stores it, and reports read it back.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "carbonscope/format.h"  // iso8601_utc
#include "carbonscope/report.h"
#include "carbonscope/status.h"

namespace carbonscope {

inline constexpr const char* kReportSchema = "carbonscope.report/1";

nlohmann::json to_json(const Report& report);
Result<Report> report_from_json(const nlohmann::json& j);

// {"central": x, "low": y, "high": z} for a range, in the unit `value` returns.
template <typename Q, typename F>
nlohmann::json range_json(const Range<Q>& r, F value) {
  return {{"central", value(r.central)}, {"low", value(r.low)}, {"high", value(r.high)}};
}

// {"method": ..., "source_id": ..., "detail": ..., "region": ..., "year": ...}; empty
// fields are left out.
nlohmann::json provenance_json(const Provenance& p);

// `run` with every text field as valid UTF-8 (invalid bytes as \xHH, carbonscope/utf8.h),
// as to_json writes it: what the ledger's metadata columns must hold too.
RunInfo with_utf8_text(RunInfo run);

}  // namespace carbonscope
