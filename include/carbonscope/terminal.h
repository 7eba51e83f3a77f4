// The width of the terminal that text output is written to, so that tables and
// paragraphs fit it: $COLUMNS when set, else the window size of standard output when
// it is a terminal, else 80 columns.
#pragma once

namespace carbonscope {

inline constexpr int kDefaultTextWidth = 80;

// Columns available to text written to standard output (at least 40).
int terminal_width();

}  // namespace carbonscope
