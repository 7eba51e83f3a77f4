// The `text` and `md` report formats: the statement as a paragraph and tables that fit
// the terminal's width, with the method notes (text), or as Markdown tables, the method
// notes only with --notes (md).
#include <algorithm>

#include <fmt/format.h>

#include "carbonscope/text_layout.h"
#include "render/report_counterfactual.h"
#include "render/report_render.h"
#include "render/report_statement.h"

namespace carbonscope {
namespace {

std::string md_table(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    out += "|";
    for (const auto& cell : rows[r]) out += " " + markdown_cell(cell) + " |";
    out += "\n";
    if (r == 0) {
      out += "|";
      for (std::size_t i = 0; i < rows[r].size(); ++i) out += "---|";
      out += "\n";
    }
  }
  return out;
}

std::vector<std::vector<std::string>> figure_rows(const Statement& s) {
  std::vector<std::vector<std::string>> rows = {{"Quantity", "Value", "How it was obtained"}};
  for (const auto& r : s.rows) rows.push_back({r.quantity, r.value, r.how});
  return rows;
}

std::vector<std::vector<std::string>> run_rows(const Statement& s) {
  std::vector<std::vector<std::string>> rows = {s.run_header};
  rows.insert(rows.end(), s.run_rows.begin(), s.run_rows.end());
  return rows;
}

bool fits(const std::string& text, std::size_t width) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (text_width(std::string_view(text).substr(start, end - start)) > width) return false;
    start = end + 1;
  }
  return true;
}

// The per-run table; when it cannot fit, without its Start column (the run id starts
// with the start time in UTC).
std::string runs_table(std::vector<std::vector<std::string>> rows, std::size_t width) {
  std::string out = text_table(rows, width, /*cut_words=*/false);
  if (fits(out, width) || rows.front().size() < 3 || rows.front()[2] != "Start") return text_table(rows, width);
  for (auto& row : rows) row.erase(row.begin() + 2);
  return text_table(rows, width);
}

}  // namespace

std::string render_text(const ReportView& view) {
  const ReportBundle& bundle = view.bundle;
  const Statement s = build_statement(view);
  const std::size_t width = bundle.text_width;
  std::string out = wrap_paragraph(s.paragraph, width) + "\n" + text_table(figure_rows(s), width);
  if (!s.run_rows.empty()) out += "\n" + runs_table(run_rows(s), width);
  if (bundle.runs.size() == 1) {
    const auto cf = counterfactual_sentences(bundle, bundle.runs.front());
    if (!cf.empty()) out += "\nCounterfactual:\n";
    for (const auto& c : cf) out += wrap_paragraph("- " + c, width, 2, 4);
  }
  if (!s.notes.empty()) {
    out += "\nMethod notes:\n";
    for (const auto& n : s.notes) out += wrap_paragraph("- " + n, width, 2, 4);
  }
  return out;
}

std::string render_markdown(const ReportView& view) {
  const ReportBundle& bundle = view.bundle;
  const Statement s = build_statement(view);
  std::string out = "## Energy use and carbon emissions\n\n" + s.paragraph + "\n\n" + md_table(figure_rows(s));
  if (!s.run_rows.empty()) out += "\n### Runs\n\n" + md_table(run_rows(s));
  if (bundle.runs.size() == 1) {
    const auto cf = counterfactual_sentences(bundle, bundle.runs.front());
    if (!cf.empty()) out += "\n### Counterfactual\n\n";
    for (const auto& c : cf) out += "- " + markdown_cell(c) + "\n";
  }
  if (bundle.method_notes && !s.notes.empty()) {
    out += "\n### Method notes\n\n";
    for (const auto& n : s.notes) out += "- " + markdown_cell(n) + "\n";
  }
  return out;
}

}  // namespace carbonscope
