// The renderers behind render_report (carbonscope/report_render.h), one per format, each
// in its own render_*.cc file, and the bundle as JSON for the dashboard. Each reads the
// bundle's figures from its ReportView (accounting/report_view.h), built once per
// rendering, and computes none of them.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "accounting/report_view.h"
#include "carbonscope/report_bundle.h"
#include "carbonscope/report_render.h"

namespace carbonscope {

std::string render_text(const ReportView& view);
std::string render_markdown(const ReportView& view);
std::string render_latex(const ReportView& view);
std::string render_model_card(const ReportView& view);
std::string render_sci(const ReportView& view);
std::string render_html(const ReportView& view);

// The JSON format (schema carbonscope.report-bundle/1), also served by the dashboard.
inline constexpr const char* kReportBundleSchema = "carbonscope.report-bundle/1";
nlohmann::json report_bundle_json(const ReportView& view);

}  // namespace carbonscope
