// Cost of one sample of the full sensor set on the fixtures (RAPL on two sockets with
// dram, the standby models), with and without a job's process tree, and of
// integrating one sample. Target: under 20 us of CPU per sample.
#include <unistd.h>

#include <benchmark/benchmark.h>

#include "sampler/accumulator.h"
#include "sampler/sampler.h"
#include "sensors/registry.h"

namespace carbonscope {
namespace {

SensorSet fixture_sensors() {
  SensorOptions o;
  o.sysfs_root = o.proc_root = std::string(CARBONSCOPE_FIXTURES) + "/powercap/two_sockets_dram";
  o.nvml_library = "/nonexistent/libnvidia-ml.so.1";
  o.rocm_smi_library = "/nonexistent/librocm_smi64.so";
  return probe_sensors(o);
}

std::vector<Sensor*> raw(const SensorSet& set) {
  std::vector<Sensor*> out;
  for (const auto& s : set.sensors) out.push_back(s.get());
  return out;
}

void BM_SampleMachine(benchmark::State& state) {
  SensorSet set = fixture_sensors();
  SamplerConfig c;
  c.proc_root = std::string(CARBONSCOPE_FIXTURES) + "/powercap/two_sockets_dram";
  Sampler sampler(c, raw(set), [](const Sample& s) { benchmark::DoNotOptimize(s.readings.data()); });
  for (auto _ : state) sampler.sample_now();
}
BENCHMARK(BM_SampleMachine);

void BM_SampleJobTree(benchmark::State& state) {
  SensorSet set = fixture_sensors();
  SamplerConfig c;  // real /proc: this process's tree
  c.pid = static_cast<int>(::getpid());
  Sampler sampler(c, raw(set), [](const Sample& s) { benchmark::DoNotOptimize(s.readings.data()); });
  for (auto _ : state) sampler.sample_now();
}
BENCHMARK(BM_SampleJobTree);

void BM_SampleAndIntegrate(benchmark::State& state) {
  SensorSet set = fixture_sensors();
  std::vector<const Sensor*> cs;
  for (const auto& s : set.sensors) cs.push_back(s.get());
  Accumulator acc(cs, set.standby, set.host);
  SamplerConfig c;
  c.proc_root = std::string(CARBONSCOPE_FIXTURES) + "/powercap/two_sockets_dram";
  Sampler sampler(c, raw(set), [&acc](const Sample& s) { acc.add(s); });
  for (auto _ : state) sampler.sample_now();
  benchmark::DoNotOptimize(acc.total());
}
BENCHMARK(BM_SampleAndIntegrate);

}  // namespace
}  // namespace carbonscope
