// The CLI's own JSON documents as text, never throwing: invalid UTF-8 (a path, a host
// name, a label from a file) is written as U+FFFD, as the library's json_text writes
// reports, instead of nlohmann's type_error.316 aborting the command.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace carbonscope::cli {

// `indent` < 0: one line; else pretty with that indent (no trailing newline).
inline std::string json_print(const nlohmann::json& j, int indent = 2) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace carbonscope::cli
