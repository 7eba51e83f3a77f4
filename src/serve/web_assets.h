// The dashboard's static files (web/*), compiled into the binary at build time so
// `carbonscope serve` needs no files and fetches nothing from the network.
#pragma once

#include <string_view>
#include <vector>

namespace carbonscope {

struct WebAsset {
  std::string_view name;  // file name, e.g. "dashboard.css"
  std::string_view contents;
};

const std::vector<WebAsset>& web_assets();
// The asset called `name`, or nullptr: the lookup is by exact name, so no path
// (and no "..") can reach anything else.
const WebAsset* find_web_asset(std::string_view name);

}  // namespace carbonscope
