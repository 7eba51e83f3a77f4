// `carbonscope estimate`: its options are the library's EstimateRequest
// (accounting/estimate_request.h); this file renders the result as text or JSON.
#pragma once

#include <string>
#include <vector>

#include "carbonscope/estimate_request.h"
#include "location_options.h"

namespace carbonscope::cli {

// The library's request plus what only the command does with the result.
struct EstimateOptions {
  EstimateRequest request;
  bool json = false;
  bool save = false;    // record the estimate in the ledger
  std::string project;  // recorded with a saved estimate
  std::string ledger;
};

// Text within `width` columns (see carbonscope/terminal.h).
std::string render_estimate_text(const EstimateResult& r, std::size_t width = 80);
std::string render_estimate_json(const EstimateResult& r);

}  // namespace carbonscope::cli
