// sensor_options: every CARBONSCOPE_* sensor variable read in one place, and the CPU
// model's rating from the tables, the same for `sensors`, run, monitor and Python.
#include "tracker/sensor_setup.h"

#include <map>

#include <gtest/gtest.h>

#include "carbonscope/tracker_setup.h"

namespace carbonscope {
namespace {

const DataSet& data() { return **DataSet::builtin(); }

Environment env_of(const std::map<std::string, std::string>& vars) {
  Environment e;
  for (const auto& [name, value] : vars) e.set(name, value);
  return e;
}

const std::string kVm = std::string(CARBONSCOPE_FIXTURES) + "/vm";

TEST(SensorSetup, ReadsEveryVariable) {
  const SensorOptions o = sensor_options(data(), env_of({{"CARBONSCOPE_SYSFS_ROOT", "/s"},
                                                         {"CARBONSCOPE_PROC_ROOT", "/nonexistent"},
                                                         {"CARBONSCOPE_NVML_LIBRARY", "n.so"},
                                                         {"CARBONSCOPE_ROCM_SMI_LIBRARY", "r.so"},
                                                         {"CARBONSCOPE_FAKE_SENSORS", "cpu=5W"}}));
  EXPECT_EQ(o.sysfs_root, "/s");
  EXPECT_EQ(o.proc_root, "/nonexistent");
  EXPECT_EQ(o.nvml_library, "n.so");
  EXPECT_EQ(o.rocm_smi_library, "r.so");
  EXPECT_EQ(o.fake_spec, "cpu=5W");
  EXPECT_EQ(o.cpu_model.tdp.watts(), 0);  // no cpuinfo there: the sensor's fallback
}

TEST(SensorSetup, EmptyMeansUnset) {
  const SensorOptions o = sensor_options(data(), env_of({{"CARBONSCOPE_SYSFS_ROOT", ""}, {"CARBONSCOPE_PROC_ROOT", ""}}));
  EXPECT_EQ(o.sysfs_root, "/");
  EXPECT_EQ(o.proc_root, "/");
  EXPECT_EQ(o.fake_spec, "");
}

// The VM fixture: a Xeon Gold 6148 (150 W, 20 cores) with 2 visible vCPUs -> 15 W.
TEST(SensorSetup, CpuRatingFromTheTables) {
  const SensorOptions o = sensor_options(data(), env_of({{"CARBONSCOPE_PROC_ROOT", kVm}}));
  EXPECT_DOUBLE_EQ(o.cpu_model.tdp.watts(), 15);
  EXPECT_NE(o.cpu_model.tdp_source.find("Xeon Gold 6148"), std::string::npos) << o.cpu_model.tdp_source;
}

// make_tracker_config takes the same options, so the tracker probes what `sensors` shows.
TEST(SensorSetup, TrackerConfigCarriesTheSameOptions) {
  ::setenv("CARBONSCOPE_PROC_ROOT", kVm.c_str(), 1);
  auto c = make_tracker_config(data(), TrackerSetup{});
  const SensorOptions direct = sensor_options(data(), Environment::current());
  ::unsetenv("CARBONSCOPE_PROC_ROOT");
  ASSERT_TRUE(c.ok());
  const SensorOptions via = sensor_options_of(*c);
  EXPECT_EQ(via.proc_root, direct.proc_root);
  EXPECT_EQ(via.cpu_model.tdp.watts(), direct.cpu_model.tdp.watts());
  EXPECT_EQ(via.cpu_model.tdp_source, direct.cpu_model.tdp_source);
  EXPECT_DOUBLE_EQ(via.cpu_model.tdp.watts(), 15);
}

// probe_sensor_backends: the `sensors` listing, probed with the same options (the VM
// fixture has no RAPL; its CPU is rated from the tables), every backend in order.
TEST(SensorSetup, ProbeReportListsEveryBackendWithWhy) {
  const auto probes = probe_sensor_backends(
      data(), env_of({{"CARBONSCOPE_SYSFS_ROOT", kVm},
                      {"CARBONSCOPE_PROC_ROOT", kVm},
                      {"CARBONSCOPE_NVML_LIBRARY", "/nonexistent/libnvidia-ml.so.1"},
                      {"CARBONSCOPE_ROCM_SMI_LIBRARY", "/nonexistent/librocm_smi64.so.1"}}));
  std::vector<std::string> names;
  for (const ProbeResult& p : probes) names.push_back(p.backend);
  EXPECT_EQ(names, (std::vector<std::string>{"rapl-powercap", "rapl-msr", "cpu-model", "ram-model", "nvml", "rocm-smi"}));
  ASSERT_EQ(probes.size(), 6u);
  EXPECT_FALSE(probes[0].available);
  EXPECT_FALSE(probes[0].used);
  EXPECT_FALSE(probes[0].detail.empty());  // why not, and how to fix it
  EXPECT_TRUE(probes[2].used);
  EXPECT_NE(probes[2].detail.find("Xeon Gold 6148"), std::string::npos) << probes[2].detail;
  EXPECT_FALSE(probes[4].available);
  EXPECT_NE(probes[4].detail.find("/nonexistent/libnvidia-ml.so.1"), std::string::npos) << probes[4].detail;
}

TEST(SensorSetup, ProbeReportOfFakeSensorsIsTheFakeAlone) {
  const auto probes = probe_sensor_backends(data(), env_of({{"CARBONSCOPE_FAKE_SENSORS", "cpu=5W"}}));
  ASSERT_EQ(probes.size(), 1u);
  EXPECT_EQ(probes[0].backend, "fake");
  EXPECT_TRUE(probes[0].used);
  EXPECT_EQ(probes[0].detail, "cpu=5W");
}

}  // namespace
}  // namespace carbonscope
