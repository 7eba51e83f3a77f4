// Reading runs to import into the ledger from JSON documents: a single report
// (carbonscope.report/1, optionally with a top-level "samples" array), a runs export
// (carbonscope.runs/1) or a report bundle (carbonscope.report-bundle/1).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "carbonscope/ledger.h"
#include "carbonscope/status.h"

namespace carbonscope {

inline constexpr const char* kRunsExportSchema = "carbonscope.runs/1";

using ImportedRun = RunRecord;

// Parses `doc`. Runs without an id get one from make_run_id(start, random_bits). Every
// field is type-checked first (check_report_shape), and the figures checked
// (check_report_figures): an error names the field's path, "run[2].samples[0].component"
// in a runs export or bundle.
Result<std::vector<ImportedRun>> runs_from_json(const nlohmann::json& doc, unsigned random_bits);

// The runs export document: {"schema": "carbonscope.runs/1", "runs": [report, ...]},
// each report with its "samples" when it has any.
nlohmann::json runs_export_json(const std::vector<ImportedRun>& runs);

}  // namespace carbonscope
