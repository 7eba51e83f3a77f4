// The hourly-series subcommands of `carbonscope data`: `intensity ZONE --date D` and
// `import-intensity FILE` (tools/cli/data_intensity.cc).
#pragma once

#include <CLI/CLI.hpp>

#include "command.h"

namespace carbonscope::cli {

void add_data_intensity_commands(CLI::App* data_cmd, Context& ctx);

}  // namespace carbonscope::cli
