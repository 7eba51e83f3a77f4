// serve_metrics: the board of the node's figures, the Slurm steps' (when asked for) and
// the server rendering both, kept together for as long as the endpoint lives.
#include "carbonscope/metrics_endpoint.h"

#include "formats/prometheus_text.h"
#include "platform/system_info.h"
#include "serve/metrics_server.h"
#include "serve/slurm_job_metrics.h"

namespace carbonscope {
namespace {

class ServedMetrics final : public MetricsEndpoint {
 public:
  explicit ServedMetrics(const MetricsEndpointOptions& o)
      : board_(o.scope), jobs_(make_jobs(o)), server_(board_, jobs_.get()) {}

  Status start(const std::string& host, int port) {
    CS_ASSIGN_OR_RETURN(port_, server_.start(host, port));
    if (jobs_ != nullptr) jobs_->update(Snapshot{});  // a first scan, so that the description says what it found
    return Status::ok_status();
  }

  int port() const override { return port_; }
  std::string slurm_description() const override { return jobs_ != nullptr ? jobs_->description() : ""; }
  void update(const Snapshot& s) override {
    board_.update(s);
    if (jobs_ != nullptr) jobs_->update(s);
  }

 private:
  static std::unique_ptr<SlurmJobMetrics> make_jobs(const MetricsEndpointOptions& o) {
    if (o.slurm_cgroup_mount.empty()) return nullptr;
    SlurmJobOptions jo;
    jo.cgroup_mount = o.slurm_cgroup_mount;
    return std::make_unique<SlurmJobMetrics>(FileReader("/"), FileReader(o.proc_root), o.scope,
                                             clock_ticks_per_second(), jo);
  }

  MetricsBoard board_;
  std::unique_ptr<SlurmJobMetrics> jobs_;  // null: no Slurm step series
  MetricsServer server_;  // after the board and the jobs: stopped before they go
  int port_ = 0;
};

}  // namespace

Result<std::unique_ptr<MetricsEndpoint>> serve_metrics(const MetricsEndpointOptions& options) {
  auto e = std::make_unique<ServedMetrics>(options);
  CS_RETURN_IF_ERROR(e->start(options.host, options.port));
  return std::unique_ptr<MetricsEndpoint>(std::move(e));
}

}  // namespace carbonscope
