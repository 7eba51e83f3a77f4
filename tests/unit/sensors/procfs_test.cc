// procfs parsers, the process-tree walk on this very process, and the models.
#include "sensors/procfs.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>

#include <gtest/gtest.h>

#include "sensors/cpu_model.h"
#include "sensors/fake.h"
#include "sensors/ram_model.h"
#include "sensors/registry.h"

namespace carbonscope {
namespace {

const std::string kFix = CARBONSCOPE_FIXTURES;

TEST(Procfs, ProcStat) {
  auto t = parse_proc_stat("cpu  10 2 3 80 5 1 1 1 0 0\ncpu0 1 1 1 1 1 1 1 1\ncpu1 1 1 1 1 1 1 1 1\n");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->busy, 18u);
  EXPECT_EQ(t->total, 103u);
  EXPECT_EQ(t->cpus, 2);
  EXPECT_FALSE(parse_proc_stat("intr 1 2 3\n").ok());
  EXPECT_FALSE(parse_proc_stat("cpu  x y z w v\n").ok());
  EXPECT_FALSE(t->has_forks);
}

TEST(Procfs, ProcStatForkCounterAfterTheInterruptLines) {
  auto t = parse_proc_stat(
      "cpu  10 2 3 80 5 1 1 1 0 0\ncpu0 1 1 1 1 1 1 1 1\nintr 99 1 2 3\nctxt 5\n"
      "btime 1\nprocesses 123456\nprocs_running 2\nsoftirq 1 2 3\n");
  ASSERT_TRUE(t.ok());
  EXPECT_TRUE(t->has_forks);
  EXPECT_EQ(t->forks, 123456u);
  EXPECT_EQ(t->busy, 18u);
  EXPECT_EQ(t->cpus, 1);
}

TEST(Procfs, PidStatWithSpacesAndParensInComm) {
  auto s =
      parse_pid_stat("42 (my (weird) prog) S 7 42 42 0 -1 0 0 0 0 0 100 50 3 2 20 0 1 0 100 1000 25 rest");
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ(s->pid, 42);
  EXPECT_EQ(s->ppid, 7);
  EXPECT_EQ(s->cpu_ticks, 155u);
  EXPECT_EQ(s->rss_pages, 25u);
  EXPECT_EQ(s->num_threads, 1);
  EXPECT_FALSE(parse_pid_stat("garbage").ok());
}

TEST(Procfs, MemTotalAndBrand) {
  EXPECT_EQ(*parse_mem_total("MemTotal:  1000 kB\n"), 1024000u);
  EXPECT_FALSE(parse_mem_total("MemFree: 1 kB\n").ok());
  EXPECT_EQ(parse_cpu_brand("processor : 0\nmodel name\t: Intel Xeon\n"), "Intel Xeon");
  EXPECT_EQ(parse_cpu_brand("Hardware : BCM2835\n"), "BCM2835");
  EXPECT_EQ(parse_cpu_brand("nothing"), "");
}

TEST(Procfs, TreeOfThisProcessIncludesAChild) {
  const pid_t child = ::fork();
  if (child == 0) {
    ::pause();
    ::_exit(0);
  }
  auto t = read_process_tree(FileReader("/"), ::getpid(), 4096);
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  ASSERT_TRUE(t.ok()) << t.status().to_string();
  EXPECT_TRUE(std::binary_search(t->pids.begin(), t->pids.end(), ::getpid()));
  EXPECT_TRUE(std::binary_search(t->pids.begin(), t->pids.end(), child));
  EXPECT_GT(t->rss_bytes, 0u);
}

TEST(Procfs, MissingRootProcessIsAnError) {
  EXPECT_FALSE(read_process_tree(FileReader(kFix + "/vm"), 12345, 4096).ok());
}

TEST(CpuModel, FormulaAndFallbackTdp) {
  EXPECT_DOUBLE_EQ(cpu_model_power(Power::watts(100), 0).watts(), 10);
  EXPECT_DOUBLE_EQ(cpu_model_power(Power::watts(100), 1).watts(), 100);
  EXPECT_DOUBLE_EQ(cpu_model_power(Power::watts(100), 2).watts(), 100);  // clamped
  auto s = make_cpu_model(FileReader(kFix + "/vm"), {});
  ASSERT_TRUE(s.ok());
  const SensorDomain& d = (*s)->domains()[0];
  EXPECT_EQ(d.provenance.method, Method::kEstimated);
  EXPECT_NE(d.provenance.detail.find("TDP = 8 W"), std::string::npos);  // 4 W x 2 CPUs
  EXPECT_NE(d.label.find("Xeon(R) Gold 6148"), std::string::npos);
  SampleContext ctx;
  ctx.node_utilisation = 0.5;
  std::vector<DomainReading> out(1);
  ASSERT_TRUE((*s)->read(ctx, out).ok());
  EXPECT_DOUBLE_EQ(out[0].watts, 8 * 0.55);
}

TEST(CpuModel, GivenTdpIsStated) {
  CpuModelConfig c;
  c.tdp = Power::watts(150);
  c.tdp_source = "data table row 'Xeon Gold 6148'";
  auto s = make_cpu_model(FileReader(kFix + "/vm"), c);
  ASSERT_TRUE(s.ok());
  EXPECT_NE((*s)->domains()[0].provenance.detail.find("150 W (data table row"), std::string::npos);
}

TEST(RamModel, WattsPerGb) {
  auto s = make_ram_model(FileReader(kFix + "/vm"));
  ASSERT_TRUE(s.ok());
  std::vector<DomainReading> out(1);
  ASSERT_TRUE((*s)->read(SampleContext{}, out).ok());
  EXPECT_NEAR(out[0].watts, 8.192 * 0.375, 1e-9);
  EXPECT_LT((*s)->domains()[0].range_low, 1.0);
}

TEST(Registry, VmFallsBackToModelsWithReasons) {
  SensorOptions o;
  o.sysfs_root = o.proc_root = kFix + "/vm";
  o.nvml_library = "/nonexistent/libnvidia-ml.so.1";
  o.rocm_smi_library = "/nonexistent/librocm_smi64.so";
  const SensorSet set = probe_sensors(o);
  EXPECT_EQ(set.host, -1);
  ASSERT_EQ(set.sensors.size(), 2u);
  EXPECT_EQ(set.sensors[0]->name(), "cpu-model");
  EXPECT_FALSE(set.standby[0]);
  ASSERT_EQ(set.probes.size(), 6u);
  for (const ProbeResult& p : set.probes) {
    if (!p.available) {
      EXPECT_FALSE(p.detail.empty()) << p.backend;
    }
  }
}

TEST(Registry, RaplFirstModelsOnStandby) {
  SensorOptions o;
  o.sysfs_root = o.proc_root = kFix + "/powercap/two_sockets_dram";
  o.nvml_library = "/nonexistent/libnvidia-ml.so.1";
  o.rocm_smi_library = "/nonexistent/librocm_smi64.so";
  const SensorSet set = probe_sensors(o);
  ASSERT_EQ(set.host, 0);
  EXPECT_EQ(set.sensors[0]->name(), "rapl-powercap");
  EXPECT_TRUE(set.standby[1]);  // cpu model
  EXPECT_TRUE(set.standby[2]);  // ram model: RAPL has dram
}

TEST(Registry, OneSocketWithoutDramKeepsTheRamModel) {
  SensorOptions o;
  o.sysfs_root = o.proc_root = kFix + "/powercap/one_socket";
  o.nvml_library = "/nonexistent/x.so";
  o.rocm_smi_library = "/nonexistent/y.so";
  const SensorSet set = probe_sensors(o);
  EXPECT_TRUE(set.standby[1]);
  EXPECT_FALSE(set.standby[2]);
}

TEST(Fake, SpecParses) {
  auto s = make_fake_from_spec("cpu=45W,gpu=250W");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->domains().size(), 2u);
  EXPECT_FALSE(make_fake_from_spec("cpu").ok());
  EXPECT_FALSE(make_fake_from_spec("cpu=-3W").ok());
}

}  // namespace
}  // namespace carbonscope
