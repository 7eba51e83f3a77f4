// `carbonscope serve`, as run by the carbonscope-serve executable: the local dashboard
// over the ledger, on 127.0.0.1 by default (the main binary execs this one).
#include <csignal>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "carbonscope/dashboard.h"
#include "command.h"
#include "ledger_options.h"
#include "report_defaults.h"
#include "serve_options.h"

namespace carbonscope::cli {
namespace {

Dashboard* g_dashboard = nullptr;

extern "C" void stop_on_signal(int) {
  if (g_dashboard != nullptr) g_dashboard->stop();
}

Status serve(const Context& ctx, const ServeFlags& f) {
  CS_ASSIGN_OR_RETURN(std::shared_ptr<const DataSet> data, load_data(ctx));
  DashboardOptions options;
  options.ledger_path = resolve_ledger_path(f.ledger);
  options.regions = default_comparison_regions(*data);
  options.equivalents = default_equivalents(*data);
  const std::unique_ptr<Dashboard> dashboard = make_dashboard(options);
  CS_ASSIGN_OR_RETURN(int port, dashboard->bind(f.host, f.port));
  if (!is_loopback_host(f.host)) {
    std::cerr << fmt::format("carbonscope: warning: serving on {}, which other machines may reach; the dashboard "
                             "has no authentication\n", f.host);
  }
  std::cout << fmt::format("carbonscope: dashboard at http://{}:{}/ (ledger {}); Ctrl-C to stop\n",
                           f.host.find(':') != std::string::npos ? "[" + f.host + "]" : f.host, port,
                           options.ledger_path)
            << std::flush;
  g_dashboard = dashboard.get();
  std::signal(SIGINT, stop_on_signal);
  std::signal(SIGTERM, stop_on_signal);
  Status s = dashboard->listen();
  g_dashboard = nullptr;
  return s;
}

}  // namespace

void add_serve_command(CLI::App& app, Context& ctx) {
  auto f = std::make_shared<ServeFlags>();
  CLI::App* sub = add_serve_options(app, *f);
  sub->callback([&ctx, f] {
    const Status s = serve(ctx, *f);
    ctx.exit_code = s.ok() ? kExitOk : report_error(s);
  });
}

}  // namespace carbonscope::cli
