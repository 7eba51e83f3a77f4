// Plain-text layout for the terminal: paragraphs wrapped to a width, tables whose
// columns share the width (the widest wrap inside their cells), and values shortened
// with "..." where a listing must keep one line per row. Pure; widths in characters
// (ASCII text; UTF-8 sequences are counted as one character each).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace carbonscope {

// Display width of `s`: bytes that start a UTF-8 character.
std::size_t text_width(std::string_view s);

// `text` split into lines of at most `width` characters at spaces (a word longer than
// the width is cut).
std::vector<std::string> wrap_lines(std::string_view text, std::size_t width);

// `text` wrapped to `width`, each line after the first indented by `indent` spaces, the
// first by `first_indent`; ends with a newline.
std::string wrap_paragraph(std::string_view text, std::size_t width, std::size_t first_indent = 0,
                           std::size_t indent = 0);

// `prefix` then `text`, wrapped so that no line exceeds `width`: continuation lines line
// up under the text; when less than 24 columns remain after the prefix, the text starts
// on the next line, indented by `fallback_indent`. Ends with a newline.
std::string prefixed_text(std::string_view prefix, std::string_view text, std::size_t width,
                          std::size_t fallback_indent);

// `s` as a Markdown table cell: "|" would end the cell and is written "\|".
std::string markdown_cell(std::string_view s);

// `s` when it fits in `width`, else its start and "...".
std::string ellipsize(std::string_view s, std::size_t width);

// `s` padded with spaces to `width` characters (left-aligned) or right-aligned.
std::string pad_right(std::string_view s, std::size_t width);
std::string pad_left(std::string_view s, std::size_t width);

// Rows (the first is the header, underlined with dashes) in columns two spaces apart,
// within `width`: when the natural widths do not fit, the widest columns give up space
// (none below its longest word, up to 16 characters) and their cells wrap onto more
// lines; if that is not enough and `cut_words`, words are cut too.
std::string text_table(const std::vector<std::vector<std::string>>& rows, std::size_t width,
                       bool cut_words = true);

}  // namespace carbonscope
