// The Prometheus exporter's costs: update() runs on the sampler thread after every
// sample; render() on each scrape. 8 domains (2 sockets x package+dram, 4 GPUs).
#include <benchmark/benchmark.h>

#include <string>

#include "formats/prometheus_text.h"

namespace carbonscope {
namespace {

Snapshot eight_domains(double t) {
  Snapshot s;
  s.samples = static_cast<std::int64_t>(t);
  const char* keys[] = {"package-0", "package-1", "dram-0", "dram-1", "gpu-0", "gpu-1", "gpu-2", "gpu-3"};
  for (int i = 0; i < 8; ++i) {
    s.components.push_back({keys[i],
                            i < 2   ? "cpu"
                            : i < 4 ? "ram"
                                    : "gpu",
                            i < 4 ? "rapl-powercap" : "nvml", Method::kMeasured, Power::watts(100 + i),
                            Energy::joules((100 + i) * t)});
  }
  return s;
}

MetricsScope scope() {
  return {{{"node_name", "gpu-node-017"}, {"job_id", "4242"}, {"step_id", "0"}}, 1.2, 56};
}

void BM_MetricsBoardUpdate(benchmark::State& state) {
  MetricsBoard board(scope());
  const Snapshot s = eight_domains(1000);
  board.update(s);  // the first sample builds the labels
  for (auto _ : state) board.update(s);
}
BENCHMARK(BM_MetricsBoardUpdate);

void BM_MetricsBoardRender(benchmark::State& state) {
  MetricsBoard board(scope());
  board.update(eight_domains(123456.789));
  std::string text;
  for (auto _ : state) {
    board.render(text);
    benchmark::DoNotOptimize(text.data());
  }
  state.counters["bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_MetricsBoardRender);

}  // namespace
}  // namespace carbonscope
