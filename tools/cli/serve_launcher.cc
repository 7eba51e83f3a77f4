// `carbonscope serve` in the main binary: checks the flags, then execs carbonscope-serve
// (built beside it) with the same arguments (see exec_beside.h).
#include "command.h"
#include "exec_beside.h"
#include "serve_options.h"

namespace carbonscope::cli {

void add_serve_command(CLI::App& app, Context& ctx) {
  auto f = std::make_shared<ServeFlags>();
  CLI::App* sub = add_serve_options(app, *f);
  sub->callback([&ctx, f] {  // f owns the storage the flags parse into
    ctx.exit_code = exec_beside(ctx, "carbonscope-serve", "the dashboard");
  });
}

}  // namespace carbonscope::cli
