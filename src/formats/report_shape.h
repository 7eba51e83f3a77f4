// Type checks of report JSON before it is decoded: every field of a carbonscope.report/1
// document (and of an import's "samples") must have the JSON type carbonscope writes, and
// a mismatch is reported with the field's path ("run.tags[1]: expected a string, got a number").
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "carbonscope/status.h"

namespace carbonscope {

// Checks `doc` (one report, with an optional top-level "samples" array) against the
// shape that to_json writes. Unknown fields and nulls where a value is optional pass.
// `path` prefixes the field paths in the message ("run[2]"; empty for a single report).
Status check_report_shape(const nlohmann::json& doc, const std::string& path);

// The name of a JSON value's type, for messages: "a string", "a number", "null", ...
std::string json_type_name(const nlohmann::json& value);

}  // namespace carbonscope
