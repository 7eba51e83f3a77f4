// A file compiled into the binary by tools/embed (carbonscope_embed), the one embedder:
// the data tables (data/embedded.h) and the dashboard's web assets (serve/web_assets.h)
// are each a list of these, generated in the same shape.
#pragma once

#include <string_view>
#include <vector>

namespace carbonscope {

struct EmbeddedFile {
  std::string_view name;      // base name, e.g. "zones.csv" or "dashboard.css"
  std::string_view contents;  // the file's exact bytes
};

// The file of `files` called `name`, or nullptr. The lookup is by exact name, so no
// path (and no "..") can reach anything else.
const EmbeddedFile* find_embedded_file(const std::vector<EmbeddedFile>& files, std::string_view name);

}  // namespace carbonscope
