// The user's data directory and the hourly series it holds.
#include "hourly_options.h"

#include <cstdlib>

namespace carbonscope::cli {

std::string user_data_dir(const Context& ctx) {
  if (!ctx.data_dir.empty()) return ctx.data_dir;
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg != nullptr && xdg[0] == '/') return std::string(xdg) + "/carbonscope";  // a relative one is invalid
  const char* home = std::getenv("HOME");
  return std::string(home != nullptr && home[0] != '\0' ? home : ".") + "/.local/share/carbonscope";
}

Result<std::shared_ptr<const HourlyData>> load_hourly(const Context& ctx) {
  return HourlyData::with_imports(user_data_dir(ctx));
}

}  // namespace carbonscope::cli
