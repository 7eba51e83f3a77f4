// carbonscope-exporter: the metrics endpoint itself (serve_metrics).
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "carbonscope/metrics_endpoint.h"
#include "metrics_options.h"
#include "carbonscope/system_info.h"

namespace carbonscope::cli {
namespace {

// --slurm-cgroups: "" / "off" none, "auto" the usual mount, else the mount given.
std::string cgroup_mount(const std::string& flag) {
  if (flag.empty() || flag == "off") return "";
  return flag == "auto" ? "/sys/fs/cgroup" : flag;
}

// node_name (Kepler's label) always; the Slurm job and step when run inside one.
std::vector<MetricLabel> scope_labels() {
  std::vector<MetricLabel> labels = {{"node_name", host_name()}};
  if (const char* job = std::getenv("SLURM_JOB_ID"); job != nullptr && *job != '\0') {
    labels.push_back({"job_id", job});
    if (const char* step = std::getenv("SLURM_STEP_ID"); step != nullptr && *step != '\0') {
      labels.push_back({"step_id", step});
    }
  }
  return labels;
}

}  // namespace

std::optional<int> hand_over_to_exporter(const Context&) { return std::nullopt; }

Result<std::unique_ptr<MetricsEndpoint>> open_metrics_endpoint(const MetricsFlags& flags,
                                                               const std::string& address_flag,
                                                               TrackerConfig& config) {
  CS_ASSIGN_OR_RETURN(ListenAddress a, parse_listen_address(flags.address, flags.allow_remote, address_flag));
  MetricsEndpointOptions o;
  o.host = a.host;
  o.port = a.port;
  o.scope.labels = scope_labels();
  o.scope.pue = config.pue.value.central;
  o.scope.grams_per_kwh = config.intensity.value.central.g_per_kwh();
  o.slurm_cgroup_mount = cgroup_mount(flags.slurm_cgroups);
  o.proc_root = config.proc_root;
  CS_ASSIGN_OR_RETURN(std::unique_ptr<MetricsEndpoint> e, serve_metrics(o));
  const bool v6 = a.host.find(':') != std::string::npos;
  std::cerr << fmt::format("carbonscope: Prometheus metrics at http://{}:{}/metrics\n",
                           v6 ? "[" + a.host + "]" : a.host, e->port())
            << std::flush;
  if (const std::string jobs = e->slurm_description(); !jobs.empty()) {
    std::cerr << "carbonscope: " << jobs << "\n" << std::flush;
  }
  config.on_sample = [endpoint = e.get(), next = std::move(config.on_sample)](const Snapshot& s) {
    endpoint->update(s);
    if (next) next(s);
  };
  return e;
}

}  // namespace carbonscope::cli
