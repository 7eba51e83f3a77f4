// Text that goes into JSON, SQLite and CSV outputs must be valid UTF-8. Command lines,
// project names and host names are bytes: escape_utf8 keeps valid UTF-8 as it is and
// writes every other byte as the four characters `\xHH`, so nothing is lost or thrown.
#pragma once

#include <string>
#include <string_view>

namespace carbonscope {

bool is_valid_utf8(std::string_view text);
// `text` unchanged when valid; otherwise each byte that does not start a valid UTF-8
// sequence (overlong forms, surrogates and code points above U+10FFFF included)
// becomes `\xHH` (lower-case hex): "a\xffb" -> R"(a\xffb)".
std::string escape_utf8(std::string_view text);

}  // namespace carbonscope
