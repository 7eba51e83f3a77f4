// Ledger::list on a ledger of 100,000 runs: all of them, one project, one tag, and the
// newest 50 (the dashboard's first page is like the last). The ledger is built once
// in /tmp and reused.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "bench_ledger.h"
#include "carbonscope/ledger.h"

namespace carbonscope {
namespace {

constexpr int kRuns = 100000;

const std::string& bench_ledger_path() {
  static const std::string path = [] {
    const std::string p = "/tmp/carbonscope-bench-ledger-100k.db";
    bool ready = false;
    if (std::filesystem::exists(p)) {
      auto l = Ledger::open(p, {Ledger::Mode::kReadOnly, 1000});
      ready = l.ok() && l->count().value_or(0) == kRuns;
    }
    if (!ready) {
      std::filesystem::remove(p);
      std::filesystem::remove(p + "-wal");
      std::filesystem::remove(p + "-shm");
      (void)bench::make_bench_ledger(p, kRuns);
    }
    return p;
  }();
  return path;
}

void run_list(benchmark::State& state, const RunFilter& filter) {
  auto ledger = Ledger::open(bench_ledger_path(), {Ledger::Mode::kReadOnly, 1000});
  if (!ledger.ok()) {
    state.SkipWithError(ledger.status().to_string().c_str());
    return;
  }
  std::size_t rows = 0;
  for (auto _ : state) {
    auto runs = ledger->list(filter);
    rows = runs.ok() ? runs->size() : 0;
    benchmark::DoNotOptimize(rows);
  }
  state.counters["rows"] = static_cast<double>(rows);
}

void BM_LedgerListAll(benchmark::State& state) { run_list(state, {}); }
void BM_LedgerListProject(benchmark::State& state) {
  RunFilter f;
  f.project = "project-042";
  run_list(state, f);
}
void BM_LedgerListTag(benchmark::State& state) {
  RunFilter f;
  f.tags = {"sweep-7"};
  run_list(state, f);
}
void BM_LedgerListNewest50(benchmark::State& state) {
  RunFilter f;
  f.limit = 50;
  run_list(state, f);
}

BENCHMARK(BM_LedgerListAll)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LedgerListProject)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LedgerListTag)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LedgerListNewest50)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace carbonscope
