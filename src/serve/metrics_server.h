// MetricsServer: the Prometheus endpoint of `monitor --prometheus` and `exporter`.
// GET /metrics renders a MetricsBoard in the text format 0.0.4, then the Slurm steps'
// families when given a SlurmJobMetrics (the node agent); nothing else is served.
// Listens on a thread of its own, so the tracker never waits for a scrape.
#pragma once

#include <memory>
#include <string>

#include "carbonscope/metrics_endpoint.h"  // parse_listen_address
#include "carbonscope/status.h"
#include "serve/slurm_job_metrics.h"
#include "formats/prometheus_text.h"

namespace carbonscope {

class MetricsServer {
 public:
  // `jobs` (optional) must outlive the server, as `board` must.
  explicit MetricsServer(const MetricsBoard& board, const SlurmJobMetrics* jobs = nullptr);
  ~MetricsServer();  // stops and joins
  MetricsServer(const MetricsServer&) = delete;
  MetricsServer& operator=(const MetricsServer&) = delete;

  // Binds `host`:`port` (port 0: any free port), returns the bound port, and serves on
  // a background thread until stop().
  Result<int> start(const std::string& host, int port);
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace carbonscope
