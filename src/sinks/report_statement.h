// The content of the text, Markdown and LaTeX reports, independent of markup: a
// paragraph for a paper, a table of every figure with how it was obtained, and a
// per-run table when several runs are reported. Renderers only format and escape it.
#pragma once

#include <string>
#include <vector>

#include "sinks/report_bundle.h"

namespace carbonscope {

struct StatementRow {
  std::string quantity;
  std::string value;
  std::string how;  // how the figure was obtained
};

struct Statement {
  std::string paragraph;
  std::vector<StatementRow> rows;
  std::vector<std::string> run_header;            // empty for a single run
  std::vector<std::vector<std::string>> run_rows;
  std::vector<std::string> notes;                 // "run-id: note", deduplicated
};

Statement build_statement(const ReportBundle& bundle);

}  // namespace carbonscope
