// RowReader: parsing and range checks of table fields.
#include "data/row_reader.h"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace carbonscope {

std::string_view RowReader::text(std::string_view column) const {
  const int c = table_.column(column);
  return c < 0 ? std::string_view() : table_.cell(row_, static_cast<std::size_t>(c));
}

std::string RowReader::where() const { return fmt::format("{}:{}", table_.name(), table_.line(row_)); }

Status RowReader::error(std::string_view message) const {
  return Status::data_error(fmt::format("{}: {}", where(), message));
}

Result<std::string> RowReader::required(std::string_view column) const {
  const std::string_view t = text(column);
  if (t.empty()) return error(fmt::format("column '{}' is empty", column));
  return std::string(t);
}

Result<std::optional<double>> RowReader::optional_number(std::string_view column, double lo, double hi) const {
  const std::string_view t = text(column);
  if (t.empty()) return std::optional<double>();
  double v = 0;
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || ptr != t.data() + t.size() || !std::isfinite(v)) {
    return error(fmt::format("column '{}' holds '{}', not a number", column, t));
  }
  if (v < lo || v > hi) return error(fmt::format("column '{}' = {} is outside [{}, {}]", column, t, lo, hi));
  return std::optional<double>(v);
}

Result<double> RowReader::number(std::string_view column, double lo, double hi) const {
  CS_ASSIGN_OR_RETURN(std::optional<double> v, optional_number(column, lo, hi));
  if (!v) return error(fmt::format("column '{}' is empty", column));
  return *v;
}

Result<int> RowReader::integer(std::string_view column, int lo, int hi) const {
  CS_ASSIGN_OR_RETURN(double v, number(column, lo, hi));
  if (v != std::floor(v)) return error(fmt::format("column '{}' = {} is not a whole number", column, v));
  return static_cast<int>(v);
}

Status RowReader::optional_integer(std::string_view column, int lo, int hi, int& out) const {
  if (text(column).empty()) return {};
  CS_ASSIGN_OR_RETURN(out, integer(column, lo, hi));
  return {};
}

std::vector<std::string> RowReader::list(std::string_view column) const {
  std::vector<std::string> out;
  const std::string_view t = text(column);
  std::size_t start = 0;
  while (start <= t.size() && !t.empty()) {
    const std::size_t bar = t.find('|', start);
    const std::string item(t.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
    if (!item.empty()) out.push_back(item);
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

}  // namespace carbonscope
