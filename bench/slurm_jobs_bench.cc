// The node agent's per-Slurm-step cost: SlurmJobMetrics::update on the sampler thread
// (one pread per step and of /proc/stat, the link-count check, the attribution; a full
// listing every 10th sample), beside a listing on every sample (rescan_every = 1), and
// the scrape-time render of the job families. The tree is Slurm's cgroup v2 layout,
// written to a temporary directory (a disk filesystem, not cgroupfs: the reads cost
// what a small regular file costs), with Arg jobs of 3 steps each (batch, extern, 0).
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "serve/slurm_job_metrics.h"

namespace carbonscope {
namespace {

namespace fs = std::filesystem;

struct TempTree {
  fs::path root;
  explicit TempTree(int jobs) {
    root = fs::temp_directory_path() / ("cs_slurm_bench_" + std::to_string(::getpid()) + "_" + std::to_string(jobs));
    fs::remove_all(root);
    const fs::path scope = root / "sys/fs/cgroup/system.slice/slurmstepd.scope";
    for (int j = 0; j < jobs; ++j) {
      for (const char* step : {"step_batch", "step_extern", "step_0"}) {
        const fs::path dir = scope / ("job_" + std::to_string(1000 + j)) / step;
        fs::create_directories(dir);
        std::ofstream(dir / "cpu.stat") << "usage_usec " << 1000000 * (j + 1) << "\nuser_usec 0\nsystem_usec 0\n";
      }
    }
    fs::create_directories(root / "proc");
    std::ofstream(root / "proc/stat") << "cpu  1000 0 500 8000 100 0 0 0 0 0\ncpu0 0 0 0 0 0 0 0 0 0 0\n";
  }
  ~TempTree() { fs::remove_all(root); }
};

Snapshot node_snapshot() {
  Snapshot s;
  s.elapsed = Duration(10);
  s.components.push_back({"package-0", "cpu", "rapl-powercap", Method::kMeasured, Power::watts(100), Energy::joules(1000)});
  s.components.push_back({"dram-0", "ram", "rapl-powercap", Method::kMeasured, Power::watts(10), Energy::joules(100)});
  s.components.push_back({"gpu-0", "gpu", "nvml", Method::kMeasured, Power::watts(300), Energy::joules(3000)});
  return s;
}

void run_updates(benchmark::State& state, int rescan_every) {
  const TempTree tree(static_cast<int>(state.range(0)));
  const FileReader r(tree.root.string());
  SlurmJobOptions o;
  o.rescan_every = rescan_every;
  SlurmJobMetrics jobs(r, r, MetricsScope{{{"node_name", "c1"}}, 1.2, 56}, 100, o);
  Snapshot s = node_snapshot();
  jobs.update(s);
  for (auto _ : state) {
    s.elapsed += Duration(1);
    jobs.update(s);
  }
  state.counters["steps"] = static_cast<double>(jobs.steps().size());
  state.counters["scans"] = static_cast<double>(jobs.scans());
}

void BM_SlurmJobsUpdate(benchmark::State& state) { run_updates(state, 10); }
BENCHMARK(BM_SlurmJobsUpdate)->Arg(1)->Arg(8)->Arg(64);

void BM_SlurmJobsUpdateListingEverySample(benchmark::State& state) { run_updates(state, 1); }
BENCHMARK(BM_SlurmJobsUpdateListingEverySample)->Arg(1)->Arg(8)->Arg(64);

void BM_SlurmJobsRender(benchmark::State& state) {
  const TempTree tree(static_cast<int>(state.range(0)));
  const FileReader r(tree.root.string());
  SlurmJobMetrics jobs(r, r, MetricsScope{{{"node_name", "c1"}}, 1.2, 56}, 100);
  jobs.update(node_snapshot());
  jobs.update(node_snapshot());
  std::string text;
  for (auto _ : state) {
    text.clear();
    jobs.board().render(text);
    benchmark::DoNotOptimize(text.data());
  }
  state.counters["bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_SlurmJobsRender)->Arg(8)->Arg(64);

}  // namespace
}  // namespace carbonscope
