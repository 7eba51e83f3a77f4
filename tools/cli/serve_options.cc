// Registration of serve's flags.
#include "serve_options.h"

#include "ledger_options.h"

namespace carbonscope::cli {

CLI::App* add_serve_options(CLI::App& app, ServeFlags& f) {
  CLI::App* sub = app.add_subcommand("serve", "Local web dashboard of the ledger (127.0.0.1 by default)");
  add_ledger_option(sub, &f.ledger);
  sub->add_option("--host", f.host, "Address to listen on; anything but loopback exposes the ledger")->capture_default_str();
  sub->add_option("--port", f.port, "Port (0: any free port)")->capture_default_str();
  return sub;
}

}  // namespace carbonscope::cli
