// carbonscope-exporter: the metrics endpoint itself (MetricsBoard behind MetricsServer).
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "metrics_options.h"
#include "carbonscope/system_info.h"
#include "serve/metrics_server.h"

namespace carbonscope::cli {
namespace {

class ServedEndpoint : public MetricsEndpoint {
 public:
  ServedEndpoint(MetricsScope scope, const std::string& cgroup_mount, const std::string& proc_root)
      : board(scope), jobs(make_jobs(scope, cgroup_mount, proc_root)), server(board, jobs.get()) {}
  MetricsBoard board;
  std::unique_ptr<SlurmJobMetrics> jobs;  // null: no Slurm step series
  MetricsServer server;  // after the board and the jobs: stopped before they go

 private:
  static std::unique_ptr<SlurmJobMetrics> make_jobs(const MetricsScope& scope, const std::string& mount,
                                                    const std::string& proc_root) {
    if (mount.empty()) return nullptr;
    SlurmJobOptions o;
    o.cgroup_mount = mount;
    return std::make_unique<SlurmJobMetrics>(FileReader("/"), FileReader(proc_root), scope,
                                             clock_ticks_per_second(), o);
  }
};

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
  MetricsScope scope;
  scope.labels = scope_labels();
  scope.pue = config.pue.value.central;
  scope.grams_per_kwh = config.intensity.value.central.g_per_kwh();
  auto e = std::make_unique<ServedEndpoint>(std::move(scope), cgroup_mount(flags.slurm_cgroups),
                                            config.proc_root);
  CS_ASSIGN_OR_RETURN(int port, e->server.start(a.host, a.port));
  const bool v6 = a.host.find(':') != std::string::npos;
  std::cerr << fmt::format("carbonscope: Prometheus metrics at http://{}:{}/metrics\n",
                           v6 ? "[" + a.host + "]" : a.host, port)
            << std::flush;
  MetricsBoard* board = &e->board;
  SlurmJobMetrics* jobs = e->jobs.get();
  if (jobs != nullptr) {
    jobs->update(Snapshot{});  // a first scan, so that the line below says what it found
    std::cerr << "carbonscope: " << jobs->description() << "\n" << std::flush;
  }
  config.on_sample = [board, jobs, next = std::move(config.on_sample)](const Snapshot& s) {
    board->update(s);
    if (jobs != nullptr) jobs->update(s);
    if (next) next(s);
  };
  return std::unique_ptr<MetricsEndpoint>(std::move(e));
}

}  // namespace carbonscope::cli
