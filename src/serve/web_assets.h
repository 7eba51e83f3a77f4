// The dashboard's static files (web/*), compiled into the binary at build time by
// tools/embed (carbonscope_embed) so `carbonscope serve` needs no files and fetches
// nothing from the network.
#pragma once

#include <string_view>
#include <vector>

#include "core/embedded_file.h"

namespace carbonscope {

// Every file of web/, by base name (generated: cs_serve_embedded.cc).
const std::vector<EmbeddedFile>& web_assets();
// The asset called `name`, or nullptr (find_embedded_file: exact names only).
const EmbeddedFile* find_web_asset(std::string_view name);

}  // namespace carbonscope
