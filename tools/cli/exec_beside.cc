// Re-executing the command line in a helper executable beside this one.
#include "exec_beside.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace carbonscope::cli {

int exec_beside(const Context& ctx, const char* helper, const char* what) {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  std::string path = (self.parent_path() / helper).string();
  std::vector<char*> argv;
  argv.push_back(path.data());
  std::vector<std::string> args(ctx.argv.begin() + (ctx.argv.empty() ? 0 : 1), ctx.argv.end());
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  ::execv(path.c_str(), argv.data());
  return report_error(Status::unavailable(
      fmt::format("cannot start {}: {}: {} (it is built beside carbonscope; rebuild with scripts/setup.sh)",
                  what, path, std::strerror(errno))));
}

}  // namespace carbonscope::cli
