// The pieces of the HTML report, shared with the dashboard: the stylesheet, the SVG
// charts (power over time of one run, emissions per run of many, energy breakdown,
// other regions), everyday equivalents and the HTML tables of a statement. Each
// returns a self-contained HTML fragment.
#pragma once

#include <string>
#include <vector>

#include "carbonscope/ledger.h"
#include "accounting/report_view.h"
#include "carbonscope/report_bundle.h"
#include "render/report_statement.h"

namespace carbonscope {

extern const char* const kReportCss;

// Emissions of each run by start time, coloured by project, hollow when estimated.
std::string html_runs_chart(const std::vector<Report>& runs);
std::string html_power_chart(const std::string& title, const std::vector<PowerSample>& samples);
// From the view's figures (accounting/report_view.h): its totals, regions, equivalents.
std::string html_energy_chart(const RunTotals& totals);
std::string html_regions_chart(const ReportView& view);
std::string html_equivalents(const ReportView& view);
// With `method_notes`, the statement's method notes follow the tables.
std::string html_statement_tables(const Statement& statement, bool method_notes);

}  // namespace carbonscope
