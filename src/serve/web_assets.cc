// Lookup of embedded web assets by exact name.
#include "serve/web_assets.h"

namespace carbonscope {

const WebAsset* find_web_asset(std::string_view name) {
  for (const WebAsset& a : web_assets()) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

}  // namespace carbonscope
