// Cost of the data tables: loading them (what every command pays at startup), the
// deferred CPU table, and the lookups estimate and run make.
#include <benchmark/benchmark.h>

#include "carbonscope/location.h"
#include "data/embedded.h"

namespace carbonscope {
namespace {

void BM_LoadBuiltinTables(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(embedded::load_tables(false));
}
BENCHMARK(BM_LoadBuiltinTables)->Unit(benchmark::kMillisecond);

void BM_LoadBuiltinTablesValidated(benchmark::State& state) {
  for (auto _ : state) {
    auto ds = embedded::load_tables(true);
    benchmark::DoNotOptimize((*ds)->cpus().size());
  }
}
BENCHMARK(BM_LoadBuiltinTablesValidated)->Unit(benchmark::kMillisecond);

void BM_DeferredCpuTable(benchmark::State& state) {
  for (auto _ : state) {
    auto ds = embedded::load_tables(false);
    benchmark::DoNotOptimize((*ds)->cpus().size());
  }
}
BENCHMARK(BM_DeferredCpuTable)->Unit(benchmark::kMillisecond);

void BM_MatchCpuBrand(benchmark::State& state) {
  const auto ds = DataSet::builtin();
  for (auto _ : state) benchmark::DoNotOptimize((*ds)->match_cpu_brand("Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz"));
}
BENCHMARK(BM_MatchCpuBrand)->Unit(benchmark::kMillisecond);

void BM_ResolveLocation(benchmark::State& state) {
  const auto ds = DataSet::builtin();
  LocationQuery q;
  q.cloud = "gcp:us-central1";
  for (auto _ : state) benchmark::DoNotOptimize(resolve_location(**ds, q));
}
BENCHMARK(BM_ResolveLocation)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace carbonscope
