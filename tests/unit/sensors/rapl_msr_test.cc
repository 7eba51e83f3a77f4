// MSR RAPL on a fake /dev/cpu tree made at run time (MSR files are sparse binaries).
#include "sensors/rapl_msr.h"

#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

namespace fs = std::filesystem;

void put(std::fstream& f, std::uint32_t msr, std::uint64_t v) {
  f.seekp(msr);
  f.write(reinterpret_cast<const char*>(&v), 8);
}

struct FakeMsr {
  FakeMsr() {
    dir = fs::temp_directory_path() / ("cs_msr_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    for (int cpu : {0, 1}) {
      fs::create_directories(dir / "dev/cpu" / std::to_string(cpu));
      fs::create_directories(dir / "sys/devices/system/cpu" / ("cpu" + std::to_string(cpu)) / "topology");
      std::ofstream(dir / "sys/devices/system/cpu" / ("cpu" + std::to_string(cpu)) / "topology/physical_package_id")
          << cpu << "\n";
      const fs::path msr = dir / "dev/cpu" / std::to_string(cpu) / "msr";
      std::ofstream(msr).close();
      fs::resize_file(msr, 0x700);
      std::fstream f(msr, std::ios::in | std::ios::out | std::ios::binary);
      put(f, kMsrRaplPowerUnit, 0xA0E03);  // ESU = 14: 61 uJ per count
      put(f, kMsrPkgEnergyStatus, 0x1234 + cpu);
      put(f, kMsrDramEnergyStatus, 0x99);
      put(f, kMsrPp0EnergyStatus, 0x55);
      put(f, kMsrPlatformEnergyStatus, cpu == 0 ? 0x777 : 0);
    }
  }
  ~FakeMsr() { fs::remove_all(dir); }
  fs::path dir;
};

TEST(RaplMsr, EnergyUnitFromPowerUnitMsr) {
  EXPECT_DOUBLE_EQ(msr_energy_unit(0xA0E03), 1.0 / 16384);
  EXPECT_DOUBLE_EQ(msr_energy_unit(0x10 << 8), 1.0 / 65536);
}

TEST(RaplMsr, PackagesDramCoreAndPsys) {
  FakeMsr m;
  auto s = make_rapl_msr(FileReader(m.dir.string()));
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  const auto& d = (*s)->domains();
  ASSERT_EQ(d.size(), 7u);  // psys + 2 x (package, dram, core)
  EXPECT_EQ(d[0].name, "psys");
  EXPECT_EQ(d[1].name, "package-0");
  EXPECT_EQ(d[1].parent, 0);
  EXPECT_EQ(d[3].name, "core-0");
  EXPECT_EQ(d[3].parent, 1);
  EXPECT_EQ(d[1].wrap, std::uint64_t{1} << 32);
  EXPECT_DOUBLE_EQ(d[1].joules_per_unit, 1.0 / 16384);
  std::vector<DomainReading> out(d.size());
  ASSERT_TRUE((*s)->read(SampleContext{}, out).ok());
  EXPECT_EQ(out[1].counter, 0x1234u);
  EXPECT_EQ(out[4].counter, 0x1235u);  // package-1
}

TEST(RaplMsr, MissingDriverIsUnavailable) {
  auto s = make_rapl_msr(FileReader(std::string(CARBONSCOPE_FIXTURES) + "/vm"));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("modprobe msr"), std::string::npos);
}

}  // namespace
}  // namespace carbonscope
