// The Prometheus endpoint of `monitor --prometheus` and `exporter`: GET /metrics in the
// text format 0.0.4, the node's figures from each tracker sample and, in the node agent,
// the Slurm steps' share of them. Served on a thread of its own, so the tracker never
// waits for a scrape. Defined in src/serve (cs_serve, which alone links the HTTP library)
// and built into carbonscope-exporter, not into libcarbonscope: `cmake --install` leaves
// this header out.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "carbonscope/status.h"
#include "carbonscope/tracker.h"

namespace carbonscope {

struct MetricLabel {
  std::string name;
  std::string value;
};

// What the figures are about and how energy becomes emissions.
struct MetricsScope {
  // On every series: node_name, and job_id / step_id when the tracker runs in a job.
  std::vector<MetricLabel> labels;
  double pue = 1;
  double grams_per_kwh = 0;  // grid carbon intensity, central
};

struct MetricsEndpointOptions {
  std::string host = "127.0.0.1";
  int port = 9464;  // 0: any free port
  MetricsScope scope;
  // The Slurm steps' series: the cgroup mount to find them under ("/sys/fs/cgroup");
  // "" serves none.
  std::string slurm_cgroup_mount;
  std::string proc_root = "/";  // root of the /proc/stat read that shares out the CPU energy
};

class MetricsEndpoint {
 public:
  virtual ~MetricsEndpoint() = default;  // stops serving
  virtual int port() const = 0;          // the bound port
  // Where the Slurm steps come from, or where none were found; "" without them.
  virtual std::string slurm_description() const = 0;
  // One tracker sample (TrackerConfig::on_sample, the sampler thread).
  virtual void update(const Snapshot& s) = 0;
};

// Binds now (a port in use fails before tracking starts) and serves until destroyed.
Result<std::unique_ptr<MetricsEndpoint>> serve_metrics(const MetricsEndpointOptions& options);

// An address "HOST:PORT" ("127.0.0.1:9464", "[::1]:9464", "0.0.0.0:9464"). A host other
// than loopback is refused unless `allow_remote` (the metrics have no authentication);
// errors name `option`.
struct ListenAddress {
  std::string host;
  int port = 0;
};
Result<ListenAddress> parse_listen_address(const std::string& text, bool allow_remote,
                                           const std::string& option);

}  // namespace carbonscope
