// `carbonscope sensors`: every backend, available or not, with what it found or why
// it was rejected and how to fix that.
#include <iostream>

#include <fmt/format.h>

#include "carbonscope/tracker_setup.h"
#include "command.h"

namespace carbonscope::cli {
namespace {

int sensors_command(const Context& ctx) {
  // The same options run, monitor and Python probe with: environment and CPU rating.
  auto data = load_data(ctx);
  if (!data.ok()) return report_error(data.status());
  for (const ProbeResult& p : probe_sensor_backends(**data, Environment::current())) {
    const char* state = p.used ? "used" : p.available ? "available" : "unavailable";
    std::cout << fmt::format("{:<14} {:<12} {}\n", p.backend, state, p.detail);
  }
  return kExitOk;
}

}  // namespace

void add_sensors_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("sensors", "List every energy sensor backend: used, available or why not");
  cmd->callback([&ctx] { ctx.exit_code = sensors_command(ctx); });
}

}  // namespace carbonscope::cli
