// Lookup of embedded web assets by exact name.
#include "serve/web_assets.h"

namespace carbonscope {

const EmbeddedFile* find_web_asset(std::string_view name) { return find_embedded_file(web_assets(), name); }

}  // namespace carbonscope
