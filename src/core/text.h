// The small text helpers every layer needs, written once: white space trimmed, ASCII
// letters lowered (names, codes and keys are ASCII; no locale).
#pragma once

#include <string>
#include <string_view>

namespace carbonscope {

// `s` without leading and trailing white space (space, tab, CR, LF, VT, FF).
std::string_view trim(std::string_view s);
// `s` with A-Z as a-z; every other byte as it is.
std::string ascii_lower(std::string_view s);

}  // namespace carbonscope
