// Powercap RAPL on checked-in fake sysfs trees: hierarchy, wrap ranges, failures.
#include "sensors/rapl_powercap.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

namespace fs = std::filesystem;
const std::string kRoot = std::string(CARBONSCOPE_FIXTURES) + "/powercap/";

// A writable copy of a fixture tree, removed at the end.
struct TempTree {
  explicit TempTree(const std::string& fixture) {
    dir = fs::temp_directory_path() / ("cs_rapl_" + std::to_string(::getpid()) + "_" + fixture);
    fs::remove_all(dir);
    fs::copy(kRoot + fixture, dir, fs::copy_options::recursive);
  }
  ~TempTree() {
    std::error_code ec;
    fs::permissions(dir, fs::perms::all, ec);
    fs::remove_all(dir, ec);
  }
  void write(const std::string& zone, const std::string& text) {
    std::ofstream(dir / "sys/class/powercap" / zone / "energy_uj") << text;
  }
  fs::path dir;
};

std::vector<DomainReading> read_all(Sensor& s) {
  std::vector<DomainReading> out(s.domains().size());
  (void)s.read(SampleContext{}, out);
  return out;
}

TEST(RaplPowercap, OneSocketHierarchyAndMmioSkipped) {
  auto s = make_rapl_powercap(FileReader(kRoot + "one_socket"));
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  const auto& d = (*s)->domains();
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].name, "package-0");
  EXPECT_EQ(d[0].parent, -1);
  EXPECT_EQ(d[1].name, "core-0");
  EXPECT_EQ(d[1].parent, 0);
  EXPECT_EQ(d[2].name, "uncore-0");
  EXPECT_EQ(d[2].parent, 0);
  EXPECT_EQ(d[0].wrap, 262143328851u);
  EXPECT_DOUBLE_EQ(d[0].joules_per_unit, 1e-6);
  EXPECT_EQ(d[0].provenance.method, Method::kMeasured);
  const auto r = read_all(**s);
  EXPECT_TRUE(r[0].ok);
  EXPECT_EQ(r[0].counter, 1000000u);
}

TEST(RaplPowercap, TwoSocketsDramIsOutsideThePackage) {
  auto s = make_rapl_powercap(FileReader(kRoot + "two_sockets_dram"));
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  int top_cpu = 0, top_ram = 0;
  for (const SensorDomain& d : (*s)->domains()) {
    if (d.parent >= 0) {
      EXPECT_EQ(d.component, "cpu");  // only core is a sub-domain
      continue;
    }
    top_cpu += d.component == "cpu";
    top_ram += d.component == "ram";
  }
  EXPECT_EQ(top_cpu, 2);
  EXPECT_EQ(top_ram, 2);
}

TEST(RaplPowercap, PsysContainsPackageAndIsTheOnlyTopLevel) {
  auto s = make_rapl_powercap(FileReader(kRoot + "psys"));
  ASSERT_TRUE(s.ok());
  int top = 0;
  for (const SensorDomain& d : (*s)->domains()) top += d.parent < 0;
  EXPECT_EQ(top, 1);
  EXPECT_EQ((*s)->domains()[0].name, "psys");
  EXPECT_EQ((*s)->domains()[1].parent, 0);  // package under psys
  EXPECT_EQ((*s)->domains()[2].parent, 1);  // core under package
}

TEST(RaplPowercap, NoPowercapIsUnavailableWithReason) {
  auto s = make_rapl_powercap(FileReader(std::string(CARBONSCOPE_FIXTURES) + "/vm"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(s.status().message().find("modprobe"), std::string::npos);
}

TEST(RaplPowercap, GarbageValueIsRejected) {
  auto s = make_rapl_powercap(FileReader(kRoot + "garbage"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kDataError);
}

TEST(RaplPowercap, RootOnlyCounterSaysHowToFixIt) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads mode-000 files";
  TempTree t("one_socket");
  fs::permissions(t.dir / "sys/class/powercap/intel-rapl:0/energy_uj", fs::perms::none);
  auto s = make_rapl_powercap(FileReader(t.dir.string()));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kPermissionDenied);
  EXPECT_NE(s.status().message().find("chmod o+r"), std::string::npos);
}

TEST(RaplPowercap, FileVanishingMidRunFailsThatDomainOnly) {
  TempTree t("two_sockets_dram");
  auto s = make_rapl_powercap(FileReader(t.dir.string()));
  ASSERT_TRUE(s.ok());
  for (const char* z : {"intel-rapl:1", "intel-rapl:1:0", "intel-rapl:1:1"}) fs::remove_all(t.dir / "sys/class/powercap" / z);
  std::vector<DomainReading> out((*s)->domains().size());
  Status st = (*s)->read(SampleContext{}, out);
  EXPECT_FALSE(st.ok());
  int ok = 0;
  for (const auto& r : out) ok += r.ok;
  EXPECT_EQ(ok, 3);  // socket 0's package, dram and core still read
}

TEST(RaplPowercap, ReadsNewValues) {
  TempTree t("wraparound");
  auto s = make_rapl_powercap(FileReader(t.dir.string()));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(read_all(**s)[0].counter, 262143000000u);
  t.write("intel-rapl:0", "5000\n");
  EXPECT_EQ(read_all(**s)[0].counter, 5000u);
}

}  // namespace
}  // namespace carbonscope
