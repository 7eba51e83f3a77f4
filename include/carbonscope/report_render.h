// A ReportBundle (carbonscope/report_bundle.h) rendered in one of the report formats of
// `carbonscope report`; docs/reference/report-formats.md documents them. Text out,
// errors as Status.
#pragma once

#include <string>
#include <string_view>

#include "carbonscope/report_bundle.h"
#include "carbonscope/status.h"

namespace carbonscope {

enum class ReportFormat { kText, kMarkdown, kLatex, kModelCard, kSci, kHtml, kJson };

// "text", "md" (or "markdown"), "latex", "model-card", "sci", "html", "json";
// kInvalidArgument listing them for any other name.
Result<ReportFormat> parse_report_format(std::string_view name);

// Renders `bundle` in `format`; kNotFound when it holds no run.
Result<std::string> render_report(const ReportBundle& bundle, ReportFormat format);

}  // namespace carbonscope
