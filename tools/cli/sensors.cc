// `carbonscope sensors`: every backend, available or not, with what it found or why
// it was rejected and how to fix that.
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "command.h"
#include "sensors/registry.h"

namespace carbonscope::cli {
namespace {

std::string env(const char* name, std::string fallback = "") {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

int sensors_command() {
  SensorOptions o;
  o.sysfs_root = env("CARBONSCOPE_SYSFS_ROOT", "/");
  o.proc_root = env("CARBONSCOPE_PROC_ROOT", "/");
  o.nvml_library = env("CARBONSCOPE_NVML_LIBRARY");
  o.rocm_smi_library = env("CARBONSCOPE_ROCM_SMI_LIBRARY");
  o.fake_spec = env("CARBONSCOPE_FAKE_SENSORS");
  const SensorSet set = probe_sensors(o);
  for (const ProbeResult& p : set.probes) {
    const char* state = p.used ? "used" : p.available ? "available" : "unavailable";
    std::cout << fmt::format("{:<14} {:<12} {}\n", p.backend, state, p.detail);
  }
  return kExitOk;
}

}  // namespace

void add_sensors_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("sensors", "List every energy sensor backend: used, available or why not");
  cmd->callback([&ctx] { ctx.exit_code = sensors_command(); });
}

}  // namespace carbonscope::cli
