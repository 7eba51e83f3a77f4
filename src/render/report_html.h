// The pieces of the HTML report, shared with the dashboard: the stylesheet, the SVG
// charts (power over time of one run, emissions per run of many, energy breakdown,
// other regions), everyday equivalents and the HTML tables of a statement. Each
// returns a self-contained HTML fragment.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "carbonscope/ledger.h"
#include "carbonscope/report_bundle.h"
#include "render/report_statement.h"

namespace carbonscope {

extern const char* const kReportCss;

// The regions to compare with: a cloud bundle (every run on one provider) with that
// provider's regions, else with the countries; never the run's own region; sorted by
// intensity, at most 10 (an even spread from the cleanest to the dirtiest).
std::vector<RegionIntensity> comparison_regions(const ReportBundle& bundle);
// The equivalents whose amount reads sensibly (is_readable_amount), with the amount.
std::vector<std::pair<const EquivalentFactor*, double>> readable_equivalents(const ReportBundle& bundle);
// Emissions of each run by start time, coloured by project, hollow when estimated.
std::string html_runs_chart(const std::vector<Report>& runs);
std::string html_power_chart(const std::string& title, const std::vector<PowerSample>& samples);
std::string html_energy_chart(const std::vector<Report>& runs);
std::string html_regions_chart(const ReportBundle& bundle);
std::string html_equivalents(const ReportBundle& bundle);
// With `method_notes`, the statement's method notes follow the tables.
std::string html_statement_tables(const Statement& statement, bool method_notes);

}  // namespace carbonscope
