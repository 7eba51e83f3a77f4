// LcaResult -> JSON in the documented schema "carbonscope.lca/1"
// (docs/reference/project-file.md#output): totals, the four parts with shares, and
// every entry with its range, PUE, intensity and provenance.
#pragma once

#include <nlohmann/json.hpp>

#include "carbonscope/lca.h"

namespace carbonscope {

inline constexpr const char* kLcaSchema = "carbonscope.lca/1";

nlohmann::json lca_to_json(const LcaResult& r);

}  // namespace carbonscope
