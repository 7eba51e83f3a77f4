// `carbonscope serve` in the main binary: checks the flags, then execs carbonscope-serve
// (built beside it) with the same arguments. The dashboard's HTTP library pulls OpenSSL
// into any binary that links it, which costs every other command milliseconds of
// dynamic loading; keeping it in its own executable spares them.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

#include "command.h"
#include "serve_options.h"

namespace carbonscope::cli {

void add_serve_command(CLI::App& app, Context& ctx) {
  auto f = std::make_shared<ServeFlags>();
  CLI::App* sub = add_serve_options(app, *f);
  sub->callback([&ctx, f] {  // f owns the storage the flags parse into
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    const std::string helper = (self.parent_path() / "carbonscope-serve").string();
    std::vector<char*> argv;
    std::string arg0 = helper;
    argv.push_back(arg0.data());
    for (std::size_t i = 1; i < ctx.argv.size(); ++i) argv.push_back(ctx.argv[i].data());
    argv.push_back(nullptr);
    ::execv(helper.c_str(), argv.data());
    ctx.exit_code = report_error(Status::unavailable(
        fmt::format("cannot start the dashboard: {}: {} (it is built beside carbonscope; rebuild with "
                    "scripts/setup.sh)", helper, std::strerror(errno))));
  });
}

}  // namespace carbonscope::cli
