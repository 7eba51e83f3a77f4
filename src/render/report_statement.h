// The content of the text, Markdown, LaTeX and HTML reports, independent of markup: a
// paragraph for a paper (prose only: what, where, how long, energy, intensity with its
// source and year, emissions with range, the method in one clause), a table of every
// figure with how it was obtained, a per-run table when several runs are reported, and
// the method notes (formulas, run ids, hints, recorded notes with their counts) that
// md/latex/html leave out unless asked. Renderers only format and escape it.
#pragma once

#include <string>
#include <vector>

#include "accounting/report_view.h"

namespace carbonscope {

struct StatementRow {
  std::string quantity;
  std::string value;
  std::string how;  // how the figure was obtained
};

struct Statement {
  std::string paragraph;
  std::vector<StatementRow> rows;
  std::vector<std::string> run_header;  // empty for a single run
  std::vector<std::vector<std::string>> run_rows;
  // Method notes: full provenance the table shortens, the run id, and each distinct
  // note recorded with the runs ("... (in 30 runs)").
  std::vector<std::string> notes;
};

Statement build_statement(const ReportView& view);

// The how-obtained text of a table cell: the method, a short detail and the source
// ("measured: RAPL package-0", "estimated [cpu-model]"); long details (formulas)
// are left to the method notes.
std::string short_provenance(const Provenance& p);

}  // namespace carbonscope
