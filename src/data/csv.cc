// CSV parsing, one character at a time.
#include "data/csv.h"

#include <fmt/format.h>

namespace carbonscope {

namespace {

// The length of the UTF-8 sequence at `s` (1-4), or 0 when it is not valid UTF-8
// (overlong forms, surrogates and code points above U+10FFFF are invalid too).
std::size_t utf8_length(std::string_view s) {
  const auto b = [&s](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const auto cont = [&](std::size_t i) { return i < s.size() && (b(i) & 0xC0) == 0x80; };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(1) >= 0xA0) return 0;  // surrogates
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && b(1) < 0x90) return 0;
    if (c == 0xF4 && b(1) >= 0x90) return 0;
    return 4;
  }
  return 0;
}

Status check_utf8(std::string_view name, std::string_view text) {
  int line = 1;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_length(text.substr(i));
    if (n == 0) {
      return Status::data_error(fmt::format("{}:{}: invalid UTF-8 (byte 0x{:02X}): save the file as UTF-8", name, line,
                                            static_cast<unsigned char>(text[i])));
    }
    if (text[i] == '\n') ++line;
    if (text[i] == '\0') return Status::data_error(fmt::format("{}:{}: a NUL byte: not a text file", name, line));
    i += n;
  }
  return Status::ok_status();
}

}  // namespace

Result<CsvTable> CsvTable::parse(std::string_view name, std::string_view text) {
  CsvTable t;
  t.name_ = std::string(name);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  CS_RETURN_IF_ERROR(check_utf8(name, text));
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
  if (t.header_.empty()) return Status::data_error(fmt::format("{}:1: empty file, expected a header row", name));
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
