// requests.csv: an inference run's request log, one row per sampling interval (t_s,
// dt_s, energy_j, requests, input_tokens, output_tokens; docs/reference/outputs.md).
#pragma once

#include <string>
#include <vector>

#include "carbonscope/inference.h"

namespace carbonscope {

inline constexpr const char* kRequestsCsv = "requests.csv";

// The file's text: its header and a row per interval.
std::string requests_csv(const std::vector<RequestInterval>& intervals);

}  // namespace carbonscope
