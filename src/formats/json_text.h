// nlohmann::json -> text without exceptions: invalid UTF-8 (a byte sequence that
// escaped escape_utf8) becomes U+FFFD instead of throwing type_error.316. Every sink and
// renderer that serialises JSON uses it.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace carbonscope {

// `indent` < 0: one line; else pretty with that indent (no trailing newline).
std::string json_text(const nlohmann::json& j, int indent = -1);

}  // namespace carbonscope
