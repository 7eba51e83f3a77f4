// The pieces of the HTML report, shared with the dashboard: the stylesheet and the
// SVG charts (power over time, energy breakdown, other regions, everyday equivalents)
// and the HTML tables of a statement. Each returns a self-contained HTML fragment.
#pragma once

#include <string>
#include <vector>

#include "sinks/ledger.h"
#include "sinks/report_bundle.h"
#include "sinks/report_statement.h"

namespace carbonscope {

extern const char* const kReportCss;

std::string html_power_chart(const std::string& title, const std::vector<PowerSample>& samples);
std::string html_energy_chart(const std::vector<Report>& runs);
std::string html_regions_chart(const ReportBundle& bundle);
std::string html_equivalents(const ReportBundle& bundle);
// With `method_notes`, the statement's method notes follow the tables.
std::string html_statement_tables(const Statement& statement, bool method_notes);

}  // namespace carbonscope
