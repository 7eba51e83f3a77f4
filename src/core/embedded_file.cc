// Lookup of an embedded file by exact name.
#include "core/embedded_file.h"

namespace carbonscope {

const EmbeddedFile* find_embedded_file(const std::vector<EmbeddedFile>& files, std::string_view name) {
  for (const EmbeddedFile& f : files) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace carbonscope
