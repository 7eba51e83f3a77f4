// Wrapping, padding and tables for terminal text.
#include "carbonscope/text_layout.h"

#include <algorithm>

namespace carbonscope {
namespace {

constexpr std::size_t kMinColumn = 16;

// Byte offset of the character at display position `n`.
std::size_t offset_of(std::string_view s, std::size_t n) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (chars == n) return i;
      ++chars;
    }
  }
  return s.size();
}

}  // namespace

std::size_t text_width(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::vector<std::string> wrap_lines(std::string_view text, std::size_t width) {
  width = std::max<std::size_t>(width, 1);
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) {
      if (end == text.size()) break;
      continue;
    }
    while (text_width(word) > width) {  // a word longer than a line is cut
      if (!line.empty()) {
        lines.push_back(line);
        line.clear();
      }
      const std::size_t cut = offset_of(word, width);
      lines.emplace_back(word.substr(0, cut));
      word.remove_prefix(cut);
    }
    if (word.empty()) continue;
    if (!line.empty() && text_width(line) + 1 + text_width(word) > width) {
      lines.push_back(line);
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

std::string wrap_paragraph(std::string_view text, std::size_t width, std::size_t first_indent,
                           std::size_t indent) {
  const std::size_t body =
      width > std::max(first_indent, indent) + 10 ? width - std::max(first_indent, indent) : 10;
  std::string out;
  bool first = true;
  for (const std::string& line : wrap_lines(text, body)) {
    out.append(first ? first_indent : indent, ' ');
    out += line + "\n";
    first = false;
  }
  return out;
}

std::string prefixed_text(std::string_view prefix, std::string_view text, std::size_t width,
                          std::size_t fallback_indent) {
  const std::size_t used = text_width(prefix);
  if (text.empty()) {
    std::string p(prefix);
    while (!p.empty() && p.back() == ' ') p.pop_back();
    return p + "\n";
  }
  if (used + 24 > width) {
    std::string p(prefix);
    while (!p.empty() && p.back() == ' ') p.pop_back();
    return p + "\n" + wrap_paragraph(text, width, fallback_indent, fallback_indent);
  }
  std::string out(prefix);
  bool first = true;
  for (const std::string& line : wrap_lines(text, width - used)) {
    if (!first) out.append(used, ' ');
    out += line + "\n";
    first = false;
  }
  return out;
}

std::string markdown_cell(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

std::string ellipsize(std::string_view s, std::size_t width) {
  if (text_width(s) <= width) return std::string(s);
  if (width <= 3) return std::string(s.substr(0, offset_of(s, width)));
  return std::string(s.substr(0, offset_of(s, width - 3))) + "...";
}

std::string pad_right(std::string_view s, std::size_t width) {
  std::string out(s);
  const std::size_t w = text_width(s);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string pad_left(std::string_view s, std::size_t width) {
  const std::size_t w = text_width(s);
  return (w < width ? std::string(width - w, ' ') : std::string()) + std::string(s);
}

std::string text_table(const std::vector<std::vector<std::string>>& rows, std::size_t width, bool cut_words) {
  std::size_t columns = 0;
  for (const auto& row : rows) columns = std::max(columns, row.size());
  if (columns == 0) return "";
  std::vector<std::size_t> w(columns, 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) w[i] = std::max(w[i], text_width(row[i]));
  }
  const std::size_t gaps = 2 * (columns - 1);
  const std::size_t available = width > gaps ? width - gaps : columns * kMinColumn;
  std::size_t total = 0;
  for (std::size_t x : w) total += x;
  // A column keeps room for its longest word (ids, numbers), up to kMinColumn, or up
  // to twice that for the first column (what each row is about).
  std::vector<std::size_t> floor(columns, 1);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::size_t cap = i == 0 ? 24 : kMinColumn;
      std::size_t start = 0;
      while (start <= row[i].size()) {
        std::size_t end = row[i].find(' ', start);
        if (end == std::string::npos) end = row[i].size();
        floor[i] = std::max(floor[i],
                            std::min(cap, text_width(std::string_view(row[i]).substr(start, end - start))));
        start = end + 1;
      }
    }
  }
  for (std::size_t i = 0; i < columns; ++i) floor[i] = std::min(floor[i], w[i]);
  // First down to the floors; then, on a very narrow terminal, below them (words are
  // cut) down to 4 characters a column.
  for (const bool cut : {false, true}) {
    if (cut && !cut_words) break;
    while (total > available) {
      std::size_t widest = columns;
      for (std::size_t i = 0; i < columns; ++i) {
        const std::size_t min = cut ? std::min<std::size_t>(w[i], 4) : floor[i];
        if (w[i] > min && (widest == columns || w[i] > w[widest])) widest = i;
      }
      if (widest == columns) break;
      --w[widest];
      --total;
    }
  }
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::vector<std::string>> cells(columns);
    std::size_t height = 1;
    for (std::size_t i = 0; i < columns; ++i) {
      cells[i] = i < rows[r].size() ? wrap_lines(rows[r][i], w[i]) : std::vector<std::string>{""};
      height = std::max(height, cells[i].size());
    }
    for (std::size_t k = 0; k < height; ++k) {
      std::string line;
      for (std::size_t i = 0; i < columns; ++i) {
        const std::string& cell = k < cells[i].size() ? cells[i][k] : std::string();
        line += i + 1 < columns ? pad_right(cell, w[i]) + "  " : cell;
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
    if (r == 0) out += std::string(std::min(total + gaps, width), '-') + "\n";
  }
  return out;
}

}  // namespace carbonscope
