// The shipped tables: they load, every row is sourced and shippable, and the figures
// pass cross-source sanity checks.
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "carbonscope/data.h"

namespace carbonscope {
namespace {

const DataSet& data() {
  static const auto ds = DataSet::builtin_validated();
  if (!ds.ok()) {
    ADD_FAILURE() << ds.status().to_string();
    std::abort();
  }
  return **ds;
}

TEST(BuiltinData, LoadsAllTables) {
  EXPECT_GT(data().zones().size(), 200u);
  EXPECT_GT(data().intensities().size(), 4000u);
  EXPECT_GT(data().cloud_regions().size(), 200u);
  EXPECT_GT(data().accelerators().size(), 40u);
  EXPECT_GT(data().cpus().size(), 3000u);
  EXPECT_FALSE(data().equivalents().empty());
  EXPECT_NE(data().provider_pue("private"), nullptr);
}

TEST(BuiltinData, FastLoadGivesTheSameTables) {
  const auto fast = DataSet::builtin();
  ASSERT_TRUE(fast.ok());
  EXPECT_EQ((*fast)->intensities().size(), data().intensities().size());
  EXPECT_EQ((*fast)->cpus().size(), data().cpus().size());
  EXPECT_EQ((*fast)->match_cpu_brand("AMD EPYC 7763 64-Core Processor").cpu->tdp_w, 280);
  // Each table is parsed on its first use: every one, and its lookups, as loaded eagerly.
  EXPECT_EQ((*fast)->sources().size(), data().sources().size());
  EXPECT_EQ((*fast)->zones().size(), data().zones().size());
  EXPECT_EQ((*fast)->cloud_regions().size(), data().cloud_regions().size());
  EXPECT_EQ((*fast)->pues().size(), data().pues().size());
  EXPECT_EQ((*fast)->accelerators().size(), data().accelerators().size());
  EXPECT_EQ((*fast)->constants().size(), data().constants().size());
  EXPECT_EQ((*fast)->equivalents().size(), data().equivalents().size());
  ASSERT_TRUE((*fast)->intensity("FR", 2020).ok());
  EXPECT_EQ((*fast)->intensity("FR", 2020)->row->g_per_kwh, data().intensity("FR", 2020)->row->g_per_kwh);
  EXPECT_EQ((*fast)->intensity_series("DE").size(), data().intensity_series("DE").size());
}

TEST(BuiltinData, CpuBrandScanOfTheUnparsedTableMatchesTheParsedTable) {
  // builtin() matches a brand by scanning cpus.csv's text and parsing the matched line;
  // builtin_validated() walks the parsed table. Same row, same figures, for table names
  // (every 7th), brands with extra words, short numbers ("5", "m1"), and brands that
  // match nothing (no word with a digit: no line is looked at).
  const auto fast = DataSet::builtin();
  ASSERT_TRUE(fast.ok());
  std::vector<std::string> brands = {"Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", "AMD EPYC 7763 64-Core Processor",
                                     "Intel(R) Xeon(R) CPU @ 2.30GHz", "Neoverse-N1", "", "Intel Core i7 8700 12M Cache",
                                     "Intel(R) Xeon(R) Processor", "AMD Ryzen 5 3600 6-Core Processor", "Apple M1",
                                     "Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz", "AMD EPYC 7B13"};
  for (std::size_t i = 0; i < data().cpus().size(); i += 7) brands.push_back(data().cpus()[i].name + " Processor");
  for (const std::string& b : brands) {
    const CpuMatch scanned = (*fast)->match_cpu_brand(b);
    const CpuMatch parsed = data().match_cpu_brand(b);
    EXPECT_EQ(scanned.normalised, parsed.normalised);
    ASSERT_EQ(scanned.cpu == nullptr, parsed.cpu == nullptr) << b;
    if (parsed.cpu == nullptr) continue;
    EXPECT_EQ(scanned.cpu->name, parsed.cpu->name) << b;
    EXPECT_EQ(scanned.cpu->key, parsed.cpu->key) << b;
    EXPECT_EQ(scanned.cpu->tdp_w, parsed.cpu->tdp_w) << b;
    EXPECT_EQ(scanned.cpu->cores, parsed.cpu->cores) << b;
    EXPECT_EQ(scanned.cpu->source_id, parsed.cpu->source_id) << b;
  }
}

TEST(BuiltinData, ZoneSeriesFromTheUnparsedTableMatchTheParsedTable) {
  // builtin() finds a zone's rows by binary search in grid_intensity.csv's text (sorted
  // by zone) and parses only those; builtin_validated() parses the whole table. Every
  // zone with rows, every zone of zones.csv, and keys before, between and after them.
  const auto fast = DataSet::builtin();
  ASSERT_TRUE(fast.ok());
  std::set<std::string> zones = {"", "A", "AA", "ZZZZ", "~", "FR-", "US-VA"};
  for (const IntensityRow& r : data().intensities()) zones.insert(r.zone);
  for (const Zone& z : data().zones()) zones.insert(z.code);
  std::size_t rows = 0;
  for (const std::string& z : zones) {
    const auto scanned = (*fast)->intensity_series(z);
    const auto parsed = data().intensity_series(z);
    ASSERT_EQ(scanned.size(), parsed.size()) << z;
    rows += scanned.size();
    for (std::size_t i = 0; i < parsed.size(); ++i) {
      EXPECT_EQ(scanned[i]->zone, parsed[i]->zone) << z;
      EXPECT_EQ(scanned[i]->year, parsed[i]->year) << z;
      EXPECT_EQ(scanned[i]->g_per_kwh, parsed[i]->g_per_kwh) << z;
      EXPECT_EQ(scanned[i]->source_id, parsed[i]->source_id) << z;
    }
    const auto a = (*fast)->intensity(z, 2019);
    const auto b = data().intensity(z, 2019);
    ASSERT_EQ(a.ok(), b.ok()) << z;
    if (!a.ok()) continue;
    EXPECT_EQ(a->row->g_per_kwh, b->row->g_per_kwh) << z;
    EXPECT_EQ(a->note, b->note) << z;
  }
  EXPECT_EQ(rows, data().intensities().size());  // each row found once
}

TEST(BuiltinData, CpuKeysAreTheMatchersNormalisation) {
  // The build script precomputes `key`; it must equal the C++ normalisation exactly.
  const auto fast = DataSet::builtin();
  for (const Cpu& c : (*fast)->cpus()) ASSERT_EQ(c.key, normalise_cpu_name(c.name)) << c.name;
}

TEST(BuiltinData, EverySourceIsShippable) {
  const std::set<std::string> ok = {"CC-BY-4.0", "Apache-2.0", "MIT", "public-domain", "facts"};
  for (const Source& s : data().sources()) {
    EXPECT_TRUE(ok.count(s.licence)) << s.id << " has licence " << s.licence;
    EXPECT_FALSE(s.title.empty()) << s.id;
    // Non-permissive tables are for cross-checks only (PROVENANCE.md).
    for (const char* banned : {"boavizta", "electricitymap", "mlco2-impact"}) {
      EXPECT_EQ(s.id.find(banned), std::string::npos) << s.id;
    }
  }
}

TEST(BuiltinData, CrossSourceSanity) {
  const auto fr = data().intensity("FR");
  ASSERT_TRUE(fr.ok());
  EXPECT_GT(fr->row->g_per_kwh, 30);
  EXPECT_LT(fr->row->g_per_kwh, 90);
  const auto pl = data().intensity("PL");
  ASSERT_TRUE(pl.ok());
  EXPECT_GT(pl->row->g_per_kwh, 600);
  const auto world = data().intensity("WORLD");
  ASSERT_TRUE(world.ok());
  EXPECT_GT(world->row->g_per_kwh, 350);
  EXPECT_LT(world->row->g_per_kwh, 600);
  // Quebec (hydro) is far cleaner than Alberta (gas and coal).
  EXPECT_LT(data().intensity("CA-QC")->row->g_per_kwh * 10, data().intensity("CA-AB")->row->g_per_kwh);
}

TEST(BuiltinData, EveryCloudRegionResolvesToAnIntensity) {
  for (const CloudRegion& c : data().cloud_regions()) {
    if (c.g_per_kwh) continue;
    EXPECT_TRUE(data().intensity(c.zone).ok()) << c.key() << " in zone " << c.zone;
  }
  const auto r = data().find_cloud_region("gcp:us-central1");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ((*r)->year, 2024);
  EXPECT_TRUE((*r)->g_per_kwh.has_value());
  EXPECT_EQ((*data().find_cloud_region("gcp:us-central1", 2021))->year, 2021);
  EXPECT_EQ((*data().find_cloud_region("us-east-1"))->provider, "aws");
  EXPECT_EQ(data().find_cloud_region("gcp:us-central9").status().code(), StatusCode::kNotFound);
}

TEST(BuiltinData, AcceleratorLookups) {
  const auto a100 = data().find_accelerator("A100 SXM4 80GB");
  ASSERT_TRUE(a100.ok()) << a100.status().to_string();
  EXPECT_DOUBLE_EQ((*a100)->tdp_w, 400);
  EXPECT_EQ(data().find_accelerator("A100").status().code(), StatusCode::kAmbiguous);
  EXPECT_EQ(data().find_accelerator("H100").status().code(), StatusCode::kAmbiguous);
  EXPECT_DOUBLE_EQ((*data().find_accelerator("GTX 1080 Ti"))->tdp_w, 250);
  EXPECT_DOUBLE_EQ((*data().find_accelerator("NVIDIA A100-SXM4-80GB"))->tdp_w, 400);
  const auto unknown = data().find_accelerator("RTX 9999");
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  EXPECT_NE(unknown.status().message().find("did you mean"), std::string::npos);
  for (const Accelerator& a : data().accelerators()) {
    // Dense figures: bf16 never exceeds fp8 on the same chip, and fp32 never exceeds bf16.
    if (a.tflops.count("bf16") && a.tflops.count("fp8")) {
      EXPECT_LE(a.tflops.at("bf16"), a.tflops.at("fp8")) << a.name;
    }
    if (a.tflops.count("bf16") && a.tflops.count("fp32")) {
      EXPECT_LE(a.tflops.at("fp32"), a.tflops.at("bf16")) << a.name;
    }
  }
}

struct BrandCase {
  const char* brand;
  const char* name;
  double tdp_w;
};

TEST(BuiltinData, RealCpuBrandStringsMapToTheirTdp) {
  // "model name" lines as /proc/cpuinfo prints them.
  const BrandCase cases[] = {
      {"Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", "Intel Xeon Gold 6248", 150},
      {"Intel(R) Xeon(R) Platinum 8280 CPU @ 2.70GHz", "Intel Xeon Platinum 8280", 205},
      {"Intel(R) Xeon(R) CPU E5-2698 v4 @ 2.20GHz", "Intel Xeon E5-2698 v4", 135},
      {"Intel(R) Xeon(R) CPU E5-2690 v4 @ 2.60GHz", "Intel Xeon E5-2690 v4", 135},
      {"Intel(R) Xeon(R) CPU E5-2680 v3 @ 2.50GHz", "Intel Xeon E5-2680 v3", 120},
      {"Intel(R) Xeon(R) Platinum 8358 CPU @ 2.60GHz", "Intel Xeon Platinum 8358", 250},
      {"Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz", "Intel Xeon Gold 6148", 150},
      {"Intel(R) Xeon(R) Silver 4214 CPU @ 2.20GHz", "Intel Xeon Silver 4214", 85},
      {"Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", "Intel Xeon Gold 6338", 205},
      {"Intel(R) Xeon(R) Platinum 8175M CPU @ 2.50GHz", "Intel Xeon Platinum 8175M", 240},
      {"Intel(R) Xeon(R) W-2295 CPU @ 3.00GHz", "Intel Xeon W-2295", 165},
      {"Intel(R) Xeon(R) CPU E5-2686 v4 @ 2.30GHz", "Intel Xeon E5-2686 v4", 145},
      {"Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz", "Intel Core i7-8700", 65},
      {"Intel(R) Core(TM) i9-9900K CPU @ 3.60GHz", "Intel Core i9-9900K", 95},
      {"Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz", "Intel Core i5-8250U", 15},
      {"Intel(R) Core(TM) i7-10700 CPU @ 2.90GHz", "Intel Core i7-10700", 65},
      {"AMD EPYC 7763 64-Core Processor", "AMD EPYC 7763", 280},
      {"AMD EPYC 7742 64-Core Processor", "AMD EPYC 7742", 225},
      {"AMD EPYC 7543 32-Core Processor", "AMD EPYC 7543", 225},
      {"AMD EPYC 9654 96-Core Processor", "AMD EPYC 9654", 360},
      {"AMD EPYC 7R13 Processor", "AMD EPYC 7R13", 225},
      {"AMD EPYC 7B12", "AMD EPYC 7B12", 240},
      {"AMD Ryzen 9 5950X 16-Core Processor", "AMD Ryzen 9 5950X", 105},
      {"AMD Ryzen 7 3700X 8-Core Processor", "AMD Ryzen 7 3700X", 65},
      {"AMD Ryzen Threadripper 3990X 64-Core Processor", "AMD Ryzen Threadripper 3990X", 280},
  };
  for (const BrandCase& c : cases) {
    const CpuMatch m = data().match_cpu_brand(c.brand);
    ASSERT_NE(m.cpu, nullptr) << c.brand << " -> " << m.normalised;
    EXPECT_EQ(m.cpu->name, c.name) << c.brand;
    EXPECT_DOUBLE_EQ(m.cpu->tdp_w, c.tdp_w) << c.brand;
  }
}

TEST(BuiltinData, UnknownCpusDoNotMatchAWrongRow) {
  // ARM server cores (lscpu model names) are in no permissive table, and a bare family
  // name must not match a generic row such as "Intel Xeon": no match, so the caller
  // falls back to the per-core TDP and says so.
  for (const char* brand : {"Neoverse-N1", "Neoverse-V1", "Intel(R) Xeon(R) CPU @ 2.30GHz", "AMD EPYC Processor", ""}) {
    EXPECT_EQ(data().match_cpu_brand(brand).cpu, nullptr) << brand;
  }
  EXPECT_NE(data().constant("cpu_tdp_per_core_w"), nullptr);
}

// data/instances.csv: every machine names a known accelerator with a TDP, CPU power is
// idle <= full, a node's maximum covers its GPUs, lookups suggest the closest names, and
// a user file's bad rows are refused with the file and line.
TEST(InstancesData, EveryMachineIsComplete) {
  ASSERT_GT(data().instances().size(), 80u);
  int nodes = 0;
  for (const Instance& m : data().instances()) {
    auto a = data().find_accelerator(m.gpu);
    ASSERT_TRUE(a.ok()) << m.name;
    EXPECT_GT((*a)->tdp_w, 0) << m.name;
    EXPECT_LE(m.cpu_w_min, m.cpu_w_max) << m.name;
    EXPECT_GT(m.cpu_w_max, 0) << m.name;
    EXPECT_GT(m.memory_gb, 0) << m.name;
    if (m.kind == "node") {
      ++nodes;
      ASSERT_TRUE(m.max_system_w) << m.name;
      EXPECT_GT(*m.max_system_w, (*a)->tdp_w * m.gpu_count + m.cpu_w_max) << m.name;
    } else {
      EXPECT_FALSE(m.provider.empty()) << m.name;
      EXPECT_GT(m.vcpus, 0) << m.name;
    }
  }
  EXPECT_EQ(nodes, 3);
  const Constant* other = data().constant("gpu_server_other_fraction");
  ASSERT_NE(other, nullptr);
  EXPECT_LE(other->low, other->value);
  EXPECT_LE(other->value, other->high);
}

TEST(InstancesData, LookupsByNameAliasAndKind) {
  auto p4d = data().find_instance("p4d.24xlarge", "cloud");
  ASSERT_TRUE(p4d.ok());
  EXPECT_EQ((*p4d)->gpu_count, 8);
  EXPECT_EQ((*p4d)->provider, "aws");
  auto nd = data().find_instance("ND96isr_H100_v5", "cloud");  // Azure's name without Standard_
  ASSERT_TRUE(nd.ok()) << nd.status().message();
  EXPECT_EQ((*nd)->gpu, "NVIDIA H100 SXM5 80GB");
  auto dgx = data().find_instance("DGX H100", "node");
  ASSERT_TRUE(dgx.ok());
  EXPECT_EQ((*dgx)->name, "dgx-h100");
  EXPECT_FALSE(data().find_instance("dgx-h100", "cloud").ok());  // a node is not an instance
  const Status miss = data().find_instance("a2-highgpu-8", "cloud").status();
  EXPECT_EQ(miss.code(), StatusCode::kNotFound);
  EXPECT_NE(miss.message().find("a2-highgpu-8g"), std::string::npos) << miss.message();
}

TEST(InstancesData, BadRowsAreRefusedWithFileAndLine) {
  const std::string head = "name,kind,provider,gpu,gpu_count,cpu_w_min,cpu_w_max,memory_gb,max_system_w,source_id\n";
  const std::map<std::string, std::string> base = {
      {"SOURCES.csv", "source_id,title,licence\ns1,T,facts\n"},
      {"accelerators.csv", "name,tdp_w,source_id\nG1,400,s1\n"}};
  const auto load = [&](const std::string& rows) {
    auto files = base;
    files["instances.csv"] = head + rows;
    return DataSet::from_texts(files).status();
  };
  EXPECT_TRUE(load("m1,cloud,aws,G1,8,10,50,64,,s1\n").ok());
  EXPECT_EQ(load("m1,vm,aws,G1,8,10,50,64,,s1\n").message(), "instances.csv:2: kind must be cloud or node");
  EXPECT_EQ(load("m1,cloud,aws,G9,8,10,50,64,,s1\n").message(),
            "instances.csv:2: gpu 'G9' is not a name of accelerators.csv");
  EXPECT_EQ(load("m1,cloud,aws,G1,8,60,50,64,,s1\n").message(), "instances.csv:2: need cpu_w_min <= cpu_w_max");
  EXPECT_EQ(load("n1,node,,G1,8,10,50,64,,s1\n").message(), "instances.csv:2: a node needs its max_system_w");
  EXPECT_EQ(load("m1,cloud,,G1,8,10,50,64,,s1\n").message(), "instances.csv:2: a cloud instance needs its provider");
}

}  // namespace
}  // namespace carbonscope
