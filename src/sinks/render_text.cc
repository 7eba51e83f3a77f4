// The `text` and `md` report formats: the statement as a wrapped paragraph and
// aligned tables (text), or as Markdown tables (md).
#include <algorithm>

#include <fmt/format.h>

#include "sinks/report_render.h"
#include "sinks/report_statement.h"

namespace carbonscope {
namespace {

std::string wrap(const std::string& text, std::size_t width) {
  std::string out;
  std::size_t line = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::size_t len = end - start;
    if (line > 0 && line + 1 + len > width) {
      out += '\n';
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out.append(text, start, len);
    line += len;
    start = end + 1;
  }
  return out + "\n";
}

std::string aligned(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (std::size_t i = 0; i < rows[r].size(); ++i) {
      line += i + 1 < rows[r].size() ? fmt::format("{:<{}}  ", rows[r][i], widths[i]) : rows[r][i];
    }
    out += line + "\n";
    if (r == 0) {
      std::size_t total = 0;
      for (std::size_t w : widths) total += w + 2;
      out += std::string(total - 2, '-') + "\n";
    }
  }
  return out;
}

std::string md_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else out += c;
  }
  return out;
}

std::string md_table(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    out += "|";
    for (const auto& cell : rows[r]) out += " " + md_cell(cell) + " |";
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

}  // namespace

std::string render_text(const ReportBundle& bundle) {
  const Statement s = build_statement(bundle);
  std::string out = wrap(s.paragraph, 88) + "\n" + aligned(figure_rows(s));
  if (!s.run_rows.empty()) out += "\n" + aligned(run_rows(s));
  if (!s.notes.empty()) {
    out += "\nNotes:\n";
    for (const auto& n : s.notes) out += "  - " + n + "\n";
  }
  return out;
}

std::string render_markdown(const ReportBundle& bundle) {
  const Statement s = build_statement(bundle);
  std::string out = "## Energy use and carbon emissions\n\n" + s.paragraph + "\n\n" + md_table(figure_rows(s));
  if (!s.run_rows.empty()) out += "\n### Runs\n\n" + md_table(run_rows(s));
  if (!s.notes.empty()) {
    out += "\n### Notes\n\n";
    for (const auto& n : s.notes) out += "- " + md_cell(n) + "\n";
  }
  return out;
}

}  // namespace carbonscope
