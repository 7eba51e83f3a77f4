// Typed access to one CSV row by column name, with file:line errors that say which
// column holds what, and range checks.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/status.h"
#include "data/csv.h"

namespace carbonscope {

class RowReader {
 public:
  RowReader(const CsvTable& table, std::size_t row) : table_(table), row_(row) {}

  // Text of `column` ("" when empty or absent).
  std::string_view text(std::string_view column) const;
  // Non-empty text, else a data error.
  Result<std::string> required(std::string_view column) const;
  // A number within [lo, hi]; required or optional (empty -> nullopt).
  Result<double> number(std::string_view column, double lo, double hi) const;
  Result<std::optional<double>> optional_number(std::string_view column, double lo, double hi) const;
  Result<int> integer(std::string_view column, int lo, int hi) const;
  // An integer within [lo, hi] into `out` when the column is non-empty; `out` is left
  // as it is when the column is empty.
  Status optional_integer(std::string_view column, int lo, int hi, int& out) const;
  // `|`-separated list.
  std::vector<std::string> list(std::string_view column) const;
  // "zones.csv:12: " for messages.
  std::string where() const;
  Status error(std::string_view message) const;

 private:
  const CsvTable& table_;
  std::size_t row_;
};

}  // namespace carbonscope
