// Registration of the metrics flags (both binaries).
#include "metrics_options.h"

namespace carbonscope::cli {

void add_metrics_options(CLI::App* cmd, MetricsFlags& f, const std::string& address_flag,
                         const std::string& address_help) {
  cmd->add_option(address_flag, f.address, address_help);
  cmd->add_flag("--allow-remote", f.allow_remote,
                "Allow a metrics address other than loopback (the metrics have no authentication)");
}

}  // namespace carbonscope::cli
