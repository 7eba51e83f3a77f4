// The renderers behind render_report (carbonscope/report_render.h), one per format, each
// in its own render_*.cc file, and the bundle as JSON for the dashboard.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "carbonscope/report_bundle.h"
#include "carbonscope/report_render.h"

namespace carbonscope {

std::string render_text(const ReportBundle& bundle);
std::string render_markdown(const ReportBundle& bundle);
std::string render_latex(const ReportBundle& bundle);
std::string render_model_card(const ReportBundle& bundle);
std::string render_sci(const ReportBundle& bundle);
std::string render_html(const ReportBundle& bundle);

// The JSON format (schema carbonscope.report-bundle/1), also served by the dashboard.
inline constexpr const char* kReportBundleSchema = "carbonscope.report-bundle/1";
nlohmann::json report_bundle_json(const ReportBundle& bundle);

}  // namespace carbonscope
