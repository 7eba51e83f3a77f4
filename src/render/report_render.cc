// Format names and dispatch for `carbonscope report`.
#include "render/report_render.h"

#include <fmt/format.h>

#include "formats/json_text.h"

namespace carbonscope {

Result<ReportFormat> parse_report_format(std::string_view name) {
  static const std::pair<std::string_view, ReportFormat> kFormats[] = {
      {"text", ReportFormat::kText},   {"md", ReportFormat::kMarkdown},
      {"markdown", ReportFormat::kMarkdown}, {"latex", ReportFormat::kLatex},
      {"model-card", ReportFormat::kModelCard}, {"sci", ReportFormat::kSci},
      {"html", ReportFormat::kHtml},   {"json", ReportFormat::kJson}};
  for (const auto& [n, f] : kFormats) {
    if (n == name) return f;
  }
  return Status::invalid_argument(fmt::format(
      "unknown report format '{}': use text, md, latex, model-card, sci, html or json", name));
}

Result<std::string> render_report(const ReportBundle& bundle, ReportFormat format) {
  if (bundle.runs.empty()) return Status::not_found("no runs to report: check the run ids or the filter");
  const ReportView view = build_report_view(bundle);
  switch (format) {
    case ReportFormat::kText: return render_text(view);
    case ReportFormat::kMarkdown: return render_markdown(view);
    case ReportFormat::kLatex: return render_latex(view);
    case ReportFormat::kModelCard: return render_model_card(view);
    case ReportFormat::kSci: return render_sci(view);
    case ReportFormat::kHtml: return render_html(view);
    case ReportFormat::kJson: return json_text(report_bundle_json(view), 2) + "\n";
  }
  return Status::internal("unhandled report format");
}

}  // namespace carbonscope
