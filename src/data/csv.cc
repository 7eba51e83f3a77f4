// CSV parsing, one character at a time.
#include "data/csv.h"

#include <fmt/format.h>

namespace carbonscope {

Result<CsvTable> CsvTable::parse(std::string_view name, std::string_view text) {
  CsvTable t;
  t.name_ = std::string(name);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string_view> record;
  t.cells_.reserve(text.size() / 8);  // a rough upper bound of the cell count
  int line = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const int record_line = line;
    record.clear();
    // One record: fields separated by ',' up to an unquoted newline or the end.
    for (;;) {
      std::string_view field;
      if (i < n && text[i] == '"') {
        std::string value;
        ++i;
        for (;;) {
          if (i >= n) return Status::data_error(fmt::format("{}:{}: unterminated quoted field", name, record_line));
          const char c = text[i++];
          if (c == '"') {
            if (i < n && text[i] == '"') {
              value += '"';
              ++i;
              continue;
            }
            break;
          }
          if (c == '\n') ++line;
          value += c;
        }
        if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          return Status::data_error(fmt::format("{}:{}: text after a closing quote", name, line));
        }
        t.owned_.push_back(std::move(value));
        field = t.owned_.back();
      } else {
        const std::size_t start = i;
        while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"') return Status::data_error(fmt::format("{}:{}: stray quote inside a field", name, line));
          ++i;
        }
        field = text.substr(start, i - start);
      }
      record.push_back(field);
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < n && text[i] == '\r') ++i;
      if (i < n && text[i] == '\n') {
        ++i;
        ++line;
      }
      break;
    }
    if (record.size() == 1 && record[0].empty()) continue;  // blank line
    if (t.header_.empty()) {
      for (std::string_view h : record) t.header_.emplace_back(h);
    } else if (record.size() != t.header_.size()) {
      return Status::data_error(fmt::format("{}:{}: {} fields, the header has {}", name, record_line, record.size(),
                                            t.header_.size()));
    } else {
      t.cells_.insert(t.cells_.end(), record.begin(), record.end());
      t.lines_.push_back(record_line);
    }
  }
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
