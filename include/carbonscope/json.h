// Reports and estimates as JSON text, in the documented schema "carbonscope.report/1"
// (docs/reference/json.md): what report.json holds, `carbonscope estimate --json`
// prints and Python's results are views over; and the data tables' hardware records.
// Text in, text out: no JSON library type crosses the API, and none of its exceptions
// (invalid UTF-8 is written as U+FFFD, malformed input is a Status).
#pragma once

#include <string>
#include <string_view>

#include "carbonscope/data.h"
#include "carbonscope/estimate_request.h"
#include "carbonscope/lca.h"
#include "carbonscope/report.h"
#include "carbonscope/status.h"

namespace carbonscope {

// The report as a JSON document; `indent` < 0: one line, else pretty with that indent.
std::string report_json(const Report& report, int indent = -1);
// A report.json document back into a Report; kDataError naming what is wrong when the
// text is not JSON or not a carbonscope.report/1 document.
Result<Report> parse_report_json(std::string_view text);
// The estimate's report plus its "estimate" object (assumptions, everyday equivalents,
// cleaner regions), as `carbonscope estimate --json` prints it.
std::string estimate_json(const EstimateResult& result, int indent = -1);
// A life-cycle assessment (schema carbonscope.lca/1), as `carbonscope lca --format json`
// prints it.
std::string lca_json(const LcaResult& result, int indent = -1);

// One accelerator of the data tables: name, vendor, kind, form_factor, tdp_w, memory_gb,
// tflops (by precision), release_year, embodied_kg (null when unknown), aliases,
// source_id. The record `carbonscope data hardware --json` prints and Python's
// carbonscope.accelerator() returns.
std::string accelerator_json(const Accelerator& accelerator, int indent = -1);
// One CPU of the data tables: name, vendor, tdp_w, cores, threads, source_id (cores and
// threads 0 when unknown). The record of `carbonscope data cpus --json` and Python's
// carbonscope.cpu().
std::string cpu_json(const Cpu& cpu, int indent = -1);
// A run's row of CodeCarbon's emissions.csv as an object, column -> value (numbers for
// the numeric columns, text for the others): the figures the emissions.csv row holds,
// for Python's CodeCarbon-compatible EmissionsData.
std::string codecarbon_record_json(const Report& report, int indent = -1);

}  // namespace carbonscope
