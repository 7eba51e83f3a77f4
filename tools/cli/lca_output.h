// Rendering of a life-cycle result for `carbonscope lca`: a text table for the
// terminal and a Markdown report (JSON is src/formats/lca_json.h).
#pragma once

#include <string>

#include "carbonscope/lca.h"

namespace carbonscope::cli {

// Text within `width` columns: long details wrap under their entry.
std::string render_lca_text(const LcaResult& r, const std::string& path, std::size_t width = 80);
std::string render_lca_markdown(const LcaResult& r, const std::string& path);

}  // namespace carbonscope::cli
