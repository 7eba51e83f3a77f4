// A small RFC 4180 CSV reader for the data tables: quoted fields, doubled quotes,
// CRLF or LF, an optional UTF-8 BOM. Errors name file:line. Cells are views into the
// parsed text (which must outlive the table) except unescaped quoted cells, which the
// table owns.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/status.h"

namespace carbonscope {

class CsvTable {
 public:
  // Parses `text`; `name` is used in error messages ("zones.csv").
  static Result<CsvTable> parse(std::string_view name, std::string_view text);

  const std::string& name() const { return name_; }
  const std::vector<std::string>& header() const { return header_; }
  std::size_t size() const { return lines_.size(); }
  // Cell `column` of row i (both in range).
  std::string_view cell(std::size_t i, std::size_t column) const { return cells_[i * header_.size() + column]; }
  // Source line of row i (1-based, the header is line 1).
  int line(std::size_t i) const { return lines_[i]; }
  // Index of column `name`, or -1.
  int column(std::string_view name) const;
  // kDataError "file: missing column 'x'" for each absent required column.
  Status require_columns(std::initializer_list<std::string_view> names) const;

 private:
  std::string name_;
  std::vector<std::string> header_;
  std::vector<std::string_view> cells_;  // row-major, header_.size() per row
  std::deque<std::string> owned_;  // unescaped quoted cells (stable addresses)
  std::vector<int> lines_;
};

}  // namespace carbonscope
