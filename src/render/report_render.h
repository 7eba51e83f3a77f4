// The report formats of `carbonscope report` and the one entry point that renders a
// ReportBundle in any of them. Each format lives in its own render_*.cc file;
// docs/reference/report-formats.md documents them.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "carbonscope/status.h"
#include "render/report_bundle.h"

namespace carbonscope {

enum class ReportFormat { kText, kMarkdown, kLatex, kModelCard, kSci, kHtml, kJson };

// "text", "md", "latex", "model-card", "sci", "html", "json".
Result<ReportFormat> parse_report_format(std::string_view name);

// Renders `bundle` (at least one run) in `format`.
Result<std::string> render_report(const ReportBundle& bundle, ReportFormat format);

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
