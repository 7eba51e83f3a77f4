// CSV parsing, one character at a time.
#include "data/csv.h"

#include <fmt/format.h>

namespace carbonscope {

Result<CsvTable> CsvTable::parse(std::string_view name, std::string_view text) {
  CsvTable t;
  t.name_ = std::string(name);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string> record;
  std::string field;
  bool in_quotes = false;
  bool field_was_quoted = false;
  int line = 1;
  int record_line = 1;
  auto end_record = [&]() -> Status {
    record.push_back(std::move(field));
    field.clear();
    field_was_quoted = false;
    const bool blank = record.size() == 1 && record[0].empty();
    if (!blank) {
      if (t.header_.empty()) {
        t.header_ = std::move(record);
      } else if (record.size() != t.header_.size()) {
        return Status::data_error(fmt::format("{}:{}: {} fields, the header has {}", name, record_line,
                                              record.size(), t.header_.size()));
      } else {
        t.rows_.push_back(std::move(record));
        t.lines_.push_back(record_line);
      }
    }
    record.clear();
    record_line = line;
    return {};
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      if (!field.empty() || field_was_quoted) {
        return Status::data_error(fmt::format("{}:{}: stray quote inside a field", name, line));
      }
      in_quotes = true;
      field_was_quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      field_was_quoted = false;
    } else if (c == '\r') {
      // tolerated before \n
    } else if (c == '\n') {
      ++line;
      CS_RETURN_IF_ERROR(end_record());
    } else {
      if (field_was_quoted) {
        return Status::data_error(fmt::format("{}:{}: text after a closing quote", name, line));
      }
      field += c;
    }
  }
  if (in_quotes) return Status::data_error(fmt::format("{}:{}: unterminated quoted field", name, record_line));
  if (!field.empty() || !record.empty()) CS_RETURN_IF_ERROR(end_record());
  if (t.header_.empty()) return Status::data_error(fmt::format("{}: empty file, expected a header row", name));
  return t;
}

int CsvTable::column(std::string_view col) const {
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == col) return static_cast<int>(i);
  }
  return -1;
}

Status CsvTable::require_columns(std::initializer_list<std::string_view> names) const {
  for (std::string_view n : names) {
    if (column(n) < 0) return Status::data_error(fmt::format("{}:1: missing column '{}'", name_, n));
  }
  return {};
}

}  // namespace carbonscope
