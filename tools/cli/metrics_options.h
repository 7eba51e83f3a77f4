// The Prometheus endpoint of `monitor --prometheus ADDR` and `exporter`: the flags, and
// the endpoint itself, which lives in carbonscope-exporter (the binary that links the
// HTTP library, see exec_beside.h). monitor.cc and exporter.cc are built into both
// binaries; the two functions below are defined once per binary: in carbonscope,
// hand_over_to_exporter() execs carbonscope-exporter; in carbonscope-exporter it does
// nothing and open_metrics_endpoint() serves.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "carbonscope/metrics_endpoint.h"
#include "carbonscope/tracker.h"
#include "command.h"

namespace carbonscope::cli {

struct MetricsFlags {
  std::string address;  // HOST:PORT; "" serves no metrics
  bool allow_remote = false;
  // The node agent's Slurm step series: "" or "off" serves none, "auto" looks under
  // /sys/fs/cgroup, any other value is the cgroup mount to look under.
  std::string slurm_cgroups;
};

// --allow-remote, and `address_flag` ("--prometheus", "--listen") for the address.
void add_metrics_options(CLI::App* cmd, MetricsFlags& flags, const std::string& address_flag,
                         const std::string& address_help);

// In carbonscope: execs carbonscope-exporter with this command line and returns the
// exit code of its failure. In carbonscope-exporter: nullopt (carry on).
std::optional<int> hand_over_to_exporter(const Context& ctx);

// Serves /metrics for the tracker `config` will build: binds now (a port in use fails
// before tracking starts), prints the URL on stderr, and chains config.on_sample so
// that every sample updates the figures. The endpoint stops when destroyed.
Result<std::unique_ptr<MetricsEndpoint>> open_metrics_endpoint(const MetricsFlags& flags,
                                                               const std::string& address_flag,
                                                               TrackerConfig& config);

}  // namespace carbonscope::cli
