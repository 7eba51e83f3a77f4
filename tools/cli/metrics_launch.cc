// carbonscope (the main binary): the metrics endpoint runs in carbonscope-exporter.
#include "exec_beside.h"
#include "metrics_options.h"

namespace carbonscope::cli {

std::optional<int> hand_over_to_exporter(const Context& ctx) {
  return exec_beside(ctx, "carbonscope-exporter", "the Prometheus exporter");
}

Result<std::unique_ptr<MetricsEndpoint>> open_metrics_endpoint(const MetricsFlags&, const std::string&,
                                                               TrackerConfig&) {
  return Status::internal("the metrics endpoint is served by carbonscope-exporter, not by carbonscope");
}

}  // namespace carbonscope::cli
