// On a virtual machine, the RAPL backends say that RAPL is not exposed to it, instead of
// advising a driver that cannot help; on bare metal the driver advice stays.
#include "sensors/hypervisor.h"

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "sensors/registry.h"

namespace carbonscope {
namespace {

const std::string kFix = CARBONSCOPE_FIXTURES;

// A fresh fake root with the given files.
std::string fake_root(const std::string& name, const std::vector<std::pair<std::string, std::string>>& files) {
  const auto root = std::filesystem::temp_directory_path() / ("cs-hv-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(root);
  for (const auto& [path, text] : files) {
    std::filesystem::create_directories((root / path).parent_path());
    std::ofstream(root / path) << text;
  }
  std::filesystem::create_directories(root);
  return root.string();
}

TEST(Hypervisor, DetectedFromTheVmFixture) {
  EXPECT_EQ(detect_hypervisor(FileReader(kFix + "/vm"), FileReader(kFix + "/vm")), "QEMU");
}

TEST(Hypervisor, EachSourceAlone) {
  const std::string flag = fake_root("flag", {{"proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu sse hypervisor lm\n"}});
  EXPECT_EQ(detect_hypervisor(FileReader(flag), FileReader(flag)), "a hypervisor");
  const std::string xen = fake_root("xen", {{"sys/hypervisor/type", "xen\n"}});
  EXPECT_EQ(detect_hypervisor(FileReader(xen), FileReader(xen)), "Xen");
  const std::string kvm = fake_root("kvm", {{"sys/class/dmi/id/product_name", "KVM\n"}});
  EXPECT_EQ(detect_hypervisor(FileReader(kvm), FileReader(kvm)), "KVM");
}

TEST(Hypervisor, BareMetalIsNotAVm) {
  // No flag (a word containing it does not count), a vendor string that is not a hypervisor's.
  const std::string metal = fake_root("metal", {{"proc/cpuinfo", "flags\t: fpu sse nohypervisor_x lm\n"},
                                                {"sys/class/dmi/id/sys_vendor", "Dell Inc.\n"}});
  EXPECT_EQ(detect_hypervisor(FileReader(metal), FileReader(metal)), "");
  EXPECT_EQ(detect_hypervisor(FileReader(kFix + "/powercap/one_socket"), FileReader(kFix + "/powercap/one_socket")), "");
}

TEST(Hypervisor, RejectionWording) {
  const Status absent = Status::unavailable("no /sys/class/powercap: try `modprobe intel_rapl_msr`");
  EXPECT_EQ(rapl_rejection(absent, ""), absent.message());
  const std::string vm = rapl_rejection(absent, "KVM");
  EXPECT_NE(vm.find("RAPL is not exposed to this virtual machine (KVM)"), std::string::npos) << vm;
  EXPECT_EQ(vm.find("modprobe"), std::string::npos) << vm;
  // Other failures (a permission problem) keep their own advice.
  const Status denied = Status::permission_denied("energy_uj is root-only: run as root");
  EXPECT_EQ(rapl_rejection(denied, "KVM"), denied.message());
}

TEST(Hypervisor, RegistryOnAVmSaysRaplIsNotExposed) {
  SensorOptions o;
  o.sysfs_root = o.proc_root = kFix + "/vm";
  o.nvml_library = "/nonexistent/libnvidia-ml.so.1";
  o.rocm_smi_library = "/nonexistent/librocm_smi64.so";
  const SensorSet set = probe_sensors(o);
  int rapl = 0;
  for (const ProbeResult& p : set.probes) {
    if (p.backend.rfind("rapl-", 0) != 0) continue;
    ++rapl;
    EXPECT_FALSE(p.available);
    EXPECT_NE(p.detail.find("RAPL is not exposed to this virtual machine (QEMU)"), std::string::npos) << p.detail;
    EXPECT_EQ(p.detail.find("modprobe"), std::string::npos) << p.detail;
  }
  EXPECT_EQ(rapl, 2);
}

TEST(Hypervisor, RegistryOnBareMetalKeepsTheDriverAdvice) {
  const std::string metal = fake_root("metal-registry", {{"proc/cpuinfo", "processor\t: 0\nmodel name\t: Xeon\n"},
                                                         {"proc/meminfo", "MemTotal: 1000 kB\n"},
                                                         {"proc/stat", "cpu  1 0 1 1 0 0 0 0 0 0\n"}});
  SensorOptions o;
  o.sysfs_root = o.proc_root = metal;
  o.nvml_library = "/nonexistent/libnvidia-ml.so.1";
  o.rocm_smi_library = "/nonexistent/librocm_smi64.so";
  const SensorSet set = probe_sensors(o);
  for (const ProbeResult& p : set.probes) {
    if (p.backend == "rapl-powercap") {
      EXPECT_NE(p.detail.find("modprobe"), std::string::npos) << p.detail;
    }
  }
}

}  // namespace
}  // namespace carbonscope
